package org.gongkai.tools.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.SourceKind;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.parsing.DocumentParser;
import org.gongkai.parsing.Hints;
import org.gongkai.parsing.ParsedDocument;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionResolver;
import org.junit.jupiter.api.Test;

class ReportRoundTripTest {

    private static final int REPORTS = 400;

    private final MetricCatalogue catalogue = MetricCatalogue.standard();
    private final RegionResolver regions = new RegionResolver(RegionDirectory.standard());
    private final DocumentParser parser = new DocumentParser(catalogue, regions, Long.MAX_VALUE);
    private final ReportRenderer renderer = new ReportRenderer(catalogue);

    @Test
    void tableReportsRenderedInEveryLayoutParseBackToTheSameFigures() {
        RandomReports reports = new RandomReports(catalogue, 20260101L);
        for (int i = 0; i < REPORTS; i++) {
            ReportFormat format = i % 2 == 0 ? ReportFormat.F2019 : ReportFormat.F2021;
            CanonicalReport report = reports.tableReport(format);
            for (Layout layout : new Layout[] {Layout.HTML_TABLE, Layout.CELL_PER_LINE, Layout.TAB_SEPARATED}) {
                assertRoundTrip(report, layout, i);
            }
        }
    }

    @Test
    void narrativeReportsRenderedAsProseParseBackToTheSameFigures() {
        RandomReports reports = new RandomReports(catalogue, 77L);
        for (int i = 0; i < REPORTS; i++) {
            assertRoundTrip(reports.narrativeReport(), Layout.PROSE, i);
        }
    }

    private void assertRoundTrip(CanonicalReport report, Layout layout, int i) {
        String document = renderer.render(report, layout);
        String type = layout == Layout.HTML_TABLE ? "text/html; charset=UTF-8" : "text/plain; charset=UTF-8";
        ParsedDocument parsed = parser.parse(document.getBytes(StandardCharsets.UTF_8), type, Hints.none());
        String context = "report " + i + " in " + layout + ":\n" + document;

        assertThat(parsed.report()).as(context).isNotNull();
        CanonicalReport back = parsed.report();
        assertThat(back.format()).as(context).isEqualTo(report.format());
        assertThat(back.agencyName()).as(context).isEqualTo(report.agencyName());
        assertThat(back.regionCode())
                .as(context)
                .isEqualTo(
                        regions.resolve(report.agencyName()).map(r -> r.code()).orElse(null));
        assertThat(back.year()).as(context).isEqualTo(report.year());
        assertThat(back.publishedOn()).as(context).isEqualTo(report.publishedOn());
        assertThat(new TreeMap<>(values(back.figures())))
                .as(context)
                .isEqualTo(new TreeMap<>(values(report.figures())));
        for (Figure f : back.figures().values()) {
            assertThat(f.source().kind()).isIn(SourceKind.TABLE, SourceKind.PROSE);
            assertThat(parsed.text().substring(f.source().start(), f.source().end()))
                    .isEqualTo(f.source().text());
        }
    }

    /** Value and bound per key: what a round trip must preserve. */
    private static Map<String, String> values(Map<String, Figure> figures) {
        Map<String, String> out = new TreeMap<>();
        figures.forEach(
                (k, f) -> out.put(k, f.value().toPlainString() + " " + f.bound().code()));
        return out;
    }
}
