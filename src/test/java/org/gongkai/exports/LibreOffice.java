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

/** Headless LibreOffice Calc for round-trip tests: finds soffice and converts a workbook's first sheet to CSV. */
final class LibreOffice {

    /** CSV filter: comma, double quote, UTF-8, raw cell values rather than values "as shown". */
    private static final String CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false";

    static final String MISSING =
            "soffice (LibreOffice Calc) not found on PATH: run scripts/install-libreoffice.sh to run this test";

    private LibreOffice() {}

    static String find() {
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
        Process p = new ProcessBuilder(
                        soffice,
                        "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                        "--headless",
                        "--convert-to",
                        CSV_FILTER,
                        "--outdir",
                        dir.toString(),
                        xlsx.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile())
                .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("soffice did not finish in 180 s");
        }
        String base = xlsx.getFileName().toString().replaceFirst("\\.xlsx$", "");
        Path csv = dir.resolve(base + ".csv");
        if (!Files.exists(csv)) {
            throw new IllegalStateException("soffice wrote no CSV: " + Files.readString(dir.resolve("soffice.log")));
        }
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
}
