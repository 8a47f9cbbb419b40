package org.gongkai.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.Source;
import org.gongkai.canonical.SourceKind;
import org.gongkai.metrics.MetricCatalogue;
import org.junit.jupiter.api.Test;

/**
 * The 勾稽关系 of FORMAT.md, one rule at a time, on small tables whose sums were worked out by hand (the numbers in
 * each comment). Every rule is shown holding, failing with its expected and actual numbers, and not run when one of
 * its terms is missing.
 */
class CrossChecksTest {

    private static final MetricCatalogue CATALOGUE = MetricCatalogue.standard();
    private static final CrossChecks CHECKS = new CrossChecks(CATALOGUE);
    private static final List<String> APPLICANTS =
            List.of("natural_person", "commercial", "research", "social_org", "legal_services", "other_org");

    private static Map<String, Figure> figures(Object... keyValues) {
        Map<String, Figure> out = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2)
            out.put((String) keyValues[i], Figure.exact(((Number) keyValues[i + 1]).longValue(), Source.submitted()));
        return out;
    }

    private static List<CheckResult> results(Map<String, Figure> figures, String rule, String column) {
        return CHECKS.run(figures).stream()
                .filter(c -> c.rule().equals(rule) && column.equals(c.column()))
                .toList();
    }

    @Test
    void balanceHoldsWhenNewPlusCarriedOverEqualsHandledPlusCarriedForward() {
        // 一 12 + 二 3 = 15 = （七）14 + 四 1
        var f = figures(
                "requests.new.total", 12,
                "requests.carried_over.total", 3,
                "outcome.total.total", 14,
                "requests.carried_forward.total", 1);
        List<CheckResult> balance = results(f, "requests.balance", "total");
        assertThat(balance).hasSize(1);
        assertThat(balance.get(0).passed()).isTrue();
        assertThat(balance.get(0).expected()).isEqualByComparingTo("15");
        assertThat(balance.get(0).actual()).isEqualByComparingTo("15");
    }

    @Test
    void balanceFailsWithBothSidesWhenTheColumnDoesNotAddUp() {
        // 一 74 + 二 1 = 75, but （七）70 + 四 0 = 70
        var f = figures(
                "requests.new.natural_person", 74,
                "requests.carried_over.natural_person", 1,
                "outcome.total.natural_person", 70,
                "requests.carried_forward.natural_person", 0);
        CheckResult r = results(f, "requests.balance", "natural_person").get(0);
        assertThat(r.passed()).isFalse();
        assertThat(r.expected()).isEqualByComparingTo("75");
        assertThat(r.actual()).isEqualByComparingTo("70");
        assertThat(r.message()).contains("expected 75").contains("found 70");
    }

    @Test
    void balanceIsNotRunWhenATermIsMissing() {
        var f = figures("requests.new.total", 12, "outcome.total.total", 12, "requests.carried_forward.total", 0);
        assertThat(results(f, "requests.balance", "total")).isEmpty();
    }

    @Test
    void handledTotalIsTheSumOfTheSixOutcomes() {
        // （一）21 + （二）9 + （三）5 + （四）30 + （五）8 + （六）2 = 75
        var f = figures(
                "outcome.granted.total", 21,
                "outcome.partial.total", 9,
                "outcome.denied.total", 5,
                "outcome.unavailable.total", 30,
                "outcome.not_processed.total", 8,
                "outcome.other.total", 2,
                "outcome.total.total", 75);
        assertThat(results(f, "outcome.total", "total").get(0).passed()).isTrue();

        f.put("outcome.total.total", Figure.exact(76, Source.submitted()));
        CheckResult failed = results(f, "outcome.total", "total").get(0);
        assertThat(failed.passed()).isFalse();
        assertThat(failed.expected()).isEqualByComparingTo("75");
        assertThat(failed.actual()).isEqualByComparingTo("76");
    }

    @Test
    void rowTotalIsTheSumOfTheSixApplicantColumns() {
        // 自然人 60 + 商业企业 7 + 科研机构 0 + 社会公益组织 1 + 法律服务机构 3 + 其他 3 = 74
        var f = figures();
        long[] values = {60, 7, 0, 1, 3, 3};
        for (int i = 0; i < APPLICANTS.size(); i++)
            f.put("requests.new." + APPLICANTS.get(i), Figure.exact(values[i], Source.submitted()));
        f.put("requests.new.total", Figure.exact(74, Source.submitted()));
        List<CheckResult> rows = CHECKS.run(f).stream()
                .filter(c -> c.rule().equals("requests.row_total") && "requests.new".equals(c.row()))
                .toList();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.passed()).isTrue();
            assertThat(r.expected()).isEqualByComparingTo("74");
        });

        f.put("requests.new.total", Figure.exact(71, Source.submitted()));
        CheckResult failed = CHECKS.run(f).stream()
                .filter(c -> c.rule().equals("requests.row_total") && "requests.new".equals(c.row()))
                .findFirst()
                .orElseThrow();
        assertThat(failed.passed()).isFalse();
        assertThat(failed.expected()).isEqualByComparingTo("74");
        assertThat(failed.actual()).isEqualByComparingTo("71");
    }

    @Test
    void reviewAndEachLitigationGroupTotalTheirFourResults() {
        // 行政复议 1 + 1 + 0 + 0 = 2; 直接起诉 2 + 1 + 1 + 1 = 5; 复议后起诉 1 + 0 + 0 + 1 = 2 (printed 3)
        var f = figures(
                "review.upheld",
                1,
                "review.corrected",
                1,
                "review.other",
                0,
                "review.pending",
                0,
                "review.total",
                2,
                "litigation.direct.upheld",
                2,
                "litigation.direct.corrected",
                1,
                "litigation.direct.other",
                1,
                "litigation.direct.pending",
                1,
                "litigation.direct.total",
                5,
                "litigation.after_review.upheld",
                1,
                "litigation.after_review.corrected",
                0,
                "litigation.after_review.other",
                0,
                "litigation.after_review.pending",
                1,
                "litigation.after_review.total",
                3);
        Map<String, CheckResult> byRule = new HashMap<>();
        CHECKS.run(f).forEach(c -> byRule.put(c.rule(), c));
        assertThat(byRule.get("review.total").passed()).isTrue();
        assertThat(byRule.get("litigation.direct.total").passed()).isTrue();
        assertThat(byRule.get("litigation.direct.total").expected()).isEqualByComparingTo("5");
        CheckResult after = byRule.get("litigation.after_review.total");
        assertThat(after.passed()).isFalse();
        assertThat(after.expected()).isEqualByComparingTo("2");
        assertThat(after.actual()).isEqualByComparingTo("3");
    }

    @Test
    void derivedSubtotalFeedsTheHandledTotalOnlyWhenEveryReasonIsPresent() {
        // （三）不予公开 is not printed: 1 + 0 + 2 + 0 + 0 + 1 + 0 + 0 = 4 is derived from its eight reasons
        String[] reasons = {
            "state_secret", "prohibited_by_law", "security_stability", "third_party",
            "internal_affairs", "process_info", "enforcement_file", "admin_query"
        };
        long[] values = {1, 0, 2, 0, 0, 1, 0, 0};
        Map<String, Figure> f = new HashMap<>();
        for (int i = 0; i < reasons.length; i++)
            f.put("outcome.denied." + reasons[i] + ".total", Figure.exact(values[i], Source.submitted()));
        Map<String, Figure> completed = new DerivedFigures(CATALOGUE).complete(ReportFormat.F2021, f);
        assertThat(completed.get("outcome.denied.total").value()).isEqualByComparingTo(BigDecimal.valueOf(4));
        assertThat(completed.get("outcome.denied.total").source().kind()).isEqualTo(SourceKind.DERIVED);

        f.remove("outcome.denied.admin_query.total");
        assertThat(new DerivedFigures(CATALOGUE).complete(ReportFormat.F2021, f))
                .doesNotContainKey("outcome.denied.total");
    }

    @Test
    void assessmentStoresFindingsAndFailedChecksButNotPassedOnes() {
        // one passing rule (review 1 + 0 + 0 + 0 = 1) and one failing (row 一: 2 + 0 + 0 + 0 + 0 + 0 = 2 ≠ 3)
        var f = figures(
                "review.upheld", 1, "review.corrected", 0, "review.other", 0, "review.pending", 0, "review.total", 1);
        for (String a : APPLICANTS)
            f.put("requests.new." + a, Figure.exact(a.equals("natural_person") ? 2 : 0, Source.submitted()));
        f.put("requests.new.total", Figure.exact(3, Source.submitted()));
        CheckResult finding = new CheckResult("prose.parts_sum", null, null, false, null, null, "parts do not add up");
        Assessment a = new ReportAssessor(CATALOGUE)
                .assess(new CanonicalReport(
                        "某县教育局", "350128", 2021, ReportFormat.F2021, null, null, f, List.of(finding)));
        assertThat(a.toStore())
                .extracting(s -> s.check().rule())
                .containsExactly("prose.parts_sum", "requests.row_total");
        assertThat(a.failedChecks()).isEqualTo(2);
        assertThat(a.missing()).isNotEmpty().doesNotContain("requests.new.total");
    }
}
