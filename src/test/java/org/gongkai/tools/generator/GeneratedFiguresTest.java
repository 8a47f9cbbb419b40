package org.gongkai.tools.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratedFiguresTest {

    private static final String NEW_TOTAL = "requests.new.total";
    private static List<GeneratedReport> corpus;
    private final MetricCatalogue catalogue = MetricCatalogue.standard();

    @BeforeAll
    static void generate() {
        corpus = new CorpusGenerator(
                        GeneratorOptions.defaults().withReports(20_003).withFaultShare(0))
                .reports()
                .toList();
    }

    @Test
    void theCorpusHoldsExactlyTheRequestedNumberOfReports() {
        assertThat(corpus).hasSize(20_003);
        assertThat(new CorpusGenerator(GeneratorOptions.defaults().withReports(5)).reports())
                .hasSize(5);
        assertThat(new CorpusGenerator(GeneratorOptions.defaults().withReports(0)).reports())
                .isEmpty();
    }

    @Test
    void eachAgencyReportsConsecutiveYearsUpToTheLastAndOnlyTheLastAgenciesStartLate() {
        Map<Agency, List<Integer>> years = corpus.stream()
                .collect(Collectors.groupingBy(
                        GeneratedReport::agency,
                        java.util.LinkedHashMap::new,
                        Collectors.mapping(r -> r.report().year(), Collectors.toList())));
        List<Integer> firstYears = years.values().stream().map(y -> y.get(0)).toList();
        years.values().forEach(y -> {
            assertThat(y.get(y.size() - 1)).isEqualTo(2026);
            assertThat(y).isSortedAccordingTo(Integer::compare).doesNotHaveDuplicates();
            assertThat(y.get(y.size() - 1) - y.get(0) + 1).isEqualTo(y.size());
        });
        // 20,003 = 1,667 × 12 − 1: exactly one agency, the last, starts a year late.
        assertThat(firstYears.subList(0, firstYears.size() - 1)).containsOnly(2015);
        assertThat(firstYears.get(firstYears.size() - 1)).isEqualTo(2016);
    }

    @Test
    void aMillionReportsOverTwelveYearsTakeEightyThreeThousandAgencies() {
        assertThat(new CorpusGenerator(GeneratorOptions.defaults().withReports(1_000_000)).agencies())
                .hasSize(83_334);
    }

    @Test
    void formatsFollowTheYearTheReportCovers() {
        for (GeneratedReport r : corpus) {
            ReportFormat expected = r.report().year() < 2019
                    ? ReportFormat.NARRATIVE
                    : r.report().year() < 2021 ? ReportFormat.F2019 : ReportFormat.F2021;
            assertThat(r.report().format()).isEqualTo(expected);
        }
        assertThat(corpus.stream().map(r -> r.report().year()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(2015, 2026)
                        .boxed()
                        .toList());
    }

    @Test
    void tableReportsPrintEveryCellOfTheirFormatAndNothingOutsideIt() {
        for (ReportFormat format : List.of(ReportFormat.F2019, ReportFormat.F2021)) {
            Set<String> printed =
                    catalogue.printedCells(format).stream().map(Metric::key).collect(Collectors.toSet());
            Set<String> allowed = new HashSet<>(printed);
            allowed.add("proactive.items_published");
            corpus.stream().filter(r -> r.report().format() == format).forEach(r -> assertThat(
                            r.report().figures().keySet())
                    .containsAll(printed)
                    .isSubsetOf(allowed));
        }
    }

    @Test
    void narrativeReportsStateTheProseFigures() {
        Set<String> prose = Set.of(
                "proactive.items_published",
                NEW_TOTAL,
                "outcome.total.total",
                "requests.carried_forward.total",
                "review.total",
                "litigation.direct.total",
                "litigation.after_review.total");
        List<CanonicalReport> narrative = corpus.stream()
                .map(GeneratedReport::report)
                .filter(r -> r.format() == ReportFormat.NARRATIVE)
                .toList();
        assertThat(narrative)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.figures().keySet()).isEqualTo(prose));
        long lowerBounds = narrative.stream()
                .filter(r -> r.figures().get("proactive.items_published").bound() == Bound.AT_LEAST)
                .count();
        assertThat(lowerBounds).isBetween(narrative.size() / 20L, narrative.size() / 4L);
    }

    @Test
    void everyMetricKeyIsInTheCatalogueAndCountsAreNeverNegative() {
        for (GeneratedReport r : corpus) {
            r.report().figures().forEach((key, figure) -> {
                assertThat(catalogue.find(key)).as(key).isPresent();
                if (!key.endsWith(".items_change"))
                    assertThat(figure.value().signum()).as(key).isNotNegative();
            });
        }
    }

    @Test
    void amountsInTenThousandYuanCarryFourDecimals() {
        List<BigDecimal> amounts = corpus.stream()
                .flatMap(r -> r.report().figures().entrySet().stream())
                .filter(e -> e.getKey().endsWith("amount_10k_yuan"))
                .map(e -> e.getValue().value())
                .toList();
        assertThat(amounts).isNotEmpty().allSatisfy(a -> assertThat(a.scale()).isEqualTo(4));
        assertThat(amounts).anySatisfy(a -> assertThat(a.signum()).isPositive());
    }

    @Test
    void mostBureausGetFewRequestsAndAFewGetThousands() {
        long[] requests = corpus.stream()
                .mapToLong(r -> r.report().figures().get(NEW_TOTAL).value().longValueExact())
                .sorted()
                .toArray();
        assertThat(requests[requests.length / 2]).isBetween(0L, 5L);
        assertThat(requests[requests.length - 1]).isGreaterThan(1_000L);
        assertThat(Arrays.stream(requests).filter(n -> n <= 5).count()).isGreaterThan(requests.length / 2L);
    }

    @Test
    void provincialLandAndPoliceBureausGetMoreRequestsThanCountyEducationBureaus() {
        double provincial = meanRequests(a -> a.tier() != AgencyTier.CITY
                && a.tier() != AgencyTier.COUNTY
                && Set.of("natural_resources", "public_security")
                        .contains(a.department().key()));
        double countyEducation = meanRequests(
                a -> a.tier() == AgencyTier.COUNTY && a.department().key().equals("education"));
        assertThat(provincial).isGreaterThan(20 * countyEducation);
    }

    @Test
    void agenciesSpreadOverAllThirtyOneProvinces() {
        assertThat(corpus.stream().map(r -> r.agency().provinceCode()).distinct())
                .hasSize(31);
        assertThat(new CorpusGenerator(GeneratorOptions.defaults().withReports(400))
                        .agencies().stream().map(Agency::provinceCode).distinct())
                .hasSize(31);
    }

    @Test
    void documentStocksEvolveFromYearToYear() {
        // 2021 in force = 2020 in force + issued − repealed wherever both years are in the corpus.
        Map<String, CanonicalReport> byAgencyYear = corpus.stream()
                .map(GeneratedReport::report)
                .collect(Collectors.toMap(r -> r.agencyName() + r.regionCode() + r.year(), r -> r));
        int compared = 0;
        for (CanonicalReport r : byAgencyYear.values()) {
            if (r.format() != ReportFormat.F2021) continue;
            CanonicalReport before = byAgencyYear.get(r.agencyName() + r.regionCode() + (r.year() - 1));
            if (before == null || before.format() == ReportFormat.NARRATIVE) continue;
            long expected = value(before, "proactive.normative_docs.in_force")
                    + value(r, "proactive.normative_docs.issued")
                    - value(r, "proactive.normative_docs.repealed");
            assertThat(value(r, "proactive.normative_docs.in_force")).isEqualTo(expected);
            compared++;
        }
        assertThat(compared).isGreaterThan(1_000);
    }

    @Test
    void proseLowerBoundsKeepTwoSignificantDigits() {
        assertThat(AgencyChronicle.roundDown(1234)).isEqualTo(1200);
        assertThat(AgencyChronicle.roundDown(13456)).isEqualTo(13000);
        assertThat(AgencyChronicle.roundDown(87)).isEqualTo(80);
        assertThat(AgencyChronicle.roundDown(100)).isEqualTo(100);
    }

    private static long value(CanonicalReport r, String key) {
        Figure f = r.figures().get(key);
        return f.value().longValueExact();
    }

    private double meanRequests(java.util.function.Predicate<Agency> which) {
        return corpus.stream()
                .filter(r -> which.test(r.agency()))
                .mapToLong(r -> r.report().figures().get(NEW_TOTAL).value().longValueExact())
                .average()
                .orElseThrow();
    }
}
