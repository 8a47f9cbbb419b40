package org.gongkai.tools.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.checks.CrossChecks;
import org.gongkai.checks.DerivedFigures;
import org.gongkai.metrics.MetricCatalogue;
import org.junit.jupiter.api.Test;

class GeneratedChecksTest {

    private final MetricCatalogue catalogue = MetricCatalogue.standard();
    private final DerivedFigures derived = new DerivedFigures(catalogue);
    private final CrossChecks checks = new CrossChecks(catalogue);

    @Test
    void cleanReportsPassEveryCrossCheckAndEveryCarriedOverChain() {
        List<GeneratedReport> reports = new CorpusGenerator(
                        GeneratorOptions.defaults().withReports(6_000).withFaultShare(0))
                .reports()
                .toList();
        int checked = 0;
        GeneratedReport previous = null;
        for (GeneratedReport r : reports) {
            assertThat(r.faults()).isEmpty();
            List<CheckResult> results = run(previous, r);
            assertThat(results)
                    .allSatisfy(c -> assertThat(c.passed()).as(c.message()).isTrue());
            checked += results.size();
            previous = r;
        }
        assertThat(checked).isGreaterThan(6_000 * 30);
    }

    @Test
    void faultyReportsFailExactlyTheChecksTheirFaultsName() {
        List<GeneratedReport> reports = new CorpusGenerator(
                        GeneratorOptions.defaults().withReports(12_000).withFaultShare(0.1))
                .reports()
                .toList();
        Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        int faulty = 0;
        GeneratedReport previous = null;
        for (GeneratedReport r : reports) {
            Set<ExpectedFailure> failed = new HashSet<>();
            for (CheckResult c : run(previous, r)) if (!c.passed()) failed.add(ExpectedFailure.of(c));
            Set<ExpectedFailure> expected = new HashSet<>();
            for (InjectedFault fault : r.faults()) {
                expected.addAll(fault.failures());
                assertThat(fault.failures()).extracting(ExpectedFailure::rule).contains(fault.rule());
                kinds.add(fault.kind());
            }
            assertThat(failed)
                    .as("%s %d %s", r.report().agencyName(), r.report().year(), r.faults())
                    .isEqualTo(expected);
            if (r.faulty()) faulty++;
            previous = r;
        }
        assertThat(kinds).containsExactlyInAnyOrder(FaultKind.values());
        // 10% of all reports, all carried by the table-format two thirds of them.
        assertThat(faulty).isBetween(1_000, 1_400);
    }

    @Test
    void faultsNeverMakeACountNegative() {
        new CorpusGenerator(GeneratorOptions.defaults().withReports(6_000).withFaultShare(0.3))
                .reports()
                .flatMap(r -> r.faults().stream())
                .flatMap(f -> f.changes().stream())
                .forEach(change -> assertThat(change.injected().signum()).isNotNegative());
    }

    /** CrossChecks on the derived figures, plus the chain against the agency's previous year if there is one. */
    private List<CheckResult> run(GeneratedReport previous, GeneratedReport current) {
        Map<String, Figure> complete =
                derived.complete(current.report().format(), current.report().figures());
        List<CheckResult> out = new ArrayList<>(checks.run(complete));
        if (previous != null) out.addAll(CarriedOverChain.check(previous.report(), current.report()));
        return out;
    }
}
