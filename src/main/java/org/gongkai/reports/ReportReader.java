package org.gongkai.reports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Part;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.Source;
import org.gongkai.canonical.SourceKind;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.parsing.IdentityEvidence;
import org.gongkai.queries.ReportFilterSql;
import org.gongkai.queries.SqlWhere;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionLevel;
import org.gongkai.storage.MetricIds;

/** Reads stored report revisions back, figure by figure with their sources. */
@ApplicationScoped
public class ReportReader {

    private static final TypeReference<List<Part>> PARTS = new TypeReference<>() {};
    private static final TypeReference<List<IdentityEvidence.Candidate>> CANDIDATES = new TypeReference<>() {};

    /** The year an unresolved report of unknown year is stored under (its figures sit in figure_earlier). */
    static final int UNKNOWN_YEAR = org.gongkai.storage.UnresolvedStore.UNKNOWN_YEAR;

    /** The agency of a report, or what an unresolved report's document said of it (five columns). */
    private static final String AGENCY_COLUMNS =
            " a.id, coalesce(a.name, r.agency_name), coalesce(a.region_code, r.region_code), a.level, a.sector";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MetricIds metricIds;

    @Inject
    MetricCatalogue catalogue;

    @Inject
    RegionDirectory regions;

    @Inject
    ObjectMapper json;

    @Inject
    org.gongkai.checks.ReportAssessor assessor;

