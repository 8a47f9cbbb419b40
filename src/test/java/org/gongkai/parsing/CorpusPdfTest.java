package org.gongkai.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The corpus report PDF (18, 洪泽区 2023) beyond what {@code expected.json} scores: the page of every figure, the
 * section-三 table continued after its page break, and the row whose label copies the source form's typo.
 */
class CorpusPdfTest {

    private static final ParsedDocument DOC =
            DocumentParser.standard().parse(CorpusDocumentsTest.bytes("18_hongze-district-2023.pdf"), null, null);

    @Test
    void putsThePageOfEveryCorpusPdfFigureInItsSource() {
        ParsedDocument doc = DOC;
        assertThat(doc.report()
                        .figures()
                        .get("proactive.licensing.decisions")
                        .source()
                        .page())
                .isEqualTo(2);
        assertThat(doc.report().figures().get("requests.new.total").source().page())
                .isEqualTo(3);
        // The section-三 table continues on page 4 after the page break.
        assertThat(doc.report().figures().get("outcome.total.total").source().page())
                .isEqualTo(4);
        assertThat(doc.report().figures().get("review.total").source().page()).isEqualTo(4);
        assertThat(doc.report().figures().values())
                .allSatisfy(f -> assertThat(f.source().page()).isNotNull());
        assertThat(TextNormalizer.normalize(doc.text()))
                .as("the text is normalized once")
                .isEqualTo(doc.text());
    }

    @Test
    void readsTheRowWhoseLabelCopiesTheFormsTypo() {
        // 2.其他法律行政止公开 (sic, for 其他法律行政法规禁止公开), a catalogue alias of the row.
        assertThat(DOC.report()
                        .figures()
                        .get("outcome.denied.prohibited_by_law.total")
                        .source()
                        .row())
                .isEqualTo("2.其他法律行政止公开");
        assertThat(DOC.report().figures()).containsKeys("outcome.denied.prohibited_by_law.natural_person");
    }

    @Test
    void joinsTheTitleBrokenOverTwoLinesAndReadsEveryPrintedCell() {
        assertThat(DOC.title()).isEqualTo("洪泽区人民政府2023年政府信息公开工作年度报告");
        assertThat(DOC.text()).startsWith("洪泽区人民政府2023年政府信息公开工作年度报告\n");
        // 10 proactive cells, 22 request rows × 7 columns, 15 appeal cells, 1 prose figure (items published). The
        // PDF prints (六)其他处理 as one row without the 2021 form's three sub-rows, which have the only cells.
        assertThat(DOC.report().figures()).hasSize(10 + 22 * 7 + 15 + 1);
    }
}
