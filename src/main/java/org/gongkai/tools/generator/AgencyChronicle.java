package org.gongkai.tools.generator;

import static org.gongkai.tools.generator.RequestTableKeys.COLUMNS;
import static org.gongkai.tools.generator.RequestTableKeys.FIRST_OTHER;
import static org.gongkai.tools.generator.RequestTableKeys.OUTCOMES;
import static org.gongkai.tools.generator.RequestTableKeys.TOTAL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.Source;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/**
 * The reports of one agency over consecutive years, written in the format each year prescribes. Requests, proactive
 * disclosure and presentation (dates, rounding in prose) draw from three streams seeded by the corpus seed and the
 * agency's identity, so an agency's reports never depend on the other agencies of the corpus, and changing how one
 * part is drawn leaves the others as they were.
 */
final class AgencyChronicle {

    private static final Source SUBMITTED = Source.submitted();
    private static final MetricCatalogue CATALOGUE = MetricCatalogue.standard();
    private static final String ITEMS_PUBLISHED = CATALOGUE.proseKeys().itemsPublished();
    // Keys read once: building them per report would also rehash them per lookup.
    private static final String[][] CASE_CELLS = RequestTableKeys.CASE_GROUPS.stream()
            .map(g -> CATALOGUE.row(g).stream().map(Metric::key).toArray(String[]::new))
            .toArray(String[][]::new);
    private static final String[] CASE_TOTALS =
            Arrays.stream(CASE_CELLS).map(cells -> cells[cells.length - 1]).toArray(String[]::new);
    private static final List<ProactiveCell> PROACTIVE_2019 = ProactiveCell.printedIn(CATALOGUE, ReportFormat.F2019);
    private static final List<ProactiveCell> PROACTIVE_2021 = ProactiveCell.printedIn(CATALOGUE, ReportFormat.F2021);

    private final Agency agency;
    private final RequestFlow requests;
    private final ProactiveStocks proactive;
    private final RandomDraws presentation;

    AgencyChronicle(Agency agency, long seed) {
        this.agency = agency;
        this.requests = new RequestFlow(agency, new RandomDraws(RandomDraws.seedFor(seed, agency.identity(), 1)));
        this.proactive = new ProactiveStocks(agency, new RandomDraws(RandomDraws.seedFor(seed, agency.identity(), 3)));
        this.presentation = new RandomDraws(RandomDraws.seedFor(seed, agency.identity(), 4));
    }

    /** The agency's reports for the years, oldest first. */
    List<ReportDraft> years(int from, int to) {
        List<ReportDraft> out = new ArrayList<>(to - from + 1);
        for (int year = from; year <= to; year++) out.add(year(year));
        return out;
    }

    private ReportDraft year(int year) {
        ReportFormat format = ReportFormat.prescribedFor(year);
        RequestYear r = requests.next(year);
        ProactiveYear p = proactive.next(year);
        Map<String, Figure> f = new HashMap<>(512);
        if (format == ReportFormat.NARRATIVE) {
            putItemsPublished(f, p.itemsPublished(), true);
            put(f, RequestTableKeys.cell(RequestTableKeys.NEW, TOTAL), r.fresh()[TOTAL]);
            put(f, RequestTableKeys.cell(RequestTableKeys.OUTCOME_TOTAL, TOTAL), r.handled()[TOTAL]);
            put(f, RequestTableKeys.cell(RequestTableKeys.CARRIED_FORWARD, TOTAL), r.carriedForward()[TOTAL]);
            for (int g = 0; g < CASE_TOTALS.length; g++) put(f, CASE_TOTALS[g], r.cases()[g][4]);
        } else {
            if (presentation.chance(0.5)) putItemsPublished(f, p.itemsPublished(), false);
            putRequestTable(f, format, r);
            putProactive(f, format == ReportFormat.F2019 ? PROACTIVE_2019 : PROACTIVE_2021, p);
        }
        return new ReportDraft(agency, year, format, publishedOn(year), f, DrawnSubtotals.of(format, r));
    }

