package org.gongkai.exports;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.problems.ProblemException;

/** The file formats Gongkai exports to, with their media type and file extension. */
public enum ExportFormat {
    CSV("csv", "text/csv; charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String code;
    private final String mediaType;

    ExportFormat(String code, String mediaType) {
        this.code = code;
        this.mediaType = mediaType;
    }

    public String code() {
        return code;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return code;
    }

    /** Opens a writer of this format over {@code out}; the caller still owns (and closes) the stream. */
    public TableWriter open(OutputStream out, MetricCatalogue catalogue) {
        return switch (this) {
            case CSV -> new CsvExport(out);
            case XLSX -> new XlsxExport(out, catalogue);
        };
    }

    /** The format a request names (case-insensitive), or 400 naming the parameter. */
    public static ExportFormat parse(String name, String value) {
        if (value == null || value.isBlank()) return CSV;
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.code.equals(v))
                .findFirst()
                .orElseThrow(() -> ProblemException.badParameter(name, "must be csv or xlsx, not \"" + value + "\""));
    }
}
