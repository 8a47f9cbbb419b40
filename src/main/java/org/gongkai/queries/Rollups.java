package org.gongkai.queries;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

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
            insert into rollup as u (scope, direct, year, metric_id, value, reports, at_least, approx)
            select s.scope, s.direct, r.year, f.metric_id, sum(f.sign * f.value), sum(f.sign),
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
            group by 1, 2, 3, 4
            order by 1, 2, 3, 4
            on conflict (scope, direct, year, metric_id) do update
               set value = u.value + excluded.value, reports = u.reports + excluded.reports,
                   at_least = u.at_least + excluded.at_least, approx = u.approx + excluded.approx
            """;

    /** A new latest revision replaces the previous one (null when it is the first). */
    public void replace(Connection c, Long superseded, long latest) throws SQLException {
        if (superseded == null) apply(c, List.of(latest), List.of(1));
        else apply(c, List.of(superseded, latest), List.of(-1, 1));
    }

    /** Adds (+1) or subtracts (-1) the figures of the given reports. */
    public void apply(Connection c, List<Long> reportIds, List<Integer> signs) throws SQLException {
        if (reportIds.isEmpty()) return;
        try (PreparedStatement s = c.prepareStatement(APPLY)) {
            s.setArray(1, c.createArrayOf("bigint", reportIds.toArray()));
            s.setArray(2, c.createArrayOf("integer", signs.toArray()));
            s.executeUpdate();
        }
    }
}
