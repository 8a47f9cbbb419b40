package org.gongkai.tools.generator;

import java.nio.charset.StandardCharsets;
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
    /** {@code "key":} per catalogue key, encoded once. */
    private final byte[][] keyPrefixes;

    public SubmissionJson(MetricCatalogue catalogue) {
        this.order = catalogue.all().stream().map(Metric::key).toList();
        this.keyPrefixes = order.stream()
                .map(k -> ("\"" + k + "\":").getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
    }

    public static SubmissionJson standard() {
        return new SubmissionJson(MetricCatalogue.standard());
    }

    /** The submission, without a line break. */
    public String line(CanonicalReport report) {
        Utf8Buffer out = new Utf8Buffer(8192);
        append(report, out);
        return out.toString();
    }

    void append(CanonicalReport report, Utf8Buffer out) {
        out.ascii("{\"agency\":{\"name\":");
        JsonText.string(out, report.agencyName());
        if (report.regionCode() != null) {
            out.ascii(",\"regionCode\":");
            JsonText.string(out, report.regionCode());
        }
        out.ascii("},\"year\":").number(report.year());
        out.ascii(",\"format\":\"").ascii(report.format().code()).append('"');
        if (report.publishedOn() != null) {
            out.ascii(",\"publishedOn\":\"")
                    .ascii(report.publishedOn().toString())
                    .append('"');
        }
        if (report.sourceUrl() != null) {
            out.ascii(",\"sourceUrl\":");
            JsonText.string(out, report.sourceUrl());
        }
        out.ascii(",\"figures\":");
        figures(report.figures(), out);
        out.append('}');
    }

    /** The figures object, keys in catalogue order so equal reports give equal bytes. */
    void figures(Map<String, Figure> figures, Utf8Buffer out) {
        out.append('{');
        boolean first = true;
        for (int i = 0; i < keyPrefixes.length; i++) {
            Figure figure = figures.get(order.get(i));
            if (figure == null) continue;
            if (!first) out.append(',');
            first = false;
            out.raw(keyPrefixes[i]);
            JsonText.figure(out, figure);
        }
        out.append('}');
    }
}
