package org.gongkai.generator;

import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.Figure;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/**
 * Writes a report as the body of {@code POST /api/reports} (API.md), on one line, figures in catalogue order. Written
 * by hand rather than through Jackson because it runs a million times per corpus; the tests parse it back with Jackson.
 */
public final class SubmissionJson {

    private final List<String> order;

    public SubmissionJson(MetricCatalogue catalogue) {
        this.order = catalogue.all().stream().map(Metric::key).toList();
    }

    public static SubmissionJson standard() {
        return new SubmissionJson(MetricCatalogue.standard());
    }

    /** The submission, without a line break. */
    public String line(CanonicalReport report) {
        StringBuilder out = new StringBuilder(8192);
        append(report, out);
        return out.toString();
    }

    public void append(CanonicalReport report, StringBuilder out) {
        out.append("{\"agency\":{\"name\":");
        JsonText.string(out, report.agencyName());
        if (report.regionCode() != null) {
            out.append(",\"regionCode\":");
            JsonText.string(out, report.regionCode());
        }
        out.append("},\"year\":").append(report.year());
        out.append(",\"format\":\"").append(report.format().code()).append('"');
        if (report.publishedOn() != null)
            out.append(",\"publishedOn\":\"").append(report.publishedOn()).append('"');
        if (report.sourceUrl() != null) {
            out.append(",\"sourceUrl\":");
            JsonText.string(out, report.sourceUrl());
        }
        out.append(",\"figures\":");
        figures(report.figures(), out);
        out.append('}');
    }

    /** The figures object, keys in catalogue order so equal reports give equal bytes. */
    void figures(Map<String, Figure> figures, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (String key : order) {
            Figure figure = figures.get(key);
            if (figure == null) continue;
            if (!first) out.append(',');
            first = false;
            out.append('"').append(key).append("\":");
            JsonText.figure(out, figure);
        }
        out.append('}');
    }
}
