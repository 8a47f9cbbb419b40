package org.gongkai.views;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.Source;
import org.gongkai.canonical.SourceKind;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.problems.ProblemException;
import org.gongkai.queries.AnswerCache;
import org.gongkai.queries.ReportFilterSql;
import org.gongkai.queries.SqlWhere;
import org.gongkai.replicas.ReadConnections;
import org.gongkai.storage.MetricIds;

/** The SQL behind the views that are lists of reports rather than sums: coverage, anomalies and drill-down. */
@ApplicationScoped
public class ViewStore {

    @Inject
    ReadConnections dataSource;

    @Inject
    MetricIds metricIds;

    @Inject
    MetricCatalogue catalogue;

    @Inject
    AnswerCache cache;

    /** Coverage of a region-year, from the answer cache while no write has changed the data. */
    public ReportingCoverage coverage(String regionCode, int year, int limit) {
        return cache.get("view-coverage", Arrays.asList(regionCode, year, limit), c -> {
                    ReportingCoverage r = readCoverage(regionCode, year, limit);
                    long items = r.missing().size()
                            + r.reportedAgencies().size()
                            + r.unresolvedReports().size();
                    return new AnswerCache.Sized<ReportingCoverage>(r, 512 + items * 200);
                })
                .answer();
    }

    /** Anomalies of a region (and year), from the answer cache while no write has changed the data. */
    public Anomalies anomalies(String regionCode, Integer year, int limit) {
        return cache.get("view-anomalies", Arrays.asList(regionCode, year, limit), c -> {
                    Anomalies a = readAnomalies(regionCode, year, limit);
                    long checks = 0;
                    for (Anomalies.FailedReport r : a.failedChecks())
                        checks += 1 + r.failed().size();
                    return new AnswerCache.Sized<Anomalies>(
                            a, 512 + checks * 300 + a.chainBreaks().size() * 300L);
                })
                .answer();
    }

    /** The reports behind one cell, from the answer cache while no write has changed the data. */
    public DrillDown drill(
            String metric,
            String regionCode,
            Integer year,
            String format,
            String sector,
            String agencyId,
            int limit,
            int offset) {
        return cache.get(
                        "view-drill-down",
                        Arrays.asList(metric, regionCode, year, format, sector, agencyId, limit, offset),
                        c -> {
                            DrillDown d = readDrill(metric, regionCode, year, format, sector, agencyId, limit, offset);
                            return new AnswerCache.Sized<DrillDown>(
                                    d, 512 + d.items().size() * 600L);
                        })
                .answer();
    }