    public Optional<StoredReport> find(long id) {
        try (Connection c = dataSource.getConnection()) {
            StoredReport head;
            try (PreparedStatement s = c.prepareStatement(
                    """
                    select r.id, r.year, r.format, r.revision, r.is_latest, r.document_id, r.published_on, r.source_url,
                           r.created_at, r.missing,"""
                            + AGENCY_COLUMNS
                            + """
                    , r.status, r.identity_missing, r.candidates
                    from report r left join agency a on a.id = r.agency_id where r.id = ?
                    """)) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    head = new StoredReport(
                            Long.toString(rs.getLong(1)),
                            agency(rs, 11),
                            yearOrNull(rs, 2),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getBoolean(5),
                            idOrNull(rs, 6),
                            dateOrNull(rs, 7),
                            rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class),
                            Map.of(),
                            List.of(),
                            List.of((String[]) rs.getArray(10).getArray()),
                            rs.getString(16),
                            List.of((String[]) rs.getArray(17).getArray()),
                            candidates(rs.getString(18)));
                }
            }
            ReportFormat format = ReportFormat.fromCode(head.format()).orElseThrow();
            Map<String, Figure> figures = figures(c, id, head.year() == null ? UNKNOWN_YEAR : head.year(), format);
            List<CheckResult> checks = checks(c, id);
            checks.addAll(assessor.crossChecks(figures));
            StoredReport.AgencyView agency =
                    head.agency().withAliases(aliases(c, head.agency().id()));
            return Optional.of(new StoredReport(
                    head.id(),
                    agency,
                    head.year(),
                    head.format(),
                    head.revision(),
                    head.latest(),
                    head.documentId(),
                    head.publishedOn(),
                    head.sourceUrl(),
                    head.createdAt(),
                    figures,
                    checks,
                    head.missing(),
                    head.status(),
                    head.missingIdentity(),
                    head.candidates()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read report " + id, e);
        }
    }

    public ReportPage list(ReportFilter f) {
        boolean unresolved = StoredReport.UNRESOLVED.equals(f.status());
        SqlWhere where = new SqlWhere("r.status = ?", unresolved ? StoredReport.UNRESOLVED : StoredReport.RESOLVED)
                // an unresolved report is no revision, hence never latest
                .andIf(!f.allRevisions() && !unresolved, "r.is_latest")
                // the agency's name, a name its reports were filed under, or an unresolved report's document's name;
                // the aliases are matched once (an uncorrelated IN is a hashed subplan), not probed per report
                .and(
                        "(coalesce(a.name, r.agency_name) like ?"
                                + " or r.agency_id in (select x.agency_id from agency_alias x where x.alias like ?))",
                        f.agency() == null ? null : ReportFilterSql.nameContaining(f.agency()))
                .and(ReportFilterSql.regionCondition("r", f.regionCode()), f.regionCode())
                .and("r.year = ?", f.year() == null ? null : f.year().shortValue())
                .and("r.format = ?", f.format());
        String from = " from report r left join agency a on a.id = r.agency_id";
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("select count(*)" + from + where)) {
                where.bind(s, 1);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<ReportSummary> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    """
                    select r.id, r.year, r.format, r.revision, r.is_latest, r.document_id, r.published_on,
                           r.failed_checks, cardinality(r.missing),"""
                            + AGENCY_COLUMNS
                            + ", r.status, r.identity_missing"
                            + from
                            + where
                            + " order by r.year desc, coalesce(a.name, r.agency_name), r.revision desc, r.id desc"
                            + " limit ? offset ?")) {
                int next = where.bind(s, 1);
                s.setInt(next, f.limit());
                s.setInt(next + 1, f.offset());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(new ReportSummary(
                                Long.toString(rs.getLong(1)),
                                agency(rs, 10),
                                yearOrNull(rs, 2),
                                rs.getString(3),
                                rs.getInt(4),
                                rs.getBoolean(5),
                                idOrNull(rs, 6),
                                dateOrNull(rs, 7),
                                rs.getInt(8),
                                rs.getInt(9),
                                rs.getString(15),
                                List.of((String[]) rs.getArray(16).getArray())));
                    }
                }
            }
            return new ReportPage(items, total, f.limit(), f.offset());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list reports", e);
        }
    }

    private Map<String, Figure> figures(Connection c, long id, int year, ReportFormat format) throws SQLException {
        Map<String, Figure> byKey = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(
                """
                select f.metric_id, f.value, f.bound, s.kind, s.text, s.start_offset, s.end_offset, s.row_label,
                       s.column_label, s.note, s.parts, s.method, s.page
                from figure f left join figure_source s on s.report_id = f.report_id and s.metric_id = f.metric_id
                where f.report_id = ? and f.year = ?
                """)) {
            s.setLong(1, id);
            s.setShort(2, (short) year);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = metricIds.key(rs.getShort(1));
                    BigDecimal value = rs.getBigDecimal(2);
                    Bound bound = Bound.values()[rs.getShort(3)];
                    Source source;
                    if (rs.getString(4) != null) {
                        source = new Source(
                                SourceKind.fromCode(rs.getString(4)).orElseThrow(),
                                rs.getString(5),
                                (Integer) rs.getObject(6),
                                (Integer) rs.getObject(7),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getString(12),
                                (Integer) rs.getObject(13));
                    } else {
                        Metric m = catalogue.get(key);
                        source = m.isSumOfComponentsIn(format) ? Source.derived(m.formula()) : Source.submitted();
                    }
                    List<Part> parts = rs.getString(11) == null ? List.of() : parse(rs.getString(11));
                    byKey.put(key, new Figure(value, bound, source, parts, rs.getString(10)));
                }
            }
        }
        // catalogue order reads like the printed tables
        Map<String, Figure> ordered = new LinkedHashMap<>();
        catalogue.all().stream().map(Metric::key).filter(byKey::containsKey).forEach(k -> ordered.put(k, byKey.get(k)));
        return ordered;
    }

    /** The producer's findings as stored; cross-checks are computed again from the figures. */
    private List<CheckResult> checks(Connection c, long id) throws SQLException {
        List<CheckResult> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                """
                select rule, row_key, column_key, passed, expected, actual, message
                from report_check where report_id = ? and finding order by ordinal
                """)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new CheckResult(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getBoolean(4),
                            rs.getBigDecimal(5),
                            rs.getBigDecimal(6),
                            rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** The agency of a resolved report; for an unresolved one the name its document gave and its region scope. */
    private StoredReport.AgencyView agency(ResultSet rs, int col) throws SQLException {
        String code = rs.getString(col + 2);
        if (code != null) code = code.trim();
        Map<RegionLevel, String> names = new LinkedHashMap<>();
        for (Region r : regions.lineage(code)) names.put(r.level(), r.name());
        short level = rs.getShort(col + 3);
        String levelCode = rs.wasNull() ? null : RegionLevel.values()[level - 1].code();
        return new StoredReport.AgencyView(
                idOrNull(rs, col),
                rs.getString(col + 1),
                code,
                new StoredReport.RegionView(
                        names.get(RegionLevel.PROVINCE), names.get(RegionLevel.CITY), names.get(RegionLevel.COUNTY)),
                levelCode,
                rs.getString(col + 4),
                null);
    }

    /** The agency's aliases in the order first seen; none for an unresolved report (no agency). */
    private static List<String> aliases(Connection c, String agencyId) throws SQLException {
        if (agencyId == null) return List.of();
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select alias from agency_alias where agency_id = ? order by first_seen_at, alias")) {
            s.setLong(1, Long.parseLong(agencyId));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    private List<IdentityEvidence.Candidate> candidates(String stored) {
        if (stored == null) return List.of();
        try {
            return json.readValue(stored, CANDIDATES);
        } catch (IOException e) {
            throw new IllegalStateException("stored candidates are not valid JSON", e);
        }
    }

    private List<Part> parse(String parts) {
        try {
            return json.readValue(parts, PARTS);
        } catch (IOException e) {
            throw new IllegalStateException("stored parts are not valid JSON", e);
        }
    }

    private static String idOrNull(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Long.toString(v);
    }

    private static Integer yearOrNull(ResultSet rs, int col) throws SQLException {
        int year = rs.getInt(col);
        return year == UNKNOWN_YEAR ? null : year;
    }

    private static java.time.LocalDate dateOrNull(ResultSet rs, int col) throws SQLException {
        java.sql.Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }
}
