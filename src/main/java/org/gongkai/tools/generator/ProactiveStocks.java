package org.gongkai.tools.generator;

/**
 * What one agency publishes of its own accord, year after year: rules and normative documents issued and repealed
 * against a stock in force, licensing and enforcement items whose count changes a little each year, decisions, fees and
 * procurement scaled by department, tier and the agency's own activity.
 */
final class ProactiveStocks {

    /** licensing, other services, penalty, coercion, fees: the rows of 2019's item counts. */
    static final int ITEM_ROWS = 5;

    private final RandomDraws draws;
    private final Department department;
    private final AgencyTier tier;
    private final double activity;
    private final double itemsBase;
    private final double normativeRate;
    private final double rulesRate;
    private long rulesInForce;
    private long docsInForce;
    private final long[] items = new long[ITEM_ROWS];

    ProactiveStocks(Agency agency, RandomDraws draws) {
        this.draws = draws;
        this.department = agency.department();
        this.tier = agency.tier();
        boolean government = department.key().startsWith("government");
        this.activity = draws.lognormal(1, 0.9);
        this.itemsBase = draws.lognormal(120 * StrictMath.pow(tier.scale(), 0.9) * (government ? 2.5 : 1), 0.8);
        this.normativeRate = draws.lognormal(
                1.5 * StrictMath.pow(tier.scale(), 0.6) * (department.key().equals("government") ? 3 : 1), 0.6);
        // Rules (规章) are made by provincial and city governments only; their offices publish half as many.
        this.rulesRate = department.issuesRules() && tier != AgencyTier.COUNTY
                ? (tier == AgencyTier.CITY ? 1.0 : 4.0) * (department.key().equals("government") ? 1 : 0.5)
                : 0;
        this.rulesInForce = rulesRate == 0 ? 0 : draws.poisson(rulesRate * 12);
        this.docsInForce = draws.poisson(normativeRate * 6);
        items[0] = department.licensing() > 0 ? draws.poisson(4 + department.licensing() / 15) : 0;
        items[1] = draws.chance(0.5) ? draws.poisson(3) : 0;
        items[2] = department.penalty() > 0 ? draws.poisson(5 + department.penalty() / 20) : 0;
        items[3] = department.penalty() > 0 ? draws.poisson(1 + department.penalty() / 200) : 0;
        items[4] = department.fees() > 0 ? draws.poisson(2 + department.fees() / 100) : 0;
    }

    ProactiveYear next(int year) {
        long rulesIssued = draws.poisson(rulesRate);
        long rulesRepealed = Math.min(rulesInForce, draws.poisson(rulesRate * 0.4));
        rulesInForce += rulesIssued - rulesRepealed;
        long docsIssued = draws.poisson(normativeRate * StrictMath.exp(0.3 * draws.gaussian()));
        long docsPublished = docsIssued - draws.binomial(docsIssued, 0.05);
        long docsRepealed = Math.min(docsInForce, draws.poisson(normativeRate * 0.5));
        docsInForce += docsIssued - docsRepealed;

        long[] before = items.clone();
        long[] change = new long[ITEM_ROWS];
        for (int i = 0; i < ITEM_ROWS; i++) {
            // Most years the list of items stays as it was; now and then a few are added or cancelled.
            if ((items[i] == 0 && !draws.chance(0.05)) || draws.chance(0.6)) continue;
            change[i] = Math.max(draws.between(-3, 3), -items[i]);
            items[i] += change[i];
        }
        double scale = StrictMath.pow(tier.scale(), 0.8) * activity * StrictMath.exp(0.3 * draws.gaussian());
        long[] decisions = {
            count(department.licensing() * scale),
            count(5 * scale * (items[1] > 0 ? 1 : 0.1)),
            count(department.penalty() * scale),
            count(department.penalty() * 0.04 * scale)
        };
        double fees = department.fees() > 0
                ? draws.lognormal(department.fees() * scale * 0.5, 0.5)
                : (draws.chance(0.05) ? draws.lognormal(3, 1) : 0);
        long projects = draws.poisson(3 * StrictMath.pow(tier.scale(), 0.7) * activity);
        double procurement = 0;
        for (long p = 0; p < Math.min(projects, 200); p++) procurement += draws.lognormal(40, 1.0);
        if (projects > 200) procurement *= projects / 200.0;
        long itemsPublished = draws.poisson(itemsBase * StrictMath.pow(1.08, year - 2015));
        return new ProactiveYear(
                itemsPublished,
                rulesIssued,
                rulesRepealed,
                rulesInForce,
                docsIssued,
                docsPublished,
                docsRepealed,
                docsInForce,
                before,
                change,
                decisions,
                fees,
                projects,
                procurement);
    }

    private long count(double mean) {
        return mean <= 0 ? 0 : draws.poisson(mean);
    }
}
