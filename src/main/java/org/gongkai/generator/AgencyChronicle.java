package org.gongkai.generator;

import static org.gongkai.generator.RequestTableKeys.COLUMNS;
import static org.gongkai.generator.RequestTableKeys.FIRST_OTHER;
import static org.gongkai.generator.RequestTableKeys.OUTCOMES;
import static org.gongkai.generator.RequestTableKeys.TOTAL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.Source;

/**
 * The history of one agency over consecutive years: request volumes that drift, requests carried from one year into
 * the next, document stocks and licensing items that evolve. Everything is drawn from one random stream seeded by the
 * corpus seed and the agency's identity, so an agency's reports never depend on the other agencies of the corpus.
 */
final class AgencyChronicle {

    private static final Source SUBMITTED = Source.submitted();
    private static final double[] APPLICANT_SHARES = {0.86, 0.07, 0.004, 0.01, 0.04, 0.016};
    private static final double[] OUTCOME_SHARES = {
        0.45,
        0.08, // granted, partial
        0.003,
        0.005,
        0.004,
        0.01,
        0.005,
        0.008,
        0.003,
        0.002, // denied
        0.17,
        0.03,
        0.02, // unavailable
        0.03,
        0.02,
        0.005,
        0.01,
        0.01, // not processed
        0.05,
        0.002,
        0.048 // other: no correction, fee unpaid, other
    };
    private static final double[] CASE_SHARES = {0.62, 0.1, 0.18, 0.1};

    private final Agency agency;
    private final RandomDraws draws;

    // Habits of the agency, drawn once.
    private final double requestVolume;
    private final double[] applicantShares;
    private final double[] outcomeShares;
    private final double carryRate;
    private final double reviewRate;
    private final double litigationRate;
    private final double activity;
    private final double itemsBase;
    private final double normativeRate;
    private final double rulesRate;

    // Stocks that evolve from year to year.
    private double drift;
    private long[] carriedForward;
    private long rulesInForce;
    private long normativeInForce;
    private final long[] managementItems = new long[5]; // licensing, other services, penalty, coercion, fees

    AgencyChronicle(Agency agency, long seed) {
        this.agency = agency;
        this.draws = new RandomDraws(RandomDraws.seedFor(seed, agency.identity(), 1));
        Department d = agency.department();
        AgencyTier tier = agency.tier();
        // Heavy tail: most county bureaus see a handful of requests, a provincial land bureau thousands.
        this.requestVolume = draws.lognormal(0.9 * d.requests() * tier.scale(), 1.25);
        this.applicantShares = draws.jittered(APPLICANT_SHARES, 0.6);
        this.outcomeShares = draws.jittered(OUTCOME_SHARES, 0.5);
        this.carryRate = 0.01 + 0.12 * draws.uniform() * draws.uniform();
        this.reviewRate = 0.005 + 0.05 * draws.uniform();
        this.litigationRate = 0.002 + 0.03 * draws.uniform();
        this.activity = draws.lognormal(1, 0.9);
        this.itemsBase = draws.lognormal(
                120 * StrictMath.pow(tier.scale(), 0.9) * (d.key().startsWith("government") ? 2.5 : 1), 0.8);
        this.normativeRate = draws.lognormal(
                1.5 * StrictMath.pow(tier.scale(), 0.6) * (d.key().equals("government") ? 3 : 1), 0.6);
        this.rulesRate = d.issuesRules() && tier != AgencyTier.COUNTY
                ? (tier == AgencyTier.CITY ? 1.0 : 4.0) * (d.key().equals("government") ? 1 : 0.5)
                : 0;
        this.rulesInForce = rulesRate == 0 ? 0 : draws.poisson(rulesRate * 12);
        this.normativeInForce = draws.poisson(normativeRate * 6);
        managementItems[0] = d.licensing() > 0 ? draws.poisson(4 + d.licensing() / 15) : 0;
        managementItems[1] = draws.chance(0.5) ? draws.poisson(3) : 0;
        managementItems[2] = d.penalty() > 0 ? draws.poisson(5 + d.penalty() / 20) : 0;
        managementItems[3] = d.penalty() > 0 ? draws.poisson(1 + d.penalty() / 200) : 0;
        managementItems[4] = d.fees() > 0 ? draws.poisson(2 + d.fees() / 100) : 0;
    }

    /** The agency's reports for the years, oldest first. */
    List<ReportDraft> years(int from, int to) {
        List<ReportDraft> out = new ArrayList<>(to - from + 1);
        for (int year = from; year <= to; year++) out.add(year(year, year == from));
        return out;
    }

