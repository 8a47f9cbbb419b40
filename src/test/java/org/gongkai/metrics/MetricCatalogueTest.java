package org.gongkai.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.canonical.ReportFormat;
import org.junit.jupiter.api.Test;

class MetricCatalogueTest {

    private final MetricCatalogue catalogue = MetricCatalogue.standard();

    @Test
    void expandsEveryRowOfSectionThreeIntoSevenApplicantColumns() {
        assertThat(catalogue.row("outcome.denied.state_secret"))
                .extracting(Metric::key)
                .containsExactly(
                        "outcome.denied.state_secret.natural_person",
                        "outcome.denied.state_secret.commercial",
                        "outcome.denied.state_secret.research",
                        "outcome.denied.state_secret.social_org",
                        "outcome.denied.state_secret.legal_services",
                        "outcome.denied.state_secret.other_org",
                        "outcome.denied.state_secret.total");
    }

    @Test
    void knowsWhichCellsEachFormatPrints() {
        // 29 rows in section 三; 2019 prints all but 3 subtotal rows and the three 2021-only 其他处理 rows; 2021 prints
        // all but the 3 subtotals and （六）其他处理, which it splits into three
        long requests2019 = catalogue.printedCells(ReportFormat.F2019).stream()
                .filter(m -> m.section().equals("requests"))
                .count();
        long requests2021 = catalogue.printedCells(ReportFormat.F2021).stream()
                .filter(m -> m.section().equals("requests"))
                .count();
        assertThat(requests2019).isEqualTo(23 * 7);
        assertThat(requests2021).isEqualTo(25 * 7);
        assertThat(catalogue.get("outcome.other.total").isPrintedCellOf(ReportFormat.F2019))
                .isTrue();
        assertThat(catalogue.get("outcome.other.total").isPrintedCellOf(ReportFormat.F2021))
                .isFalse();
        assertThat(catalogue.get("proactive.procurement.amount_10k_yuan").formats())
                .containsExactly(ReportFormat.F2019);
        assertThat(catalogue.get("proactive.normative_docs.issued").note()).contains("本年新制作数量");
        assertThat(catalogue.printedCells(ReportFormat.NARRATIVE)).isEmpty();
    }

    @Test
    void keepsOneLabelPerFormatForRenamedColumns() {
        Metric issued = catalogue.get("proactive.rules.issued");
        assertThat(issued.columnLabels())
                .containsEntry(ReportFormat.F2019, "本年新制作数量")
                .containsEntry(ReportFormat.F2021, "本年制发件数");
        assertThat(catalogue.get("proactive.normative_docs.in_force").rowAliases())
                .contains("行政规范性文件");
    }

    @Test
    void subtotalsListTheirComponents() {
        assertThat(catalogue.get("outcome.unavailable.commercial").components())
                .containsExactly(
                        "outcome.unavailable.not_held.commercial",
                        "outcome.unavailable.needs_creation.commercial",
                        "outcome.unavailable.unclear.commercial");
        assertThat(catalogue.get("review.total").components()).isEmpty();
    }

    @Test
    void theRolesOfTheRequestRowsAgreeWithTheBalanceRules() {
        // written out here, independently of the catalogue: the flow of section 三 as the form prints it
        assertThat(catalogue.rowWithRole("new")).isEqualTo("requests.new");
        assertThat(catalogue.rowWithRole("carried_over")).isEqualTo("requests.carried_over");
        assertThat(catalogue.rowWithRole("handled")).isEqualTo("outcome.total");
        assertThat(catalogue.rowWithRole("carried_forward")).isEqualTo("requests.carried_forward");
        assertThat(catalogue.rowsWithRole("outcome"))
                .containsExactly(
                        "outcome.granted",
                        "outcome.partial",
                        "outcome.denied",
                        "outcome.unavailable",
                        "outcome.not_processed",
                        "outcome.other");
        // and the catalogue's two halves say the same: 一 + 二 = （七） + 四, （七） = （一）…（六）
        CheckRule balance = rule("requests.balance", "total");
        assertThat(balance.left()).containsExactly(totalOf("new"), totalOf("carried_over"));
        assertThat(balance.right()).containsExactly(totalOf("handled"), totalOf("carried_forward"));
        CheckRule outcomes = rule("outcome.total", "total");
        assertThat(outcomes.left())
                .containsExactlyElementsOf(catalogue.rowsWithRole("outcome").stream()
                        .map(r -> r + ".total")
                        .toList());
        assertThat(outcomes.right()).containsExactly(totalOf("handled"));
    }

