package org.gongkai.parsing.word;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.gongkai.parsing.input.RawPages;
import org.gongkai.parsing.input.UnreadableDocumentException;

/**
 * A legacy Word 97–2003 file ({@code .doc}) through POI's HWPF, where it reads: paragraphs as lines, tables as
 * tab-separated rows with vertically merged cells carried down (HWPF does not say which cells a horizontal merge
 * joined, so those stay as printed). Files HWPF cannot read (Word 6/95, encrypted, another Office file in the same
 * OLE2 container) are refused with a clear message rather than read as garbage.
 */
public final class DocText {

    private static final int MAX_COLUMNS = 200;

    private DocText() {}

    public static RawPages read(byte[] bytes) {
        try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
            Range range = doc.getRange();
            StringBuilder out = new StringBuilder();
            int n = range.numParagraphs();
            for (int i = 0; i < n; i++) {
                Paragraph p = range.getParagraph(i);
                if (p.isInTable()) {
                    Table table = range.getTable(p);
                    appendTable(out, table);
                    i += Math.max(0, table.numParagraphs() - 1);
                } else {
                    out.append(clean(p.text())).append('\n');
                }
            }
            return new RawPages(List.of(out.toString()), null, false);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(
                    "a legacy Word (.doc) file that POI's HWPF cannot read (" + e.getMessage()
                            + "); save it as .docx or PDF and send that",
                    e);
        }
    }

    private static void appendTable(StringBuilder out, Table table) {
        String[] above = new String[MAX_COLUMNS];
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells() && c < MAX_COLUMNS; c++) {
                TableCell cell = row.getCell(c);
                String text = clean(cell.text());
                if (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged() && above[c] != null) text = above[c];
                above[c] = text;
                cells.add(text);
            }
            if (cells.stream().anyMatch(s -> !s.isBlank()))
                out.append(String.join("\t", cells)).append('\n');
        }
    }

    /** Word's field, cell and paragraph marks out; a cell's paragraphs joined as one label. */
    private static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') c = ' ';
            else if (c == '\r' || c == '\u0007' || c == '\u000B') continue;
            if (c < 0x20) continue;
            b.append(c);
        }
        return b.toString().strip();
    }
}
