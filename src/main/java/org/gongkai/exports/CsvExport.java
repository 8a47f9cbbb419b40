package org.gongkai.exports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gongkai.queries.Column;

/**
 * Writes a table as CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese right), RFC 4180 quoting and CRLF,
 * one header row "中文 (English)", numbers as plain digits, text guarded against formula injection.
 */
public final class CsvExport implements TableWriter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final OutputStream out;
    private Writer writer;
    private CSVPrinter printer;
    private ExportLayout layout;
    private long rows;

    public CsvExport(OutputStream out) {
        this.out = out;
    }

    @Override
    public void header(List<Column> columns) {
        layout = new ExportLayout(columns);
        try {
            out.write(BOM);
            writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            List<String> header = new ArrayList<>(layout.output().size());
            for (ExportLayout.OutputColumn c : layout.output()) header.add(FormulaGuard.guard(c.header()));
            printer.printRecord(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(List<Object> cells) {
        if (printer == null) throw new IllegalStateException("row before header");
        try {
            for (ExportLayout.OutputColumn c : layout.output()) {
                Object cell = c.source() < cells.size() ? cells.get(c.source()) : null;
                printer.print(c.bound() ? ExportLayout.boundText(cell) : text(cell));
            }
            printer.println();
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish(ExportSources sources) {
        try {
            if (printer == null) header(List.of());
            printer.flush();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long rows() {
        return rows;
    }

    private static String text(Object cell) {
        Object v = ExportLayout.plain(cell);
        if (v == null) return "";
        if (v instanceof Number n) return ExportLayout.numberText(n);
        return FormulaGuard.guard(v.toString());
    }
}
