package org.gongkai.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/**
 * Keeps the review queue ({@code review_item}) in step with what the writers store, in their transactions and with
 * set-based statements over the ids they wrote (one report or a bulk batch alike), so that the queue is read from
 * this table alone. {@code sql/V12__review_and_corrections.sql} backfills with the same rules.
 *
 * <p>The outlier rule: a headline figure (new requests, requests handled: the total column of the request rows with
 * the catalogue roles {@code new} and {@code handled}) is out of line when it is more than {@value #FACTOR} times, or
 * less than a {@value #FACTOR}th of, the median of the agency's latest reports of earlier years, given at least
 * {@value #MIN_YEARS} such years and when the larger of the figure and the median is at least {@value #MIN_SIZE}
 * (a bureau going from 3 requests to 40 is no news). It is judged when the report is written, against the years
 * stored before it.
 */
@ApplicationScoped
public class ReviewItems {

    /** How many times the agency's median a figure may be (or a fraction of it) before it is out of line. */
    public static final int FACTOR = 10;
    /** The larger of the figure and the median must be at least this for an outlier. */
    public static final int MIN_SIZE = 100;
    /** The earlier years an outlier needs. */
    public static final int MIN_YEARS = 2;

    /** An open item of the queue. */
    public static final String OPEN = "open";

    private static final String COLUMNS = "agency_id, year, region_code, province_code, city_code";
    private static final String REPORT_COLUMNS = "r.agency_id, r.year, r.region_code, r.province_code, r.city_code";

    @Inject
    MetricIds metricIds;

    @Inject
    MetricCatalogue catalogue;

    /**
     * Derives the items of reports just written as latest (or kept unresolved): identity, findings, failed checks,
     * OCR figures, the 结转 chain with the years either side, outliers. {@code reviewed} (corrected revisions) skips
     * findings and OCR figures, which the person who corrected the report has seen.
     */
    public void derive(Connection c, Collection<Long> reportIds, boolean reviewed) throws SQLException {
        if (reportIds.isEmpty()) return;
        Object[] ids = reportIds.toArray();
        run(
                c,
                ids,
                """
                insert into review_item (report_id, kind, message,\s"""
                        + COLUMNS
                        + """
                )
                select r.id, 'unresolved', 'identity not resolved: ' || array_to_string(r.identity_missing, ', '),
                """
                        + REPORT_COLUMNS
                        + """
                 from report r where r.id = any(?) and r.status = 'unresolved'
                """);
        run(
                c,
                ids,
                """
                insert into review_item (report_id, kind, rule, row_key, column_key, expected, actual, message,\s"""
                        + COLUMNS
                        + """
                )
                select r.id, case when k.finding then 'finding' else 'check' end, k.rule, k.row_key, k.column_key,
                       k.expected, k.actual, k.message,\s"""
                        + REPORT_COLUMNS
                        + """

                from report r join report_check k on k.report_id = r.id
                where r.id = any(?) and not k.passed"""
                        + (reviewed ? " and not k.finding" : "")
                        + " order by r.id, k.ordinal");
        if (!reviewed) {
            run(
                    c,
                    ids,
                    """
                    insert into review_item (report_id, kind, metric_ids, message,\s"""
                            + COLUMNS
                            + """
                    )
                    select r.id, 'ocr', array_agg(s.metric_id order by s.metric_id),
                           count(*) || ' figure(s) read by OCR',\s"""
                            + REPORT_COLUMNS
                            + """

                    from report r join figure_source s on s.report_id = r.id
                    where r.id = any(?) and s.method in ('ocr', 'ocr-correction')
                    group by r.id order by r.id
                    """);
        }
        chain(c, ids);
        outliers(c, ids);
    }

