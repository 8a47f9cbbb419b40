package org.gongkai.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.AgencyProfile;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Source;
import org.gongkai.checks.Assessment;

/**
 * Writes one report revision: the agency, the report row (earlier revisions stop being latest), its figures,
 * their sources and its check results, all on the caller's connection and so in the caller's transaction.
 */
@ApplicationScoped
public class ReportStore {

    @Inject
    MetricIds metricIds;

    @Inject
    AgencyStore agencies;

    @Inject
    ObjectMapper json;

    @Inject
    Rollups rollups;

    @Inject
    ReviewItems review;

    /**
     * Writes the revision; {@code printedName} is the agency's name as its document printed it (null for none), which
     * with the name the report gives is recorded as an alias of the agency where it differs from the canonical one.
     */
    public Written insert(
            Connection c, AgencyProfile agency, CanonicalReport r, Assessment a, Long documentId, String printedName)
            throws SQLException {
        long agencyId = agencies.idOf(c, agency);
        agencies.recordAliases(c, agencyId, agency.name(), Arrays.asList(r.agencyName(), printedName), documentId);
        byte[] hash = ContentHash.of(r);
        // a document's report is one with its document (the bytes deduplicate it); a JSON one is its content
        if (documentId == null) {
            Long same = latestWithContent(c, agencyId, r.year(), hash);
            if (same != null) return new Written(same, false);
        }
        Revision row = insertRow(c, agencyId, agency, r, a, documentId, hash);
        insertFigures(c, row.id(), r.year(), a.figures());
        insertChecks(c, row.id(), a);
        Rollups.Deltas deltas = new Rollups.Deltas(metricIds);
        if (row.latest()) deltas.add(agency.region(), r.year(), a.figures());
        settle(c, List.of(row), deltas);
        return new Written(row.id(), true);
    }

    /**
     * A new revision's report row: the latest revision it superseded (null for none), or, when the agency-year's latest
     * revision is a person's correction, that correction, which it is held behind (not latest) instead.
     */
    public record Revision(long id, Long superseded, Long heldBehind) {
        public boolean latest() {
            return heldBehind == null;
        }
    }

    /**
     * What follows new revisions' figures in their transaction: the roll-ups move from the revisions they superseded to
     * the new latest ones ({@code deltas}: the latest ones' figures), their review items are derived (or, for one held
     * behind a correction, how it differs), and the data version moves.
     */
    private void settle(Connection c, List<Revision> rows, Rollups.Deltas deltas) throws SQLException {
        List<Long> latest = new ArrayList<>();
        List<Long> superseded = new ArrayList<>();
        List<Long> succeeding = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        List<Long> corrections = new ArrayList<>();
        for (Revision row : rows) {
            if (!row.latest()) {
                held.add(row.id());
                corrections.add(row.heldBehind());
                continue;
            }
            latest.add(row.id());
            if (row.superseded() != null) {
                superseded.add(row.superseded());
                succeeding.add(row.id());
            }
        }
        review.differences(c, held, corrections);
        if (!latest.isEmpty()) {
            review.close(c, superseded, "superseded", null, null);
            review.derive(c, latest, false);
            review.inherit(c, succeeding, superseded);
            // the roll-up lock last, for the roll-up rows alone: a bulk batch waiting for it holds up every writer
            rollups.addStored(c, superseded, -1, deltas);
            deltas.stage(c);
            AdvisoryLocks.rollupsShared(c);
            deltas.merge(c);
        }
        DataVersion.bump(c);
    }

