package org.gongkai.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.Figure;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionDirectory;

/**
 * Keeps the {@code rollup} table equal to the sums of the latest revisions: a report that becomes latest adds its
 * figures to every scope {@link RollupScope#of} names for its region; the revision it supersedes subtracts them. New
 * revisions enter from memory through {@link Deltas} (a single report or a bulk batch alike); superseded ones leave
 * through the same sums, read from their stored figures ({@link #addStored}) before the writer takes the roll-up lock.
 * Runs on the writer's connection, so roll-ups commit or roll back with the report.
 */
@ApplicationScoped
public class Rollups {

    /**
     * Each report's stored figures, probed in its year's partition ("offset 0" keeps it a probe: a plain join on
     * {@code g.year = r.year} scans every partition's index for every report), with a row of nulls for a report without
     * figures, which still counts as a report.
     */
    private static final String STORED =
            """
            select r.id, r.region_code, r.year, g.metric_id, g.value, g.bound
            from report r
            left join lateral (select x.metric_id, x.value, x.bound from figure x
                               where x.report_id = r.id and x.year = r.year offset 0) g on true
            where r.id = any(?)
            order by r.id
            """;

    @Inject
    RegionDirectory directory;

    @Inject
    MetricIds metricIds;

    /**
     * Adds (+1) or subtracts (-1) the stored figures of the given reports, in the scopes {@link RollupScope#of} gives
     * their regions (the same rule as {@link Deltas#add}, so a revision leaves exactly the rows it entered), in one
     * upsert. The caller holds the roll-up lock.
     */
    public void apply(Connection c, List<Long> reportIds, List<Integer> signs) throws SQLException {
        if (reportIds.isEmpty()) return;
        Deltas deltas = new Deltas(metricIds);
        for (int sign : new int[] {1, -1}) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < reportIds.size(); i++) if (signs.get(i) == sign) ids.add(reportIds.get(i));
            addStored(c, ids, sign, deltas);
        }
        deltas.flush(c);
    }

    /**
     * Reads the stored figures of the given reports into {@code deltas}, added ({@code sign} +1) or subtracted (-1):
     * how a superseded revision leaves the roll-ups. Needs no lock (a writer reads the revisions it superseded, which
     * it has locked through their agency-years), so writers do it before they take the roll-up lock.
     */
    public void addStored(Connection c, List<Long> reportIds, int sign, Deltas deltas) throws SQLException {
        if (reportIds.isEmpty()) return;
        try (PreparedStatement s = c.prepareStatement(STORED)) {
            s.setArray(1, c.createArrayOf("bigint", reportIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                long report = -1;
                Region region = null;
                int year = 0;
                Map<Short, Deltas.Stored> figures = new HashMap<>();
                while (rs.next()) {
                    if (rs.getLong(1) != report) {
                        if (region != null) deltas.addTo(region, year, figures, sign);
                        report = rs.getLong(1);
                        String code = rs.getString(2);
                        region = directory
                                .find(code)
                                .orElseThrow(
                                        () -> new IllegalStateException("report region " + code + " is not known"));
                        year = rs.getInt(3);
                        figures = new HashMap<>();
                    }
                    short metric = rs.getShort(4);
                    if (rs.wasNull()) continue;
                    figures.put(metric, new Deltas.Stored(rs.getBigDecimal(5), Bound.values()[rs.getShort(6)]));
                }
                if (region != null) deltas.addTo(region, year, figures, sign);
            }
        }
    }

    /** Whether any bulk batch's sums wait in {@code rollup_pending}: a probe of one row, no lock. */
    public static boolean anyPending(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select exists (select 1 from rollup_pending)")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * Adds the sums waiting in {@code rollup_pending} to the roll-ups in one ordered upsert (summed first, so a roll-up
     * row that many bulk batches moved is written once), deleting the rows it adds in the same statement: the rows of
     * batches committed before it began, and no others, so batches may go on appending beside it (a second fold beside
     * it waits on the rows this one deletes, then skips them). The caller holds the roll-up lock exclusively. Answers
     * whether there was anything to fold; the caller then bumps the data version, since the roll-up answers change.
     */
    public static boolean foldPending(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(
                            """
                            with moved as (delete from rollup_pending returning *)
                            insert into rollup as u (scope, direct, level, province, city, year, metric_id, value,
                                                     reports, at_least, approx)
                            select scope, direct, level, province, city, year, metric_id, sum(value), sum(reports),
                                   sum(at_least), sum(approx)
                            from moved
                            group by level, scope, direct, province, city, year, metric_id
                            order by level desc, scope, direct, year, metric_id
                            on conflict (scope, direct, year, metric_id) do update
                               set value = u.value + excluded.value, reports = u.reports + excluded.reports,
                                   at_least = u.at_least + excluded.at_least, approx = u.approx + excluded.approx
                            """)
                    > 0;
        }
    }

    /**
     * One report's figures as the roll-ups add them: metric ids, whole values as longs, bounds. Prepared where the
     * report was validated ({@link BulkWriter#pending}, on every core for a bulk load), so the one writer only adds.
     */
    public static final class Contribution {
        final short[] metrics;
        final long[] whole;
        /** The value where it is not a whole number of at most 18 digits, else null (and {@link #whole} holds it). */
        final BigDecimal[] fraction;

        final Bound[] bounds;

        private Contribution(short[] metrics, long[] whole, BigDecimal[] fraction, Bound[] bounds) {
            this.metrics = metrics;
            this.whole = whole;
            this.fraction = fraction;
            this.bounds = bounds;
        }

        /** Collects the {@code size} figures of one report. */
        public static final class Builder {
            private final short[] metrics;
            private final long[] whole;
            private final BigDecimal[] fraction;
            private final Bound[] bounds;
            private int n;

            public Builder(int size) {
                metrics = new short[size];
                whole = new long[size];
                fraction = new BigDecimal[size];
                bounds = new Bound[size];
            }

            public void add(short metric, Figure f) {
                BigDecimal v = f.value();
                metrics[n] = metric;
                bounds[n] = f.bound();
                // at most 18 digits always fits a long; a longer whole number takes the BigDecimal path
                if (v.scale() <= 0 && v.precision() - v.scale() <= 18) whole[n] = v.longValueExact();
                else fraction[n] = v;
                n++;
            }

            public Contribution build() {
                if (n != metrics.length)
                    throw new IllegalStateException(n + " of " + metrics.length + " figures added");
                return new Contribution(metrics, whole, fraction, bounds);
            }
        }
    }

    /** Sums of a batch of new latest reports, added up in memory so the database sees one row per scope and metric. */
    public static final class Deltas {

        /** A figure as the roll-ups count it. */
        record Stored(BigDecimal value, Bound bound) {}

        /** One scope's sums in one year, by metric id (0: the reports themselves), touched ones only written. */
        private static final class ScopeYear {
            final RollupScope scope;
            final int year;
            long[] whole = new long[256];
            BigDecimal[] fraction = new BigDecimal[256];
            int[] reports = new int[256];
            int[] atLeast = new int[256];
            int[] approx = new int[256];
            boolean[] touched = new boolean[256];
            int touchedCount;

            ScopeYear(RollupScope scope, int year) {
                this.scope = scope;
                this.year = year;
            }

            void add(short metric, BigDecimal v, Bound bound, int sign) {
                if (metric >= touched.length) grow(metric + 1);
                if (!touched[metric]) {
                    touched[metric] = true;
                    touchedCount++;
                }
                BigDecimal signed = sign < 0 ? v.negate() : v;
                if (signed.scale() <= 0) whole[metric] += signed.longValueExact();
                else fraction[metric] = fraction[metric] == null ? signed : fraction[metric].add(signed);
                reports[metric] += sign;
                if (bound == Bound.AT_LEAST) atLeast[metric] += sign;
                if (bound == Bound.APPROXIMATELY) approx[metric] += sign;
            }

            /** {@link #add} of a whole number, +1. */
            void addWhole(short metric, long v, Bound bound) {
                if (metric >= touched.length) grow(metric + 1);
                if (!touched[metric]) {
                    touched[metric] = true;
                    touchedCount++;
                }
                whole[metric] += v;
                reports[metric]++;
                if (bound == Bound.AT_LEAST) atLeast[metric]++;
                if (bound == Bound.APPROXIMATELY) approx[metric]++;
            }

            void count(int sign) {
                if (!touched[0]) {
                    touched[0] = true;
                    touchedCount++;
                }
                whole[0] += sign;
                reports[0] += sign;
            }

            BigDecimal value(int metric) {
                BigDecimal w = BigDecimal.valueOf(whole[metric]);
                return fraction[metric] == null ? w : w.add(fraction[metric]);
            }

            private void grow(int size) {
                int n = Math.max(size, touched.length * 2);
                whole = java.util.Arrays.copyOf(whole, n);
                fraction = java.util.Arrays.copyOf(fraction, n);
                reports = java.util.Arrays.copyOf(reports, n);
                atLeast = java.util.Arrays.copyOf(atLeast, n);
                approx = java.util.Arrays.copyOf(approx, n);
                touched = java.util.Arrays.copyOf(touched, n);
            }
        }

        /** Scope code, seated-here flag and year packed into one long. */
        private static long key(RollupScope scope, int year) {
            return (Long.parseLong(scope.code()) << 17) | ((scope.direct() ? 1L : 0L) << 16) | year;
        }

        private final Map<Long, ScopeYear> sums = new HashMap<>();
        private final Map<String, List<RollupScope>> scopesByRegion = new HashMap<>();
        private final MetricIds metricIds;

        public Deltas(MetricIds metricIds) {
            this.metricIds = metricIds;
        }

        /** Adds one report, seated in {@code region}, with its figures (subtotals included) keyed by metric. */
        public void add(Region region, int year, Map<String, Figure> byKey) {
            Contribution.Builder b = new Contribution.Builder(byKey.size());
            for (Map.Entry<String, Figure> e : byKey.entrySet()) b.add(metricIds.id(e.getKey()), e.getValue());
            add(region, year, b.build());
        }

        /** Adds one report, seated in {@code region}, with its figures prepared as {@link Contribution}. */
        public void add(Region region, int year, Contribution figures) {
            for (ScopeYear sums : scopes(region, year)) {
                sums.count(1);
                for (int i = 0; i < figures.metrics.length; i++) {
                    BigDecimal fraction = figures.fraction[i];
                    if (fraction == null) sums.addWhole(figures.metrics[i], figures.whole[i], figures.bounds[i]);
                    else sums.add(figures.metrics[i], fraction, figures.bounds[i], 1);
                }
            }
        }

        /** Adds ({@code sign} +1) or subtracts (-1) one report's figures, by metric id, in each of its scopes. */
        void addTo(Region region, int year, Map<Short, Stored> figures, int sign) {
            for (ScopeYear sums : scopes(region, year)) {
                sums.count(sign);
                for (Map.Entry<Short, Stored> e : figures.entrySet())
                    sums.add(e.getKey(), e.getValue().value(), e.getValue().bound(), sign);
            }
        }

        private List<ScopeYear> scopes(Region region, int year) {
            List<RollupScope> scopes = scopesByRegion.computeIfAbsent(region.code(), c -> RollupScope.of(region));
            List<ScopeYear> out = new ArrayList<>(scopes.size());
            for (RollupScope scope : scopes) {
                ScopeYear sums = this.sums.get(key(scope, year));
                if (sums == null) {
                    sums = new ScopeYear(scope, year);
                    this.sums.put(key(scope, year), sums);
                }
                out.add(sums);
            }
            return out;
        }

        /** How many roll-up rows the sums will touch. */
        public int size() {
            int n = 0;
            for (ScopeYear v : sums.values()) n += v.touchedCount;
            return n;
        }

        /** Writes the sums into the roll-ups through COPY into a temporary table and one ordered upsert. */
        public void flush(Connection c) throws SQLException {
            stage(c);
            merge(c);
        }

        /**
         * Copies the sums into this connection's temporary {@code rollup_delta}, which no other writer sees, so a bulk
         * batch does it before it takes the roll-up lock; {@link #merge} then moves the roll-ups.
         */
        public void stage(Connection c) throws SQLException {
            if (sums.isEmpty()) return;
            try (Statement s = c.createStatement()) {
                s.execute("create temp table if not exists rollup_delta"
                        + " (like rollup excluding indexes) on commit delete rows");
            }
            copyInto(c, "rollup_delta");
        }

        /**
         * Appends the sums to {@code rollup_pending}, committed with the caller's transaction, for {@link #foldPending}
         * to add to the roll-ups later in one upsert: how bulk batches move the roll-ups, without the roll-up lock.
         */
        public void append(Connection c) throws SQLException {
            if (sums.isEmpty()) return;
            copyInto(c, "rollup_pending");
            sums.clear();
        }

        private void copyInto(Connection c, String table) throws SQLException {
            CopyBuffer rows = new CopyBuffer();
            for (ScopeYear v : sums.values()) {
                for (int metric = 0; metric < v.touched.length; metric++) {
                    if (!v.touched[metric]) continue;
                    rows.value(v.scope.code())
                            .value(v.scope.direct())
                            .value(v.scope.level())
                            .value(v.scope.province())
                            .value(v.scope.city())
                            .value(v.year)
                            .value(metric)
                            .value(v.value(metric))
                            .value(v.reports[metric])
                            .value(v.atLeast[metric])
                            .value(v.approx[metric])
                            .endRow();
                }
            }
            rows.copyInto(
                    c,
                    table + " (scope, direct, level, province, city, year, metric_id, value, reports, at_least,"
                            + " approx)");
        }

        /**
         * Adds the staged sums to the roll-ups in one upsert ordered by level, deepest first, then key: writers lock rows
         * in one order, and writers beside each other (single posts, document batches) move their own cities' rows at
         * once, queueing only at the province and nation rows they share, which they then hold until they commit.
         */
        public void merge(Connection c) throws SQLException {
            if (sums.isEmpty()) return;
            try (Statement s = c.createStatement()) {
                s.executeUpdate(
                        """
                        insert into rollup as u (scope, direct, level, province, city, year, metric_id, value, reports,
                                                 at_least, approx)
                        select scope, direct, level, province, city, year, metric_id, value, reports, at_least, approx
                        from rollup_delta order by level desc, scope, direct, year, metric_id
                        on conflict (scope, direct, year, metric_id) do update
                           set value = u.value + excluded.value, reports = u.reports + excluded.reports,
                               at_least = u.at_least + excluded.at_least, approx = u.approx + excluded.approx
                        """);
                s.execute("truncate rollup_delta");
            }
            sums.clear();
        }
    }
}
