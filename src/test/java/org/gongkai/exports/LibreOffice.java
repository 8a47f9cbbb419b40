package org.gongkai.exports;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Headless LibreOffice for round-trip tests: finds soffice, converts a workbook's first sheet to CSV (Calc), and
 * converts documents between formats (Writer: HTML → PDF or .docx, .docx → PDF) with a fresh profile and a timeout.
 */
public final class LibreOffice {

    /** CSV filter: comma, double quote, UTF-8, raw cell values rather than values "as shown". */
    private static final String CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false";

    public static final String MISSING =
            "soffice (LibreOffice Calc) not found on PATH: run scripts/install-libreoffice.sh to run this test";

    private LibreOffice() {}

    public static String find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("soffice", "libreoffice")) {
                File f = new File(dir, name);
                if (f.canExecute()) return f.getAbsolutePath();
            }
        }
        File debian = new File("/usr/lib/libreoffice/program/soffice");
        return debian.canExecute() ? debian.getAbsolutePath() : null;
    }

    /** The first sheet of {@code xlsx} as Calc reads it. */
    static List<CSVRecord> toCsv(String soffice, Path xlsx, Path dir) throws IOException, InterruptedException {
        Path csv = convert(soffice, xlsx, null, CSV_FILTER, "csv", dir, 180);
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    /** Calc writes percent-formatted cells with their % even when asked for raw values. */
    static java.math.BigDecimal number(String text) {
        return text.endsWith("%")
                ? new java.math.BigDecimal(text.substring(0, text.length() - 1)).movePointLeft(2)
                : new java.math.BigDecimal(text);
    }

    /**
     * Converts {@code input} with soffice into {@code outDir} (a fresh profile under it, so that concurrent or
     * earlier runs do not interfere) and returns the file written.
     *
     * @param importFilter the filter to open the input with ({@code --infilter}), or null for soffice's choice
     * @param exportFilter what {@code --convert-to} is given, e.g. {@code pdf:writer_pdf_Export}
     * @param extension the extension of the file written
     */
    public static Path convert(
            String soffice,
            Path input,
            String importFilter,
            String exportFilter,
            String extension,
            Path outDir,
            int timeoutSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        List<String> command = new java.util.ArrayList<>(List.of(
                soffice, "-env:UserInstallation=" + outDir.resolve("profile").toUri(), "--headless"));
        if (importFilter != null) command.add("--infilter=" + importFilter);
        command.addAll(List.of("--convert-to", exportFilter, "--outdir", outDir.toString(), input.toString()));
        Path log = outDir.resolve("soffice.log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("soffice did not finish in " + timeoutSeconds + " s: " + command);
        }
        String base = input.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Path written = outDir.resolve(base + "." + extension);
        if (!Files.exists(written)) {
            throw new IllegalStateException(
                    "soffice wrote no " + extension + " (" + command + "): " + Files.readString(log));
        }
        return written;
    }
}