    private ReportDraft year(int year, boolean first) {
        ReportFormat format = ReportFormat.prescribedFor(year);
        Map<String, Figure> f = new HashMap<>(512);
        Department d = agency.department();
        AgencyTier tier = agency.tier();

        // ---- section 三: requests flow through the year
        // Mean-reverting drift: volumes wander from year to year but an agency stays roughly the size it is.
        drift = 0.7 * drift + 0.25 * draws.gaussian();
        double lambda = requestVolume * yearFactor(year) * StrictMath.exp(drift);
        long[] fresh = new long[COLUMNS];
        draws.multinomial(draws.poisson(lambda), applicantShares, fresh);
        long[] carriedOver = carriedForward;
        if (first) {
            carriedOver = new long[COLUMNS];
            draws.multinomial(draws.poisson(lambda * carryRate), applicantShares, carriedOver);
        }
        long[] forward = new long[COLUMNS];
        long[][] outcomes = new long[OUTCOMES.size()][COLUMNS];
        long[] split = new long[OUTCOMES.size()];
        for (int c = 0; c < TOTAL; c++) {
            long pool = fresh[c] + carriedOver[c];
            forward[c] = draws.binomial(pool, carryRate);
            draws.multinomial(pool - forward[c], outcomeShares, split);
            for (int k = 0; k < split.length; k++) outcomes[k][c] = split[k];
        }
        totalise(fresh);
        totalise(carriedOver);
        totalise(forward);
        for (long[] row : outcomes) totalise(row);
        long[] handled = new long[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) handled[c] = fresh[c] + carriedOver[c] - forward[c];
        carriedForward = forward;

        // ---- section 四: reviews and lawsuits about disclosure
        long[][] cases = new long[3][];
        cases[0] = caseRow(draws.poisson(reviewRate * fresh[TOTAL]));
        cases[1] = caseRow(draws.poisson(litigationRate * fresh[TOTAL]));
        cases[2] = caseRow(draws.poisson(0.3 * cases[0][4]));

        // ---- section 二: stocks evolve every year, printed or not
        long rulesIssued = draws.poisson(rulesRate);
        long rulesRepealed = Math.min(rulesInForce, draws.poisson(rulesRate * 0.4));
        rulesInForce += rulesIssued - rulesRepealed;
        long docsIssued = draws.poisson(normativeRate * StrictMath.exp(0.3 * draws.gaussian()));
        long docsRepealed = Math.min(normativeInForce, draws.poisson(normativeRate * 0.5));
        normativeInForce += docsIssued - docsRepealed;
        long[] itemsPrev = managementItems.clone();
        long[] itemsChange = new long[managementItems.length];
        for (int i = 0; i < managementItems.length; i++) {
            if (managementItems[i] == 0 && !draws.chance(0.05)) continue;
            if (draws.chance(0.6)) continue;
            long change = draws.between(-3, 3);
            change = Math.max(change, -managementItems[i]);
            itemsChange[i] = change;
            managementItems[i] += change;
        }
        double scale = StrictMath.pow(tier.scale(), 0.8) * activity * StrictMath.exp(0.3 * draws.gaussian());
        long licensing = decisions(d.licensing() * scale);
        long otherServices = decisions(5 * scale * (managementItems[1] > 0 ? 1 : 0.1));
        long penalties = decisions(d.penalty() * scale);
        long coercions = decisions(d.penalty() * 0.04 * scale);
        long itemsPublished = draws.poisson(itemsBase * StrictMath.pow(1.08, year - 2015));

        switch (format) {
            case NARRATIVE -> {
                putItemsPublished(f, itemsPublished, true);
                put(f, RequestTableKeys.cell(RequestTableKeys.NEW, TOTAL), fresh[TOTAL]);
                put(f, RequestTableKeys.cell(RequestTableKeys.OUTCOME_TOTAL, TOTAL), handled[TOTAL]);
                put(f, RequestTableKeys.cell(RequestTableKeys.CARRIED_FORWARD, TOTAL), forward[TOTAL]);
                for (int g = 0; g < 3; g++) put(f, RequestTableKeys.CASE_GROUPS.get(g) + ".total", cases[g][4]);
            }
            case F2019, F2021 -> {
                if (draws.chance(0.5)) putItemsPublished(f, itemsPublished, false);
                putRow(f, RequestTableKeys.NEW, fresh);
                putRow(f, RequestTableKeys.CARRIED_OVER, carriedOver);
                if (format == ReportFormat.F2021) {
                    for (int k = 0; k < OUTCOMES.size(); k++) putRow(f, OUTCOMES.get(k), outcomes[k]);
                } else {
                    for (int k = 0; k < FIRST_OTHER; k++) putRow(f, OUTCOMES.get(k), outcomes[k]);
                    long[] other = new long[COLUMNS];
                    for (int k = FIRST_OTHER; k < OUTCOMES.size(); k++) {
                        for (int c = 0; c < COLUMNS; c++) other[c] += outcomes[k][c];
                    }
                    putRow(f, RequestTableKeys.OUTCOME_OTHER, other);
                }
                putRow(f, RequestTableKeys.OUTCOME_TOTAL, handled);
                putRow(f, RequestTableKeys.CARRIED_FORWARD, forward);
                for (int g = 0; g < 3; g++) {
                    String group = RequestTableKeys.CASE_GROUPS.get(g);
                    for (int c = 0; c < 5; c++) put(f, group + "." + RequestTableKeys.CASE_COLUMNS.get(c), cases[g][c]);
                }
                if (format == ReportFormat.F2019) {
                    put(f, "proactive.rules.issued", rulesIssued);
                    put(f, "proactive.rules.published", rulesIssued);
                    put(f, "proactive.rules.in_force", rulesInForce);
                    put(f, "proactive.normative_docs.issued", docsIssued);
                    put(f, "proactive.normative_docs.published", docsIssued - draws.binomial(docsIssued, 0.05));
                    put(f, "proactive.normative_docs.in_force", normativeInForce);
                    String[] rows = {"licensing", "other_services", "penalty", "coercion", "fees"};
                    long[] decided = {licensing, otherServices, penalties, coercions};
                    for (int i = 0; i < rows.length; i++) {
                        put(f, "proactive." + rows[i] + ".items_prev_year", itemsPrev[i]);
                        put(f, "proactive." + rows[i] + ".items_change", itemsChange[i]);
                        if (i < decided.length) put(f, "proactive." + rows[i] + ".decisions", decided[i]);
                    }
                    long projects = draws.poisson(3 * StrictMath.pow(tier.scale(), 0.7) * activity);
                    double amount = 0;
                    for (long p = 0; p < Math.min(projects, 200); p++) amount += draws.lognormal(40, 1.0);
                    amount *= projects > 200 ? projects / 200.0 : 1;
                    put(f, "proactive.procurement.projects", projects);
                    putAmount(f, "proactive.procurement.amount_10k_yuan", amount);
                } else {
                    put(f, "proactive.rules.issued", rulesIssued);
                    put(f, "proactive.rules.repealed", rulesRepealed);
                    put(f, "proactive.rules.in_force", rulesInForce);
                    put(f, "proactive.normative_docs.issued", docsIssued);
                    put(f, "proactive.normative_docs.repealed", docsRepealed);
                    put(f, "proactive.normative_docs.in_force", normativeInForce);
                    put(f, "proactive.licensing.decisions", licensing);
                    put(f, "proactive.penalty.decisions", penalties);
                    put(f, "proactive.coercion.decisions", coercions);
                    double fees = d.fees() > 0
                            ? draws.lognormal(d.fees() * scale * 0.5, 0.5)
                            : (draws.chance(0.05) ? draws.lognormal(3, 1) : 0);
                    putAmount(f, "proactive.fees.amount_10k_yuan", fees);
                }
            }
        }
        return new ReportDraft(agency, year, format, publishedOn(year), f);
    }

