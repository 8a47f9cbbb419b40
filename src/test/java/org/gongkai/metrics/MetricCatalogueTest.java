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
}
