package org.gongkai.exports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.queries.QueryFilters;
import org.gongkai.queries.ReportFilterSql;

/**
 * The reports behind a comparison: which (row, year) cells rest on reports that fail cross-checks, and a list of the
 * report revisions for the sources sheet. Only failing cells are held in memory, keyed "code|year".
 */
final class ComparisonReports {

    /** The sources sheet lists at most this many reports and counts the rest. */
    static final int MAX_LISTED = 5000;

    private final ComparisonView.Request request;
    private long omitted;

    ComparisonReports(ComparisonView.Request request) {
        this.request = request;
    }

    Map<String, String> failedChecks(Connection c) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "select " + rowCode() + " as code, r.year,"
                + " count(distinct r.id) filter (where r.failed_checks > 0) as failing, count(distinct r.id) as reports,"
                + " string_agg(distinct k.rule, ', ') as rules"
                + " from report r join agency a on a.id = r.agency_id"
                + " left join report_check k on k.report_id = r.id and not k.passed"
                + " where r.is_latest" + filters(params)
                + " group by 1, 2 having count(distinct r.id) filter (where r.failed_checks > 0) > 0";
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    out.put(
                            (code == null ? null : code.trim()) + "|" + rs.getInt(2),
                            rs.getInt(3) + " of " + rs.getInt(4)
                                    + " reports behind this cell fail cross-checks (勾稽关系): " + rs.getString(5));
                }
            }
        }
        return out;
    }

    List<ExportSources.ReportRevision> reports(Connection c) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "select r.id, a.name, r.year, r.revision, r.failed_checks, count(*) over () as total"
                + " from report r join agency a on a.id = r.agency_id where r.is_latest" + filters(params)
                + " order by a.name, r.year limit " + MAX_LISTED;
        List<ExportSources.ReportRevision> out = new ArrayList<>();
        long total = 0;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ExportSources.ReportRevision(
                            rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                    total = rs.getLong(6);
                }
            }
        }
        omitted = Math.max(0, total - out.size());
        return out;
    }

    long reportsOmitted() {
        return omitted;
    }

    /** The same row codes the query engine groups by (QuerySql). */
    private String rowCode() {
        return switch (request.rows()) {
            case "agency" -> "r.agency_id::text";
            case "province" -> "r.province_code";
            case "city" -> "r.city_code";
            default -> "(case when r.region_code <> r.province_code and r.region_code is distinct from r.city_code"
                    + " then r.region_code end)";
        };
    }

    /** The engine's own report filters, over the comparison's years. */
    private String filters(List<Object> params) {
        QueryFilters f = request.spec().filters();
        StringBuilder s = new StringBuilder();
        ReportFilterSql.append(
                s,
                params,
                new QueryFilters(
                        f.regionCode(), request.yearFrom(), request.yearTo(), f.formats(), f.agency(), f.sector()));
        return s.toString();
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] strings)
                s.setArray(i + 1, s.getConnection().createArrayOf("text", strings));
            else s.setObject(i + 1, p);
        }
    }
}