    /** Relative request volume by year: the revised regulations of 2019 sent requests up, a slow ebb followed. */
    private static double yearFactor(int year) {
        double[] factors = {0.45, 0.55, 0.65, 0.8, 1.0, 1.15, 1.2, 1.15, 1.1, 1.05, 1.0, 0.97};
        return factors[Math.max(0, Math.min(factors.length - 1, year - 2015))];
    }

    private long decisions(double mean) {
        return mean <= 0 ? 0 : draws.poisson(mean);
    }

    private long[] caseRow(long total) {
        long[] row = new long[5];
        draws.multinomial(total, CASE_SHARES, row);
        row[4] = total;
        return row;
    }

    /** Reports are due by 31 January since 2019 (by 31 March before); a few come late. */
    private LocalDate publishedOn(int year) {
        if (year < 2019) return LocalDate.of(year + 1, 1, 15).plusDays(draws.uniform(75));
        if (draws.chance(0.9)) return LocalDate.of(year + 1, 1, 5 + draws.uniform(27));
        return LocalDate.of(year + 1, 2, 1).plusDays(draws.uniform(60));
    }

    /**
     * Prose often rounds: "1000余条" is a lower bound, "约500条" an approximation. Tables print it exactly, if at all.
     */
    private void putItemsPublished(Map<String, Figure> f, long items, boolean prose) {
        double roll = draws.uniform();
        Bound bound = !prose || items < 20
                ? Bound.EXACT
                : roll < 0.15 ? Bound.AT_LEAST : roll < 0.18 ? Bound.APPROXIMATELY : Bound.EXACT;
        long value = bound == Bound.EXACT ? items : roundDown(items);
        f.put("proactive.items_published", new Figure(BigDecimal.valueOf(value), bound, SUBMITTED, List.of(), null));
    }

    /** Keeps two significant digits: 1234 → 1200 ("1200余条"), 13456 → 13000 ("1.3万余条"), 87 → 80. */
    static long roundDown(long value) {
        long unit = 10;
        while (value / unit >= 100) unit *= 10;
        return value / unit * unit;
    }

    private static void totalise(long[] row) {
        long sum = 0;
        for (int c = 0; c < TOTAL; c++) sum += row[c];
        row[TOTAL] = sum;
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