    private Revision insertRow(
            Connection c,
            long agencyId,
            AgencyProfile agency,
            CanonicalReport r,
            Assessment a,
            Long documentId,
            byte[] hash)
            throws SQLException {
        // a corrected revision is never overwritten by a machine: the new one is kept beside it, not latest, and
        // the queue shows how it differs
        Long corrected = correctedLatest(c, agencyId, r.year());
        Succession next = corrected == null
                ? succeed(c, agencyId, r.year())
                : new Succession(nextRevision(c, agencyId, r.year()), null);
        try (PreparedStatement s = c.prepareStatement(
                """
                insert into report (agency_id, year, revision, is_latest, format, published_on, source_url, document_id,
                                    region_code, province_code, city_code, sector, missing, failed_checks,
                                    content_sha256, origin)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)) {
            s.setLong(1, agencyId);
            s.setInt(2, r.year());
            s.setInt(3, next.revision());
            s.setBoolean(4, corrected == null);
            s.setString(5, r.format().code());
            s.setObject(6, r.publishedOn() == null ? null : Date.valueOf(r.publishedOn()), Types.DATE);
            s.setString(7, r.sourceUrl());
            s.setObject(8, documentId, Types.BIGINT);
            s.setString(9, agency.region().code());
            s.setString(10, agency.region().provinceCode());
            s.setString(11, agency.region().cityCode());
            s.setString(12, agency.sector().key());
            s.setArray(13, c.createArrayOf("text", a.missing().toArray()));
            s.setInt(14, (int) a.failedChecks());
            s.setBytes(15, hash);
            s.setString(16, documentId == null ? "submitted" : "parsed");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Revision(rs.getLong(1), next.superseded(), corrected);
            }
        }
    }

    /** The revision a submission is answered with: a new one ({@code created}), or the latest it equals. */
    public record Written(long id, boolean created) {}

    /**
     * The latest revision of the agency-year when its content hash is {@code hash} (or a revision held behind a
     * corrected latest one with it: the same content again asks nothing new), else null; takes the lock.
     */
    private static Long latestWithContent(Connection c, long agencyId, int year, byte[] hash) throws SQLException {
        lockAgencyYear(c, agencyId, year);
        try (PreparedStatement s = c.prepareStatement(
                """
                select id from report r
                where agency_id = ? and year = ? and content_sha256 = ?
                  and (is_latest or revision > (select k.revision from report k where k.agency_id = r.agency_id
                                                and k.year = r.year and k.is_latest and k.origin = 'corrected'))
                order by is_latest desc, revision desc limit 1
                """)) {
            s.setLong(1, agencyId);
            s.setInt(2, year);
            s.setBytes(3, hash);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /**
     * The latest revision of the agency-year when a person corrected it (origin {@code corrected}), else null; takes
     * the agency-year lock.
     */
    public static Long correctedLatest(Connection c, long agencyId, int year) throws SQLException {
        lockAgencyYear(c, agencyId, year);
        try (PreparedStatement s = c.prepareStatement(
                "select id from report where agency_id = ? and year = ? and is_latest and origin = 'corrected'")) {
            s.setLong(1, agencyId);
            s.setInt(2, year);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** The number the next revision of an agency-year takes; the caller holds the agency-year lock. */
    public static int nextRevision(Connection c, long agencyId, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select coalesce(max(revision), 0) + 1 from report where agency_id = ? and year = ?")) {
            s.setLong(1, agencyId);
            s.setInt(2, year);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Revisions of one agency-year one at a time (re-entrant within a transaction). */
    public static void lockAgencyYear(Connection c, long agencyId, int year) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, AdvisoryLocks.agencyYear(agencyId, year));
            lock.execute();
        }
    }

    /** The revision a new latest report of an agency-year takes, and the latest one it supersedes (or null). */
    public record Succession(int revision, Long superseded) {}

    /**
     * Makes room for a new latest revision of (agency, year): takes the agency-year lock (revisions one at a time),
     * numbers the new revision and takes the current latest off {@code is_latest}.
     */
    public static Succession succeed(Connection c, long agencyId, int year) throws SQLException {
        lockAgencyYear(c, agencyId, year);
        int revision = nextRevision(c, agencyId, year);
        Long superseded = null;
        try (PreparedStatement s = c.prepareStatement(
                "update report set is_latest = false where agency_id = ? and year = ? and is_latest returning id")) {
            s.setLong(1, agencyId);
            s.setInt(2, year);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) superseded = rs.getLong(1);
            }
        }
        return new Succession(revision, superseded);
    }

    public void insertFigures(Connection c, long reportId, int year, Map<String, Figure> figures) throws SQLException {
        try (PreparedStatement f = c.prepareStatement(
                        "insert into figure (report_id, metric_id, value, bound, year) values (?, ?, ?, ?, ?)");
                PreparedStatement src = c.prepareStatement(
                        """
                        insert into figure_source (report_id, metric_id, kind, text, start_offset, end_offset,
                                                   row_label, column_label, note, parts, method, page)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                        """)) {
            for (Map.Entry<String, Figure> e : figures.entrySet()) {
                short metric = metricIds.id(e.getKey());
                Figure fig = e.getValue();
                f.setLong(1, reportId);
                f.setShort(2, metric);
                f.setBigDecimal(3, fig.value());
                f.setShort(4, (short) fig.bound().ordinal());
                f.setShort(5, (short) year);
                f.addBatch();
                if (!fig.needsSourceRow()) continue;
                Source s = fig.source() == null ? Source.submitted() : fig.source();
                src.setLong(1, reportId);
                src.setShort(2, metric);
                src.setString(3, s.kind().code());
                src.setString(4, s.text());
                src.setObject(5, s.start(), Types.INTEGER);
                src.setObject(6, s.end(), Types.INTEGER);
                src.setString(7, s.row());
                src.setString(8, s.column());
                src.setString(9, fig.note());
                src.setString(10, partsJson(fig));
                src.setString(11, s.method());
                src.setObject(12, s.page(), Types.INTEGER);
                src.addBatch();
            }
            f.executeBatch();
            src.executeBatch();
        }
    }

    public void insertChecks(Connection c, long reportId, Assessment a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                """
                insert into report_check (report_id, ordinal, rule, row_key, column_key, passed, expected, actual,
                                          message, finding)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            short ordinal = 0;
            for (Assessment.Stored stored : a.toStore()) {
                CheckResult check = stored.check();
                s.setLong(1, reportId);
                s.setShort(2, ordinal++);
                s.setString(3, check.rule());
                s.setString(4, check.row());
                s.setString(5, check.column());
                s.setBoolean(6, check.passed());
                s.setBigDecimal(7, check.expected());
                s.setBigDecimal(8, check.actual());
                s.setString(9, check.message());
                s.setBoolean(10, stored.finding());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The figure's named parts as the JSON of {@code figure_source.parts}, null when it has none. */
    public String partsJson(Figure fig) {
        if (fig.parts().isEmpty()) return null;
        try {
            return json.writeValueAsString(fig.parts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