    /**
     * A report kept unresolved got its identity: its {@code unresolved} item is closed ({@code corrected} by
     * {@code by}, or by the machine when null: the same bytes posted again with hints), its other items take its
     * agency, year and region.
     */
    public void resolved(Connection c, long reportId, String by, Long token) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                """
                update review_item i
                set state = case when i.kind = 'unresolved' and i.state = 'open' then 'corrected' else i.state end,
                    decided_at = case when i.kind = 'unresolved' and i.state = 'open' then now() else i.decided_at end,
                    decided_by = case when i.kind = 'unresolved' and i.state = 'open' then ? else i.decided_by end,
                    decided_token = case when i.kind = 'unresolved' and i.state = 'open' then ? else i.decided_token end,
                    agency_id = r.agency_id, year = r.year, region_code = r.region_code,
                    province_code = r.province_code, city_code = r.city_code
                from report r where r.id = i.report_id and i.report_id = ?
                """)) {
            s.setString(1, by == null ? "identity given with the document" : by);
            s.setObject(2, token, java.sql.Types.BIGINT);
            s.setLong(3, reportId);
            s.executeUpdate();
        }
    }

    /** Reports that became latest without new rows (a resolution, a held revision taken): their chain and outliers. */
    public void placed(Connection c, Collection<Long> reportIds) throws SQLException {
        if (reportIds.isEmpty()) return;
        Object[] ids = reportIds.toArray();
        chain(c, ids);
        outliers(c, ids);
    }

    /**
     * The 结转 chain of every latest report among {@code ids} with the year before, and of the latest report of the
     * year after with it: the later report's open chain items are derived again (an accepted one stays decided).
     */
    private void chain(Connection c, Object[] ids) throws SQLException {
        List<Short> over = new ArrayList<>();
        List<Short> forward = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        String overRow = catalogue.rowWithRole("carried_over");
        String forwardRow = catalogue.rowWithRole("carried_forward");
        for (Metric m : catalogue.row(overRow)) {
            String column = m.key().substring(overRow.length() + 1);
            if (catalogue.find(forwardRow + "." + column).isEmpty()) continue;
            over.add(metricIds.id(m.key()));
            forward.add(metricIds.id(forwardRow + "." + column));
            columns.add(column);
        }
        try (PreparedStatement s = c.prepareStatement(
                """
                -- the later reports, found once: the batch's latest reports and the latest reports of the year after
                with later as materialized (
                    select r.id from report r where r.id = any(?) and r.is_latest
                    union
                    select n.id
                    from report r join report n on n.agency_id = r.agency_id and n.year = r.year + 1 and n.is_latest
                    where r.id = any(?) and r.is_latest),
                -- their open chain items go, by report id (a join here let stale statistics re-run "later" for every
                -- open item of the queue: 0.7 s a batch at 100,000 reports); the insert below reads the table as it
                -- was before this statement, which is right, since it looks only for accepted items
                gone as (
                    delete from review_item i
                    where i.report_id = any(array(select id from later)) and i.kind = 'chain' and i.state = 'open'),
                m as (select * from unnest(?::smallint[], ?::smallint[], ?::text[]) as m(over_id, forward_id, col))
                insert into review_item (report_id, kind, rule, row_key, column_key, metric_ids, related_report_id,
                                         related_metric_ids, expected, actual, message,\s"""
                        + COLUMNS
                        + """
                )
                select r.id, 'chain', 'requests.carried_over_chain', ?, m.col, array[m.over_id], p.id,
                       array[m.forward_id], pf.value, cf.value,
                       '上年结转 ' || cf.value || ' differs from last year''s 结转下年度继续办理 ' || pf.value
                           || ' in column ' || m.col,\s"""
                        + REPORT_COLUMNS
                        + """

                from report r
                join report p on p.agency_id = r.agency_id and p.year = r.year - 1 and p.is_latest
                -- one index range per report for all its columns; "offset 0" keeps the planner from flattening the
                -- probes into a scan of every figure of last year's report (EXPLAIN: 5x slower)
                cross join lateral (select x.metric_id, x.value from figure x
                                    where x.report_id = r.id and x.year = r.year and x.metric_id = any(?)
                                    offset 0) cf
                cross join lateral (select y.metric_id, y.value from figure y
                                    where y.report_id = p.id and y.year = p.year and y.metric_id = any(?)
                                    offset 0) pf
                join m on m.over_id = cf.metric_id and m.forward_id = pf.metric_id
                where r.id = any(array(select id from later))
                  and cf.value <> pf.value
                  and not exists (select 1 from review_item x where x.report_id = r.id and x.kind = 'chain'
                                  and x.state = 'accepted' and x.column_key = m.col and x.expected = pf.value
                                  and x.actual = cf.value)
                order by r.id, m.over_id
                """)) {
            s.setArray(1, c.createArrayOf("bigint", ids));
            s.setArray(2, c.createArrayOf("bigint", ids));
            s.setArray(3, c.createArrayOf("smallint", over.toArray()));
            s.setArray(4, c.createArrayOf("smallint", forward.toArray()));
            s.setArray(5, c.createArrayOf("text", columns.toArray()));
            s.setString(6, overRow);
            s.setArray(7, c.createArrayOf("smallint", over.toArray()));
            s.setArray(8, c.createArrayOf("smallint", forward.toArray()));
            s.executeUpdate();
        }
    }

    /** The headline figures the outlier rule judges: the total column of the new and handled request rows. */
    public List<String> headlineMetrics() {
        return List.of(catalogue.rowWithRole("new") + ".total", catalogue.rowWithRole("handled") + ".total");
    }

    private void outliers(Connection c, Object[] ids) throws SQLException {
        Object[] metrics = headlineMetrics().stream().map(metricIds::id).toArray();
        try (PreparedStatement s = c.prepareStatement(
                """
                insert into review_item (report_id, kind, rule, metric_ids, expected, actual, message,\s"""
                        + COLUMNS
                        + """
                )
                -- the batch's latest reports, with what their items carry (joining report again for it scanned its
                -- whole primary key: a merge join, at 100,000 reports)
                with q as (select id, agency_id, year, region_code, province_code, city_code
                           from report where id = any(?) and is_latest),
                -- the earlier latest reports of their agencies, each read once for the batch (a batch often holds an
                -- agency's years one after another: probing per pair of reports read the first year's figures for
                -- every later year) and once for both metrics; "materialized" keeps the planner from joining q first
                -- and probing per pair again (EXPLAIN at 100,000 reports: 13,706 probes for 2,291 reports)
                earlier as (
                    select distinct p.id, p.agency_id, p.year
                    from q join report p on p.agency_id = q.agency_id and p.year < q.year and p.is_latest),
                e as materialized (
                    select p.agency_id, p.year, x.metric_id, x.value
                    from earlier p
                    -- one index range, "offset 0" keeps it a probe rather than a scan of the report's every figure
                    cross join lateral (select x.metric_id, x.value from figure x
                                        where x.report_id = p.id and x.year = p.year and x.metric_id = any(?)
                                        offset 0) x),
                -- q's columns ride along rather than joining q again: a generic plan takes q for 10 rows and loops
                h as (
                    select q.id as report_id, q.agency_id, q.year, q.region_code, q.province_code, q.city_code,
                           e.metric_id, count(*) as n,
                           round(percentile_cont(0.5) within group (order by e.value::float8)::numeric, 2) as median
                    from q join e on e.agency_id = q.agency_id and e.year < q.year
                    group by q.id, q.agency_id, q.year, q.region_code, q.province_code, q.city_code, e.metric_id
                    having count(*) >= ?)
                select h.report_id, 'outlier', 'review.outlier', array[h.metric_id], h.median, f.value,
                       m.key || ' is ' || f.value || ', the agency''s median of ' || h.n || ' earlier years is '
                           || h.median, h.agency_id, h.year, h.region_code, h.province_code, h.city_code
                from h
                -- the report's own figure, probed in its year's partition (a plain join scans every partition for
                -- each report: EXPLAIN at 1M, 436 ms against 198 ms a batch of 2,500)
                cross join lateral (select x.value from figure x
                                    where x.report_id = h.report_id and x.year = h.year and x.metric_id = h.metric_id
                                    offset 0) f
                join metric m on m.id = h.metric_id
                where greatest(f.value, h.median) >= ?
                  and (f.value > ? * h.median or f.value * ? < h.median)
                order by h.report_id, h.metric_id
                """)) {
            s.setArray(1, c.createArrayOf("bigint", ids));
            s.setArray(2, c.createArrayOf("smallint", metrics));
            s.setInt(3, MIN_YEARS);
            s.setInt(4, MIN_SIZE);
            s.setInt(5, FACTOR);
            s.setInt(6, FACTOR);
            s.executeUpdate();
        }
    }

    /**
     * The open items of revisions that stopped being latest leave the queue: {@code corrected} when a correction
     * superseded them, {@code superseded} when a new submission or parse did.
     */
    public void close(Connection c, Collection<Long> reportIds, String state, String by, Long token)
            throws SQLException {
        if (reportIds.isEmpty()) return;
        try (PreparedStatement s = c.prepareStatement(
                """
                update review_item set state = ?, decided_at = now(), decided_by = ?, decided_token = ?
                where report_id = any(?) and state = 'open'
                """)) {
            s.setString(1, state);
            s.setString(2, by);
            s.setObject(3, token, java.sql.Types.BIGINT);
            s.setArray(4, c.createArrayOf("bigint", reportIds.toArray()));
            s.executeUpdate();
        }
    }

    /**
     * Decisions carry over to the revision that supersedes: an item of {@code newer} that repeats an accepted item of
     * {@code older} (same kind, rule, cell and numbers) is accepted too, so the same broken table resubmitted or a
     * correction of another cell does not ask again.
     */
    public void inherit(Connection c, List<Long> newer, List<Long> older) throws SQLException {
        if (newer.isEmpty()) return;
        try (PreparedStatement s = c.prepareStatement(
                """
                update review_item n
                set state = o.state, decided_at = o.decided_at, decided_by = o.decided_by,
                    decided_token = o.decided_token, decision = o.decision, decision_reason = o.decision_reason
                from unnest(?::bigint[], ?::bigint[]) as p(newer, older)
                join review_item o on o.report_id = p.older and o.state = 'accepted'
                where n.report_id = p.newer and n.state = 'open' and n.kind = o.kind
                  and n.rule is not distinct from o.rule and n.row_key is not distinct from o.row_key
                  and n.column_key is not distinct from o.column_key and n.metric_ids = o.metric_ids
                  and n.expected is not distinct from o.expected and n.actual is not distinct from o.actual
                """)) {
            s.setArray(1, c.createArrayOf("bigint", newer.toArray()));
            s.setArray(2, c.createArrayOf("bigint", older.toArray()));
            s.executeUpdate();
        }
    }

    /**
     * A new parse or submission held behind a corrected revision ({@code held[i]} behind {@code corrected[i]}): an
     * open {@code difference} item when their figures differ, naming the metrics that do.
     */
    public void differences(Connection c, List<Long> held, List<Long> corrected) throws SQLException {
        if (held.isEmpty()) return;
        try (PreparedStatement s = c.prepareStatement(
                """
                insert into review_item (report_id, kind, metric_ids, related_report_id, related_metric_ids, message,
                                        \s"""
                        + COLUMNS
                        + """
                )
                select r.id, 'difference', d.ids, k.id, d.ids,
                       'a new ' || r.origin || ' revision (' || r.revision || ') differs from the corrected revision '
                           || k.revision || ' in ' || cardinality(d.ids) || ' figure(s); it is held until decided',
                      \s"""
                        + REPORT_COLUMNS
                        + """

                from unnest(?::bigint[], ?::bigint[]) as p(held, corrected)
                join report r on r.id = p.held
                join report k on k.id = p.corrected
                cross join lateral (
                    select array_agg(distinct x.metric_id order by x.metric_id) as ids from (
                        (select metric_id, value, bound from figure where report_id = r.id and year = r.year
                         except select metric_id, value, bound from figure where report_id = k.id and year = k.year)
                        union all
                        (select metric_id, value, bound from figure where report_id = k.id and year = k.year
                         except select metric_id, value, bound from figure where report_id = r.id and year = r.year)
                    ) x) d
                where d.ids is not null
                """)) {
            s.setArray(1, c.createArrayOf("bigint", held.toArray()));
            s.setArray(2, c.createArrayOf("bigint", corrected.toArray()));
            s.executeUpdate();
        }
    }

    /** Marks one open item decided ({@code state} accepted or decided); false when it is not open. */
    public boolean decide(
            Connection c, long itemId, String state, String decision, String reason, String by, Long token)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                """
                update review_item set state = ?, decision = ?, decision_reason = ?, decided_at = now(),
                                       decided_by = ?, decided_token = ?
                where id = ? and state = 'open'
                """)) {
            s.setString(1, state);
            s.setString(2, decision);
            s.setString(3, reason);
            s.setString(4, by);
            s.setObject(5, token, java.sql.Types.BIGINT);
            s.setLong(6, itemId);
            return s.executeUpdate() == 1;
        }
    }

    private static void run(Connection c, Object[] ids, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("bigint", ids));
            s.executeUpdate();
        }
    }
}
