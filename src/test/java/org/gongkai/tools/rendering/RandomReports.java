package org.gongkai.tools.rendering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Part;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.Source;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/**
 * Random annual reports for round-trip and fuzz tests: table reports with any printed cell possibly missing (whole
 * rows cut off too), figures consistent or not; narrative reports with the figures prose can state.
 */
public final class RandomReports {

    static final List<String> AGENCIES = List.of(
            "牡丹江市教育局",
            "溪湖区教育局",
            "安徽省教育厅",
            "定西市财政局",
            "杭州市卫生健康委员会",
            "鞍山市人民政府办公室",
            "马鞍山市生态环境局",
            "成都市武侯区民政局",
            "广东省自然资源厅",
            "本溪市交通运输局");
    private static final List<String> CHANNEL_LABELS = List.of("政务动态类", "通知公告类", "政策解读类", "办事指南类", "人事信息类");

    private final MetricCatalogue catalogue;
    private final Random random;

    public RandomReports(MetricCatalogue catalogue, long seed) {
        this.catalogue = catalogue;
        this.random = new Random(seed);
    }

    public CanonicalReport tableReport(ReportFormat format) {
        int year = format == ReportFormat.F2019 ? 2019 + random.nextInt(2) : 2021 + random.nextInt(5);
        Map<String, Figure> figures = new LinkedHashMap<>();
        String cutRow = random.nextInt(5) == 0 ? randomRow(format) : null;
        boolean cutting = false;
        for (Metric m : catalogue.printedCells(format)) {
            if (m.row().equals(cutRow)) cutting = true;
            if (cutting && m.section().equals("requests")) continue;
            if (random.nextInt(12) == 0) continue;
            figures.put(m.key(), new Figure(valueFor(m), Bound.EXACT, Source.submitted(), List.of(), null));
        }
        if (format == ReportFormat.F2019 && random.nextInt(5) == 0) addSubItem(figures);
        if (random.nextInt(10) < 7) figures.put("proactive.items_published", itemsPublished());
        if (figures.isEmpty()) figures.put("proactive.rules.issued", Figure.exact(1, Source.submitted()));
        return report(format, year, figures);
    }

    public CanonicalReport narrativeReport() {
        int year = 2008 + random.nextInt(18);
        Map<String, Figure> figures = new LinkedHashMap<>();
        if (random.nextInt(10) < 8) figures.put("proactive.items_published", itemsPublished());
        for (String key : List.of(
                "requests.new.total",
                "outcome.total.total",
                "requests.carried_forward.total",
                "proactive.normative_docs.issued",
                "proactive.normative_docs.repealed",
                "proactive.normative_docs.in_force",
                "proactive.rules.issued",
                "proactive.rules.repealed",
                "proactive.rules.in_force")) {
            if (random.nextBoolean()) figures.put(key, Figure.exact(count(), Source.submitted()));
        }
        int appeals = random.nextInt(4);
        if (appeals >= 1)
            figures.put("review.total", Figure.exact(random.nextBoolean() ? 0 : count(), Source.submitted()));
        if (appeals >= 2) {
            figures.put("litigation.direct.total", Figure.exact(0, Source.submitted()));
            figures.put("litigation.after_review.total", Figure.exact(0, Source.submitted()));
        }
        return report(ReportFormat.NARRATIVE, year, figures);
    }

    private CanonicalReport report(ReportFormat format, int year, Map<String, Figure> figures) {
        String agency = AGENCIES.get(random.nextInt(AGENCIES.size()));
        LocalDate published = LocalDate.of(year + 1, 1 + random.nextInt(3), 1 + random.nextInt(28));
        return new CanonicalReport(agency, null, year, format, published, null, figures, List.of());
    }

    private String randomRow(ReportFormat format) {
        List<Metric> cells = catalogue.printedCells(format).stream()
                .filter(m -> m.section().equals("requests"))
                .toList();
        return cells.get(random.nextInt(cells.size())).row();
    }

    private BigDecimal valueFor(Metric m) {
        return switch (m.column()) {
            case "items_change" -> BigDecimal.valueOf(random.nextInt(41) - 20);
            case "amount_10k_yuan" -> BigDecimal.valueOf(random.nextInt(10_000_000), random.nextBoolean() ? 4 : 2);
            default -> BigDecimal.valueOf(count());
        };
    }

    private long count() {
        return switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1, 2 -> random.nextInt(10);
            case 3, 4 -> random.nextInt(1000);
            default -> random.nextInt(200_000);
        };
    }

    private void addSubItem(Map<String, Figure> figures) {
        for (String column : List.of("items_prev_year", "items_change", "decisions")) {
            String key = "proactive.other_services." + column;
            BigDecimal v = column.equals("items_change")
                    ? BigDecimal.valueOf(random.nextInt(5) - 2)
                    : BigDecimal.valueOf(random.nextInt(9));
            Figure part = new Figure(v, Bound.EXACT, Source.submitted(), List.of(), null);
            figures.put(key, new Figure(v, Bound.EXACT, Source.submitted(), List.of(new Part("涉外学校审批", part)), null));
        }
    }

    private Figure itemsPublished() {
        Bound bound =
                switch (random.nextInt(5)) {
                    case 0 -> Bound.AT_LEAST;
                    case 1 -> Bound.APPROXIMATELY;
                    default -> Bound.EXACT;
                };
        List<Part> parts = new ArrayList<>();
        if (random.nextBoolean()) {
            int n = 2 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                parts.add(new Part(CHANNEL_LABELS.get(i), Figure.exact(random.nextInt(500), Source.submitted())));
            }
        }
        return new Figure(BigDecimal.valueOf(1 + random.nextInt(50_000)), bound, Source.submitted(), parts, null);
    }
}
