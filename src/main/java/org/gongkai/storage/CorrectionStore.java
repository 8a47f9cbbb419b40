package org.gongkai.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongkai.canonical.AgencyProfile;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.checks.Assessment;

/**
 * Writes what a person decides: a corrected revision (origin {@code corrected}, with who, why and before/after) that
 * becomes the latest of its agency-year, a held revision taken over a correction, and the queue items' decisions —
 * roll-ups and queue moved in the same transaction, on the caller's connection.
 */
@ApplicationScoped
public class CorrectionStore {

    @Inject
    MetricIds metricIds;

    @Inject
    AgencyStore agencies;

    @Inject
    ReportStore reports;

    @Inject
    Rollups rollups;

    @Inject
    ReviewItems review;

    /**
     * A revision as a correction or decision needs it.
     *
     * @param agencyId null for an unresolved report
     */
    public record Revision(long id, Long agencyId, int year, boolean latest, String status, String origin) {}

    /** Who decides: the token's name and id. */
    public record Author(String name, Long tokenId) {}

    public Optional<Revision> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("select id, agency_id, year, is_latest, status, origin from report where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                long agency = rs.getLong(2);
                Long agencyId = rs.wasNull() ? null : agency;
                return Optional.of(new Revision(
                        rs.getLong(1), agencyId, rs.getInt(3), rs.getBoolean(4), rs.getString(5), rs.getString(6)));
            }
        }
    }

    /**
     * Writes {@code corrected} (assessed as {@code a}) as a new revision of {@code agency}'s year that corrects
     * {@code base}: it becomes the latest of that agency-year (superseding whatever was), {@code base} stops being
     * latest (also when the correction moves the report to another agency or year), the roll-ups move by the
     * difference, {@code base}'s open queue items are closed as corrected and the new revision's are derived (checks,
     * chain, outliers; the findings and OCR figures count as seen). Returns the new revision's id.
     *
     * @param changesJson the before/after of the identity and of every changed figure, as stored
     */
    public long correct(
            Connection c,
            Revision base,
            AgencyProfile agency,
            CanonicalReport corrected,
            Assessment a,
            Author author,
            String reason,
            String changesJson)
            throws SQLException {
        long agencyId = agencies.idOf(c, agency);
        int year = corrected.year();
        // agency-year locks in key order, as the bulk writer takes them
        List<Long> keys = new ArrayList<>();
        keys.add(AdvisoryLocks.agencyYear(agencyId, year));
        if (base.agencyId() != null) keys.add(AdvisoryLocks.agencyYear(base.agencyId(), base.year()));
        keys.stream().distinct().sorted().forEach(k -> lock(c, k));
        Revision now = find(c, base.id()).orElseThrow();
        List<Long> out = new ArrayList<>();
        boolean sameAgencyYear = now.agencyId() != null && now.agencyId() == agencyId && now.year() == year;
        if (now.latest() && !sameAgencyYear) {
            try (PreparedStatement s = c.prepareStatement("update report set is_latest = false where id = ?")) {
                s.setLong(1, now.id());
                s.executeUpdate();
            }
            out.add(now.id());
        }
        ReportStore.Succession next = ReportStore.succeed(c, agencyId, year);
        if (next.superseded() != null) out.add(next.superseded());
        long id;
        try (PreparedStatement s = c.prepareStatement(
                """
                insert into report (agency_id, year, revision, is_latest, format, published_on, source_url, document_id,
                                    region_code, province_code, city_code, sector, missing, failed_checks,
                                    content_sha256, origin)
                select ?, ?, ?, true, b.format, b.published_on, b.source_url, b.document_id, ?, ?, ?, ?, ?, ?,
                       b.content_sha256, 'corrected'
                from report b where b.id = ?
                returning id
                """)) {
            s.setLong(1, agencyId);
            s.setInt(2, year);
            s.setInt(3, next.revision());
            s.setString(4, agency.region().code());
            s.setString(5, agency.region().provinceCode());
            s.setString(6, agency.region().cityCode());
            s.setString(7, agency.sector().key());
            s.setArray(8, c.createArrayOf("text", a.missing().toArray()));
            s.setInt(9, (int) a.failedChecks());
            s.setLong(10, base.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        reports.insertFigures(c, id, year, a.figures());
        reports.insertChecks(c, id, a);
        try (PreparedStatement s = c.prepareStatement(
                """
                insert into report_correction (report_id, corrects, author, author_token, reason, changes)
                values (?, ?, ?, ?, ?, cast(? as jsonb))
                """)) {
            s.setLong(1, id);
            s.setLong(2, base.id());
            s.setString(3, author.name());
            s.setObject(4, author.tokenId(), Types.BIGINT);
            s.setString(5, reason);
            s.setString(6, changesJson);
            s.executeUpdate();
        }
        Rollups.Deltas deltas = new Rollups.Deltas(metricIds);
        deltas.add(agency.region(), year, a.figures());
        review.close(c, List.of(base.id()), "corrected", author.name(), author.tokenId());
        List<Long> others = out.stream().filter(x -> x != base.id()).toList();
        review.close(c, others, "superseded", author.name(), author.tokenId());
        review.derive(c, List.of(id), true);
        review.inherit(c, List.of(id), List.of(base.id()));
        rollups.addStored(c, out, -1, deltas);
        deltas.stage(c);
        AdvisoryLocks.rollupsShared(c);
        deltas.merge(c);
        DataVersion.bump(c);
        return id;
    }

    /**
     * Takes a revision held behind a correction ({@code held}) as the latest instead of the corrected one
     * ({@code corrected}): the roll-ups move from one to the other, the corrected revision's open items close, the
     * held one's are derived. False when {@code corrected} is no longer the latest or {@code held} not held.
     */
    public boolean take(Connection c, long held, long corrected, Author author) throws SQLException {
        Revision h = find(c, held).orElseThrow();
        Revision k = find(c, corrected).orElseThrow();
        if (h.agencyId() == null || !h.agencyId().equals(k.agencyId()) || h.year() != k.year()) return false;
        ReportStore.lockAgencyYear(c, h.agencyId(), h.year());
        h = find(c, held).orElseThrow();
        k = find(c, corrected).orElseThrow();
        if (h.latest() || !k.latest()) return false;
        // two statements: the unique index of latest revisions is checked row by row
        for (long[] flip : new long[][] {{corrected, 0}, {held, 1}}) {
            try (PreparedStatement s = c.prepareStatement("update report set is_latest = ? where id = ?")) {
                s.setBoolean(1, flip[1] == 1);
                s.setLong(2, flip[0]);
                s.executeUpdate();
            }
        }
        review.close(c, List.of(corrected), "superseded", author.name(), author.tokenId());
        review.derive(c, List.of(held), false);
        review.inherit(c, List.of(held), List.of(corrected));
        AdvisoryLocks.rollupsShared(c);
        rollups.apply(c, List.of(corrected, held), List.of(-1, 1));
        DataVersion.bump(c);
        return true;
    }

    /** Records a person's decision on one open queue item; false when it is not open (any more). */
    public boolean decide(Connection c, long itemId, String state, String decision, String reason, Author author)
            throws SQLException {
        return review.decide(c, itemId, state, decision, reason, author.name(), author.tokenId());
    }

    private static void lock(Connection c, long key) {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            s.setLong(1, key);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the agency-year lock", e);
        }
    }
}