    @Test
    void everyRequestRowIsARoleOrAPartOfAnOutcome() {
        for (String row : catalogue.rowKeys()) {
            Metric total = catalogue.row(row).get(catalogue.row(row).size() - 1);
            if (!total.section().equals("requests")) continue;
            boolean hasRole = java.util.stream.Stream.of("new", "carried_over", "outcome", "handled", "carried_forward")
                    .anyMatch(role -> catalogue.rowsWithRole(role).contains(row));
            boolean isPart = catalogue.rowsWithRole("outcome").stream()
                    .anyMatch(o -> catalogue.get(o + ".total").components().contains(total.key()));
            assertThat(hasRole ^ isPart).as(row).isTrue();
        }
    }

    @Test
    void theProseStatementsNameSummedFiguresAndTheDocumentRowsTheirColumns() {
        ProseKeys prose = catalogue.proseKeys();
        for (String key : java.util.List.of(
                prose.itemsPublished(),
                prose.received(),
                prose.carriedOver(),
                prose.granted(),
                prose.partial(),
                prose.handled(),
                prose.pending(),
                prose.review(),
                prose.litigationDirect(),
                prose.litigationAfterReview())) {
            assertThat(catalogue.get(key).summable()).as(key).isTrue();
        }
        assertThat(prose.received()).isEqualTo("requests.new.total");
        assertThat(prose.pending()).isEqualTo("requests.carried_forward.total");
        assertThat(catalogue.proseKeys().documentKinds()).containsOnlyKeys("规章", "规范性文件");
        catalogue.proseKeys().documentKinds().values().forEach(row -> assertThat(catalogue.row(row))
                .extracting(Metric::column)
                .contains("issued", "repealed", "in_force"));
    }

    @Test
    void everyAnnexRowCanBeReachedAndAddsIntoATotalTheAnnexReads() {
        java.util.List<AnnexRow> rows = catalogue.annexRows();
        java.util.Set<String> totals = new java.util.HashSet<>();
        rows.stream().filter(r -> r.metric() != null && r.partOf() == null).forEach(r -> totals.add(r.metric()));
        for (int i = 0; i < rows.size(); i++) {
            AnnexRow row = rows.get(i);
            assertThat(row.metric() != null || row.partOf() != null).isTrue();
            if (row.partOf() != null) assertThat(totals).as("total of " + row).contains(row.partOf());
            // a row tried earlier must not take every label of a later one: no earlier ending ends a later ending
            for (int j = i + 1; j < rows.size(); j++)
                for (String earlier : row.endings())
                    for (String later : rows.get(j).endings())
                        assertThat(later.endsWith(earlier))
                                .as(earlier + " hides " + later)
                                .isFalse();
        }
        // the annex's own rows (not in the 2019 form) are single figures of narrative reports
        assertThat(rows)
                .filteredOn(r -> r.metric() != null && r.metric().startsWith("annex."))
                .allMatch(r -> catalogue.get(r.metric()).formats().equals(java.util.Set.of(ReportFormat.NARRATIVE)));
    }

    @Test
    void theBenchAsksForKnownMetricsAndSumsOnlySummableOnes() {
        assertThat(catalogue.benchmarkMetrics("oneMetric"))
                .allMatch(k -> catalogue.get(k).summable());
        for (String shape :
                java.util.List.of("itemsPublished", "outcomesByCity", "cityYear", "ranking", "sectorYear", "export"))
            assertThat(catalogue.benchmarkMetrics(shape))
                    .allMatch(k -> catalogue.find(k).isPresent());
    }

    private CheckRule rule(String name, String column) {
        return catalogue.checks().stream()
                .filter(r -> r.rule().equals(name) && r.column().equals(column))
                .findFirst()
                .orElseThrow();
    }

    private String totalOf(String role) {
        return catalogue.rowWithRole(role) + ".total";
    }
}
