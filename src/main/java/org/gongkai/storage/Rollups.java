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
 * through {@link #apply}, which reads their stored figures. Runs on the writer's connection, so roll-ups commit or roll back with the report.
 */
@ApplicationScoped
public class Rollups {

    private static final String APPLY =
            """
            with d as (select * from unnest(?::bigint[], ?::int[]) as d(report_id, sign)),
            s as (select * from unnest(?::bigint[], ?::char(6)[], ?::boolean[], ?::smallint[], ?::char(6)[],
                                       ?::char(6)[]) as s(report_id, scope, direct, level, province, city)),
            f as (
                select d.sign, g.report_id, g.metric_id, g.value, g.bound
                from d join report dr on dr.id = d.report_id join figure g on g.report_id = d.report_id and g.year = dr.year
                union all
                select d.sign, d.report_id, 0::smallint, 1::numeric, 0::smallint from d
            )
            insert into rollup as u (scope, direct, level, province, city, year, metric_id, value, reports, at_least,
                                     approx)
            select s.scope, s.direct, s.level, s.province, s.city, r.year, f.metric_id, sum(f.sign * f.value),
                   sum(f.sign), sum(f.sign * (f.bound = 1)::int), sum(f.sign * (f.bound = 2)::int)
            from f
            join report r on r.id = f.report_id
            join s on s.report_id = f.report_id
            group by 1, 2, 3, 4, 5, 6, 7
            order by 3 desc, 1, 2, 6, 7
            on conflict (scope, direct, year, metric_id) do update
               set value = u.value + excluded.value, reports = u.reports + excluded.reports,
                   at_least = u.at_least + excluded.at_least, approx = u.approx + excluded.approx
            """;

    @Inject
    RegionDirectory directory;

    /**
     * Adds (+1) or subtracts (-1) the stored figures of the given reports, in the scopes {@link RollupScope#of} gives
     * their regions (the same rule as {@link Deltas#add}, so a revision leaves exactly the rows it entered).
     */
    public void apply(Connection c, List<Long> reportIds, List<Integer> signs) throws SQLException {
        if (reportIds.isEmpty()) return;
        List<Long> ids = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        List<Boolean> direct = new ArrayList<>();
        List<Short> levels = new ArrayList<>();
        List<String> provinces = new ArrayList<>();
        List<String> cities = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, region_code from report where id = any(?)")) {
            s.setArray(1, c.createArrayOf("bigint", reportIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(2);
                    Region region = directory
                            .find(code)
                            .orElseThrow(() -> new IllegalStateException("report region " + code + " is not known"));
                    for (RollupScope scope : RollupScope.of(region)) {
                        ids.add(rs.getLong(1));
                        scopes.add(scope.code());
                        direct.add(scope.direct());
                        levels.add((short) scope.level());
                        provinces.add(scope.province());
                        cities.add(scope.city());
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(APPLY)) {
            s.setArray(1, c.createArrayOf("bigint", reportIds.toArray()));
            s.setArray(2, c.createArrayOf("integer", signs.toArray()));
            s.setArray(3, c.createArrayOf("bigint", ids.toArray()));
            s.setArray(4, c.createArrayOf("bpchar", scopes.toArray()));
            s.setArray(5, c.createArrayOf("boolean", direct.toArray()));
            s.setArray(6, c.createArrayOf("smallint", levels.toArray()));
            s.setArray(7, c.createArrayOf("bpchar", provinces.toArray()));
            s.setArray(8, c.createArrayOf("bpchar", cities.toArray()));
            s.executeUpdate();
        }
    }

    /** Sums of a batch of new latest reports, added up in memory so the database sees one row per scope and metric. */
    public static final class Deltas {

        /** A roll-up row's identity: scope code, seated-here flag, year and metric packed into one long. */
        private static long key(String scope, boolean direct, int year, short metric) {
            return (Long.parseLong(scope) << 28) | ((direct ? 1L : 0L) << 27) | ((long) (year - 2000) << 16) | metric;
        }

        private static final class Sum {
            final String scope;
            final boolean direct;
            final int level;
            final String province;
            final String city;
            final int year;
            final short metric;
            long whole;
            BigDecimal fraction;
            int reports;
            int atLeast;
            int approx;

            Sum(String scope, boolean direct, int level, String province, String city, int year, short metric) {
                this.scope = scope;
                this.direct = direct;
                this.level = level;
                this.province = province;
                this.city = city;
                this.year = year;
                this.metric = metric;
            }

            void add(BigDecimal v) {
                if (v.scale() <= 0) whole += v.longValueExact();
                else fraction = fraction == null ? v : fraction.add(v);
            }

            BigDecimal value() {
                BigDecimal w = BigDecimal.valueOf(whole);
                return fraction == null ? w : w.add(fraction);
            }
        }

        private final Map<Long, Sum> sums = new HashMap<>();
        private final MetricIds metricIds;

        public Deltas(MetricIds metricIds) {
            this.metricIds = metricIds;
        }

        /** Adds one report, seated in {@code region}, with its figures (subtotals included) keyed by metric. */
        public void add(Region region, int year, Map<String, Figure> byKey) {
            Map<Short, Figure> figures = new HashMap<>();
            byKey.forEach((key, figure) -> figures.put(metricIds.id(key), figure));
            for (RollupScope scope : RollupScope.of(region))
                addTo(scope.code(), scope.direct(), scope.level(), scope.province(), scope.city(), year, figures);
        }

        private void addTo(
                String scope,
                boolean direct,
                int level,
                String province,
                String city,
                int year,
                Map<Short, Figure> figures) {
            Sum reports = sum(scope, direct, level, province, city, year, (short) 0);
            reports.whole++;
            reports.reports++;
            for (Map.Entry<Short, Figure> e : figures.entrySet()) {
                Sum s = sum(scope, direct, level, province, city, year, e.getKey());
                Figure f = e.getValue();
                s.add(f.value());
                s.reports++;
                if (f.bound() == Bound.AT_LEAST) s.atLeast++;
                if (f.bound() == Bound.APPROXIMATELY) s.approx++;
            }
        }

        private Sum sum(String scope, boolean direct, int level, String province, String city, int year, short metric) {
            return sums.computeIfAbsent(
                    key(scope, direct, year, metric), k -> new Sum(scope, direct, level, province, city, year, metric));
        }

        /** How many roll-up rows the sums will touch. */
        public int size() {
            return sums.size();
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
            CopyBuffer rows = new CopyBuffer();
            for (Sum v : sums.values()) {
                rows.value(v.scope)
                        .value(v.direct)
                        .value(v.level)
                        .value(v.province)
                        .value(v.city)
                        .value(v.year)
                        .value(v.metric)
                        .value(v.value())
                        .value(v.reports)
                        .value(v.atLeast)
                        .value(v.approx)
                        .endRow();
            }
            rows.copyInto(
                    c,
                    "rollup_delta (scope, direct, level, province, city, year, metric_id, value, reports,"
                            + " at_least, approx)");
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
