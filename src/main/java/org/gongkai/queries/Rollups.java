package org.gongkai.queries;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.Figure;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionLevel;
import org.postgresql.PGConnection;

/**
 * Keeps the {@code rollup} table equal to the sums of the latest revisions: a report that becomes latest adds its
 * figures to every scope above it (nation, province, city, its own region, and its "seated here" row); the revision
 * it supersedes subtracts them. Runs on the writer's connection, so roll-ups commit or roll back with the report.
 */
@ApplicationScoped
public class Rollups {

    private static final String APPLY =
            """
            with d as (select * from unnest(?::bigint[], ?::int[]) as d(report_id, sign)),
            f as (
                select d.sign, g.report_id, g.metric_id, g.value, g.bound from d join figure g using (report_id)
                union all
                select d.sign, d.report_id, 0::smallint, 1::numeric, 0::smallint from d
            )
            insert into rollup as u (scope, direct, level, year, metric_id, value, reports, at_least, approx)
            select s.scope, s.direct, g.level, r.year, f.metric_id, sum(f.sign * f.value), sum(f.sign),
                   sum(f.sign * (f.bound = 1)::int), sum(f.sign * (f.bound = 2)::int)
            from f
            join report r on r.id = f.report_id
            cross join lateral (
                select distinct v.scope, v.direct
                from (values ('000000'::char(6), false), (r.province_code, false), (r.city_code, false),
                             (r.region_code, false),
                             (case when r.region_code in (r.province_code, r.city_code) then r.region_code end, true))
                     as v(scope, direct)
                where v.scope is not null) s
            join region g on g.code = s.scope
            group by 1, 2, 3, 4, 5
            order by 1, 2, 4, 5
            on conflict (scope, direct, year, metric_id) do update
               set value = u.value + excluded.value, reports = u.reports + excluded.reports,
                   at_least = u.at_least + excluded.at_least, approx = u.approx + excluded.approx
            """;

    /** A new latest revision replaces the previous one (null when it is the first). */
    public void replace(Connection c, Long superseded, long latest) throws SQLException {
        if (superseded == null) apply(c, List.of(latest), List.of(1));
        else apply(c, List.of(superseded, latest), List.of(-1, 1));
    }

    /** Adds (+1) or subtracts (-1) the stored figures of the given reports. */
    public void apply(Connection c, List<Long> reportIds, List<Integer> signs) throws SQLException {
        if (reportIds.isEmpty()) return;
        try (PreparedStatement s = c.prepareStatement(APPLY)) {
            s.setArray(1, c.createArrayOf("bigint", reportIds.toArray()));
            s.setArray(2, c.createArrayOf("integer", signs.toArray()));
            s.executeUpdate();
        }
    }

    /** Sums of a batch of new latest reports, added up in memory so the database sees one row per scope and metric. */
    public static final class Deltas {

        private record Key(String scope, boolean direct, int level, int year, short metric) implements Comparable<Key> {
            @Override
            public int compareTo(Key o) {
                int c = scope.compareTo(o.scope);
                if (c == 0) c = Boolean.compare(direct, o.direct);
                if (c == 0) c = Integer.compare(year, o.year);
                return c == 0 ? Short.compare(metric, o.metric) : c;
            }
        }

        private static final class Sum {
            BigDecimal value = BigDecimal.ZERO;
            int reports;
            int atLeast;
            int approx;
        }

        private final Map<Key, Sum> sums = new TreeMap<>();

        /** Adds one report, seated in {@code region}, with its figures keyed by metric id. */
        public void add(Region region, int year, Map<Short, Figure> figures) {
            String[] scopes = {"000000", region.provinceCode(), region.cityCode(), region.code()};
            int[] levels = {0, 1, 2, region.level().ordinal() + 1};
            for (int i = 0; i < scopes.length; i++) {
                if (scopes[i] == null || (i > 0 && alreadyCounted(scopes, i))) continue;
                addTo(scopes[i], false, levels[i], year, figures);
            }
            if (region.level() != RegionLevel.COUNTY)
                addTo(region.code(), true, region.level().ordinal() + 1, year, figures);
        }

        private static boolean alreadyCounted(String[] scopes, int i) {
            for (int j = 0; j < i; j++) if (scopes[i].equals(scopes[j])) return true;
            return false;
        }

        private void addTo(String scope, boolean direct, int level, int year, Map<Short, Figure> figures) {
            Sum reports = sums.computeIfAbsent(new Key(scope, direct, level, year, (short) 0), k -> new Sum());
            reports.value = reports.value.add(BigDecimal.ONE);
            reports.reports++;
            for (Map.Entry<Short, Figure> e : figures.entrySet()) {
                Sum s = sums.computeIfAbsent(new Key(scope, direct, level, year, e.getKey()), k -> new Sum());
                Figure f = e.getValue();
                s.value = s.value.add(f.value());
                s.reports++;
                if (f.bound() == Bound.AT_LEAST) s.atLeast++;
                if (f.bound() == Bound.APPROXIMATELY) s.approx++;
            }
        }

        /** Writes the sums into the roll-ups through COPY into a temporary table and one ordered upsert. */
        public void flush(Connection c) throws SQLException {
            if (sums.isEmpty()) return;
            try (Statement s = c.createStatement()) {
                s.execute("create temp table if not exists rollup_delta"
                        + " (like rollup excluding indexes) on commit delete rows");
            }
            StringBuilder text = new StringBuilder(sums.size() * 48);
            sums.forEach((k, v) -> text.append(k.scope)
                    .append('\t')
                    .append(k.direct)
                    .append('\t')
                    .append(k.level)
                    .append('\t')
                    .append(k.year)
                    .append('\t')
                    .append(k.metric)
                    .append('\t')
                    .append(v.value.toPlainString())
                    .append('\t')
                    .append(v.reports)
                    .append('\t')
                    .append(v.atLeast)
                    .append('\t')
                    .append(v.approx)
                    .append('\n'));
            try {
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "COPY rollup_delta (scope, direct, level, year, metric_id, value, reports, at_least, approx)"
                                        + " FROM STDIN",
                                new java.io.StringReader(text.toString()));
            } catch (java.io.IOException e) {
                throw new SQLException("COPY into rollup_delta failed", e);
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate(
                        """
                        insert into rollup as u (scope, direct, level, year, metric_id, value, reports, at_least, approx)
                        select scope, direct, level, year, metric_id, value, reports, at_least, approx
                        from rollup_delta order by scope, direct, year, metric_id
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
