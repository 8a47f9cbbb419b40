package org.gongkai.tools.generator;

import static org.gongkai.tools.generator.RequestTableKeys.COLUMNS;
import static org.gongkai.tools.generator.RequestTableKeys.OUTCOMES;
import static org.gongkai.tools.generator.RequestTableKeys.TOTAL;

/**
 * The disclosure requests of one agency, year after year: a heavy-tailed volume that drifts, split over applicant kinds
 * and outcomes by the agency's own habits, with what is left at year end carried into the next year.
 */
final class RequestFlow {

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
    /** Relative volume by year from 2015: the revised regulations of 2019 sent requests up, a slow ebb followed. */
    private static final double[] YEAR_FACTORS = {0.45, 0.55, 0.65, 0.8, 1.0, 1.15, 1.2, 1.15, 1.1, 1.05, 1.0, 0.97};

    private final RandomDraws draws;
    private final double volume;
    private final double[] applicantShares;
    private final double[] outcomeShares;
    private final double carryRate;
    private final double reviewRate;
    private final double litigationRate;
    private double drift;
    private long[] carriedForward;

    RequestFlow(Agency agency, RandomDraws draws) {
        this.draws = draws;
        // Heavy tail: most county bureaus see a handful of requests, a provincial land bureau thousands.
        this.volume = draws.lognormal(
                0.9 * agency.department().requests() * agency.tier().scale(), 1.25);
        this.applicantShares = draws.jittered(APPLICANT_SHARES, 0.6);
        this.outcomeShares = draws.jittered(OUTCOME_SHARES, 0.5);
        this.carryRate = 0.01 + 0.12 * draws.uniform() * draws.uniform();
        this.reviewRate = 0.005 + 0.05 * draws.uniform();
        this.litigationRate = 0.002 + 0.03 * draws.uniform();
    }

    /** The next year; in the first year generated, what was carried over is drawn rather than remembered. */
    RequestYear next(int year) {
        // Mean-reverting drift: volumes wander from year to year but an agency stays roughly the size it is.
        drift = 0.7 * drift + 0.25 * draws.gaussian();
        double lambda = volume
                * YEAR_FACTORS[Math.max(0, Math.min(YEAR_FACTORS.length - 1, year - 2015))]
                * StrictMath.exp(drift);
        long[] fresh = new long[COLUMNS];
        draws.multinomial(draws.poisson(lambda), applicantShares, fresh);
        long[] carriedOver = carriedForward;
        if (carriedOver == null) {
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

        long[][] cases = new long[3][];
        cases[0] = caseRow(draws.poisson(reviewRate * fresh[TOTAL]));
        cases[1] = caseRow(draws.poisson(litigationRate * fresh[TOTAL]));
        cases[2] = caseRow(draws.poisson(0.3 * cases[0][4]));
        return new RequestYear(fresh, carriedOver, outcomes, handled, forward, cases);
    }

    private long[] caseRow(long total) {
        long[] row = new long[5];
        draws.multinomial(total, CASE_SHARES, row);
        row[4] = total;
        return row;
    }

    private static void totalise(long[] row) {
        long sum = 0;
        for (int c = 0; c < TOTAL; c++) sum += row[c];
        row[TOTAL] = sum;
    }
}