    private static void putRequestTable(Map<String, Figure> f, ReportFormat format, RequestYear r) {
        putRow(f, RequestTableKeys.NEW, r.fresh());
        putRow(f, RequestTableKeys.CARRIED_OVER, r.carriedOver());
        if (format == ReportFormat.F2021) {
            for (int k = 0; k < OUTCOMES.size(); k++) putRow(f, OUTCOMES.get(k), r.outcomes()[k]);
        } else {
            // 2019 prints （六）其他处理 as one row: the sum of 2021's three.
            for (int k = 0; k < FIRST_OTHER; k++) putRow(f, OUTCOMES.get(k), r.outcomes()[k]);
            long[] other = new long[COLUMNS];
            for (int k = FIRST_OTHER; k < OUTCOMES.size(); k++) {
                for (int c = 0; c < COLUMNS; c++) other[c] += r.outcomes()[k][c];
            }
            putRow(f, RequestTableKeys.OUTCOME_OTHER, other);
        }
        putRow(f, RequestTableKeys.OUTCOME_TOTAL, r.handled());
        putRow(f, RequestTableKeys.CARRIED_FORWARD, r.carriedForward());
        for (int g = 0; g < CASE_CELLS.length; g++) {
            for (int c = 0; c < CASE_CELLS[g].length; c++) {
                put(f, CASE_CELLS[g][c], r.cases()[g][c]);
            }
        }
    }

    private static void putProactive(Map<String, Figure> f, List<ProactiveCell> cells, ProactiveYear p) {
        for (ProactiveCell cell : cells) {
            if (cell.isAmount()) putAmount(f, cell.key(), cell.amount(p));
            else if (cell.isDrawn(p)) put(f, cell.key(), cell.count(p));
        }
    }

    /** Reports are due by 31 January since 2019 (by 31 March before); a few come late. */
    private LocalDate publishedOn(int year) {
        if (year < 2019) return LocalDate.of(year + 1, 1, 15).plusDays(presentation.uniform(75));
        if (presentation.chance(0.9)) return LocalDate.of(year + 1, 1, 5 + presentation.uniform(27));
        return LocalDate.of(year + 1, 2, 1).plusDays(presentation.uniform(60));
    }

    /** Prose often rounds: "1000余条" is a lower bound, "约500条" an approximation. Tables print it exactly, if at all. */
    private void putItemsPublished(Map<String, Figure> f, long items, boolean prose) {
        double roll = presentation.uniform();
        Bound bound = !prose || items < 20
                ? Bound.EXACT
                : roll < 0.15 ? Bound.AT_LEAST : roll < 0.18 ? Bound.APPROXIMATELY : Bound.EXACT;
        long value = bound == Bound.EXACT ? items : roundDown(items);
        f.put(ITEMS_PUBLISHED, new Figure(BigDecimal.valueOf(value), bound, SUBMITTED, List.of(), null));
    }

    /** Keeps two significant digits: 1234 → 1200 ("1200余条"), 13456 → 13000 ("1.3万余条"), 87 → 80. */
    static long roundDown(long value) {
        long unit = 10;
        while (value / unit >= 100) unit *= 10;
        return value / unit * unit;
    }

    private static void putRow(Map<String, Figure> f, String row, long[] values) {
        String[] keys = RequestTableKeys.cells(row);
        for (int c = 0; c < COLUMNS; c++) put(f, keys[c], values[c]);
    }

    private static void put(Map<String, Figure> f, String key, long value) {
        f.put(key, new Figure(BigDecimal.valueOf(value), Bound.EXACT, SUBMITTED, List.of(), null));
    }

    /** Amounts in 万元 with the four decimals the form asks for, built from whole units so no float artefact leaks. */
    private static void putAmount(Map<String, Figure> f, String key, double amount) {
        long tenThousandths = StrictMath.round(amount * 10_000);
        f.put(key, new Figure(BigDecimal.valueOf(tenThousandths, 4), Bound.EXACT, SUBMITTED, List.of(), null));
    }
}
