package org.gongkai.tools.generator;

/**
 * What corpus to generate; the same options always give the same corpus.
 *
 * @param reports exact number of reports
 * @param faultShare share of all reports that carry one injected fault (only table-format reports can carry one)
 */
public record GeneratorOptions(long reports, long seed, double faultShare, int fromYear, int toYear) {

    public static final int EARLIEST_YEAR = 2008;
    public static final int LATEST_YEAR = 2030;

    public GeneratorOptions {
        if (reports < 0) throw new IllegalArgumentException("reports must not be negative: " + reports);
        if (faultShare < 0 || faultShare > 1) throw new IllegalArgumentException("fault share must be in [0, 1]");
        if (fromYear > toYear) throw new IllegalArgumentException("from " + fromYear + " is after to " + toYear);
        if (fromYear < EARLIEST_YEAR || toYear > LATEST_YEAR) {
            throw new IllegalArgumentException(
                    "years must lie within " + EARLIEST_YEAR + "–" + LATEST_YEAR + " (the regulations date from 2008)");
        }
    }

    /** 10,000 reports over 2015–2026, seed 42, 2% faulty. */
    public static GeneratorOptions defaults() {
        return new GeneratorOptions(10_000, 42, 0.02, 2015, 2026);
    }

    public GeneratorOptions withReports(long reports) {
        return new GeneratorOptions(reports, seed, faultShare, fromYear, toYear);
    }

    public GeneratorOptions withSeed(long seed) {
        return new GeneratorOptions(reports, seed, faultShare, fromYear, toYear);
    }

    public GeneratorOptions withFaultShare(double faultShare) {
        return new GeneratorOptions(reports, seed, faultShare, fromYear, toYear);
    }

    public int years() {
        return toYear - fromYear + 1;
    }
}