    private ReportingCoverage readCoverage(String regionCode, int year, int limit) {
        String scope = ReportFilterSql.regionTerm(regionCode);
        String sql =
                """
                with seen as (
                    select r.agency_id, max(r.year) filter (where r.year < ?) as last_before,
                           bool_or(r.year = ?) as reported
                    from report r where r.is_latest and r.year <= ?"""
                        + scope + " "
                        + """
                    group by r.agency_id)
                select a.id, a.name, a.region_code, s.reported, coalesce(s.last_before, ?) as last_year,
                       count(*) filter (where s.reported) over () as n_reported,
                       count(*) filter (where not s.reported) over () as n_missing
                from seen s join agency a on a.id = s.agency_id
                where s.reported or s.last_before is not null
                order by s.reported, s.last_before desc nulls last, a.name
                """;
        List<ReportingCoverage.Agency> missing = new ArrayList<>();
        List<ReportingCoverage.Agency> reported = new ArrayList<>();
        long nReported = 0;
        long nMissing = 0;
        UnresolvedPage unresolved;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setShort(1, (short) year);
            s.setShort(2, (short) year);
            s.setShort(3, (short) year);
            int i = 4;
            if (regionCode != null) s.setString(i++, regionCode);
            s.setShort(i, (short) year);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    nReported = rs.getLong(6);
                    nMissing = rs.getLong(7);
                    ReportingCoverage.Agency a = new ReportingCoverage.Agency(
                            Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getInt(5));
                    List<ReportingCoverage.Agency> list = rs.getBoolean(4) ? reported : missing;
                    if (list.size() < limit) list.add(a);
                }
            }
            unresolved = unresolved(c, regionCode, year, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("coverage query failed", e);
        }
        return new ReportingCoverage(
                regionCode, year, nReported, nMissing, missing, reported, unresolved.total, unresolved.items);
    }

    /** A page of unresolved reports and how many there are in all. */
    private record UnresolvedPage(long total, List<ReportingCoverage.UnresolvedReport> items) {}

    /**
     * Unresolved reports that may belong to a coverage answer: placed within the region by their document (those
     * placed nowhere only when no region is asked), of the year asked or of unknown year (0).
     */
    private static UnresolvedPage unresolved(Connection c, String regionCode, int year, int limit) throws SQLException {
        long total = 0;
        List<ReportingCoverage.UnresolvedReport> items = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                """
                select r.id, r.document_id, r.agency_name, r.region_code, r.year, r.identity_missing,
                       count(*) over ()
                from report r where r.status = 'unresolved' and r.year in (0, ?)"""
                        + ReportFilterSql.regionTerm(regionCode)
                        + " order by r.year desc, r.id limit ?")) {
            s.setShort(1, (short) year);
            int i = 2;
            if (regionCode != null) s.setString(i++, regionCode);
            s.setInt(i, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    total = rs.getLong(7);
                    String code = rs.getString(4);
                    long documentId = rs.getLong(2);
                    String document = rs.wasNull() ? null : Long.toString(documentId);
                    int y = rs.getInt(5);
                    items.add(new ReportingCoverage.UnresolvedReport(
                            Long.toString(rs.getLong(1)),
                            document,
                            rs.getString(3),
                            code == null ? null : code.trim(),
                            y == 0 ? null : y,
                            List.of((String[]) rs.getArray(6).getArray())));
                }
            }
        }
        return new UnresolvedPage(total, items);
    }

    private Anomalies readAnomalies(String regionCode, Integer year, int limit) {
        String scope = ReportFilterSql.regionTerm(regionCode);
        String yearFilter = year == null ? "" : " and r.year = ?";
        Map<Long, Anomalies.FailedReport> failed = new LinkedHashMap<>();
        List<Anomalies.ChainBreak> breaks = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    with bad as (
                        select r.id, r.year, r.region_code, a.name from report r join agency a on a.id = r.agency_id
                        where r.is_latest and r.failed_checks > 0"""
                            + scope + yearFilter + " "
                            + """
                        order by r.year desc, a.name limit ?)
                    select bad.id, bad.name, bad.region_code, bad.year, k.rule, k.row_key, k.column_key, k.expected,
                           k.actual, k.message
                    from bad join report_check k on k.report_id = bad.id and not k.passed
                    order by bad.year desc, bad.name, k.ordinal
                    """)) {
                int i = bind(s, 1, regionCode, year);
                s.setInt(i, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        Anomalies.FailedReport r = failed.computeIfAbsent(id, k -> {
                            try {
                                return new Anomalies.FailedReport(
                                        Long.toString(id),
                                        rs.getString(2),
                                        rs.getString(3).trim(),
                                        rs.getInt(4),
                                        new ArrayList<>());
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        r.failed()
                                .add(new CheckResult(
                                        rs.getString(5),
                                        rs.getString(6),
                                        rs.getString(7),
                                        false,
                                        rs.getBigDecimal(8),
                                        rs.getBigDecimal(9),
                                        rs.getString(10)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    """
                    select a.id, a.name, r.region_code, r.year, m.key, cur.value, prev_f.value, r.id, prev.id
                    from report r
                    join agency a on a.id = r.agency_id
                    join report prev on prev.agency_id = r.agency_id and prev.year = r.year - 1 and prev.is_latest
                    join metric m on m.key like 'requests.carried_over.%'
                    join figure cur on cur.report_id = r.id and cur.year = r.year and cur.metric_id = m.id
                    join metric pm on pm.key = replace(m.key, 'carried_over', 'carried_forward')
                    join figure prev_f on prev_f.report_id = prev.id and prev_f.year = prev.year and prev_f.metric_id = pm.id
                    where r.is_latest and cur.value <> prev_f.value"""
                            + scope + yearFilter + " "
                            + """
                    order by r.year desc, a.name, m.id limit ?
                    """)) {
                int i = bind(s, 1, regionCode, year);
                s.setInt(i, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        breaks.add(new Anomalies.ChainBreak(
                                Long.toString(rs.getLong(1)),
                                rs.getString(2),
                                rs.getString(3).trim(),
                                rs.getInt(4),
                                rs.getString(5).substring("requests.carried_over.".length()),
                                rs.getBigDecimal(6),
                                rs.getBigDecimal(7),
                                Long.toString(rs.getLong(8)),
                                Long.toString(rs.getLong(9))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("anomalies query failed", e);
        }
        return new Anomalies(List.copyOf(failed.values()), breaks);
    }

    /** The latest reports that give the metric within the region, year, format, sector or agency of one cell. */
    private DrillDown readDrill(
            String metric,
            String regionCode,
            Integer year,
            String format,
            String sector,
            String agencyId,
            int limit,
            int offset) {
        Metric m = catalogue
                .find(metric)
                .filter(x -> !x.derived() || x.kind() != org.gongkai.metrics.MetricKind.RATE)
                .orElseThrow(() -> ProblemException.badParameter("metric", "name a summed metric of GET /api/metrics"));
        SqlWhere where = new SqlWhere("r.is_latest")
                .and(ReportFilterSql.regionCondition("r", regionCode), regionCode)
                .and("r.year = ? and f.year = ?", year == null ? null : year.shortValue())
                .and("r.format = ?", format)
                .and("r.sector = ?", sector)
                .and("r.agency_id = ?", agencyId == null ? null : parseId(agencyId));
        String sql =
                """
                select r.id, r.revision, a.id, a.name, r.region_code, r.year, r.format, f.value, f.bound,
                       s.kind, s.text, s.start_offset, s.end_offset, s.row_label, s.column_label,
                       count(*) over () as total, s.method, s.page
                from report r join agency a on a.id = r.agency_id
                join figure f on f.report_id = r.id and f.year = r.year and f.metric_id = ?
                left join figure_source s on s.report_id = r.id and s.metric_id = f.metric_id
                """
                        + where + " order by f.value desc, a.name limit ? offset ?";
        List<DrillDown.Item> items = new ArrayList<>();
        long total = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setShort(1, metricIds.id(metric));
            int i = where.bind(s, 2);
            s.setInt(i++, limit);
            s.setInt(i, offset);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    total = rs.getLong(16);
                    ReportFormat f = ReportFormat.fromCode(rs.getString(7)).orElseThrow();
                    Source source = rs.getString(10) == null
                            ? (m.isSumOfComponentsIn(f) ? Source.derived(m.formula()) : Source.submitted())
                            : new Source(
                                    SourceKind.fromCode(rs.getString(10)).orElseThrow(),
                                    rs.getString(11),
                                    (Integer) rs.getObject(12),
                                    (Integer) rs.getObject(13),
                                    rs.getString(14),
                                    rs.getString(15),
                                    rs.getString(17),
                                    (Integer) rs.getObject(18));
                    items.add(new DrillDown.Item(
                            Long.toString(rs.getLong(1)),
                            rs.getInt(2),
                            Long.toString(rs.getLong(3)),
                            rs.getString(4),
                            rs.getString(5).trim(),
                            rs.getInt(6),
                            rs.getString(7),
                            rs.getBigDecimal(8),
                            Bound.values()[rs.getShort(9)].code(),
                            source));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("drill-down failed", e);
        }
        return new DrillDown(metric, total, items);
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("agency", "must be an agency id");
        }
    }

    private static int bind(PreparedStatement s, int i, String regionCode, Integer year) throws SQLException {
        if (regionCode != null) s.setString(i++, regionCode);
        if (year != null) s.setShort(i++, year.shortValue());
        return i;
    }
}
