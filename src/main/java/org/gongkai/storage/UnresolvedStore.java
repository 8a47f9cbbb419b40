package org.gongkai.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
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
import org.gongkai.regions.DepartmentAliases;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionDirectory;

/**
 * Writes unresolved reports (no agency, never latest, counted nowhere) and turns one into an ordinary latest revision
 * once its identity is given: the row is updated in place, its figures move to their year's partition, and the
 * roll-ups take it in, all on the caller's connection and so in the caller's transaction.
 */
@ApplicationScoped
public class UnresolvedStore {

    /**
     * A report's row as a resolution needs it.
     *
     * @param year 0 when unknown
     * @param agencyName the name the document gave (null when none)
     * @param regionCode the region its document resolved to when only the agency or year is missing, else null
     * @param documentId its document, null for none
     * @param printedAgency the agency's name as the document printed it (its stored identity), null when unknown
     */
    public record Pending(
            long id,
            String status,
            int year,
            String agencyName,
            String regionCode,
            Long documentId,
            String printedAgency) {

        public boolean unresolved() {
            return UNRESOLVED.equals(status);
        }
    }

    /** The {@code report.status} of a report kept unresolved. */
    public static final String UNRESOLVED = "unresolved";

    /** The year stored for a report whose year is unknown: 0 falls into the figure table's catch-all partition. */
    public static final int UNKNOWN_YEAR = 0;

    /**
     * Why a report is kept unresolved, as stored with it.
     *
     * @param missing which of {@code agency}, {@code regionCode}, {@code year} could not be resolved
     * @param candidatesJson what the document offered for its identity, as JSON
     * @param scope the narrowest region containing every region the document offered; null when none
     * @param year the year when the document gave one within bounds, else {@link #UNKNOWN_YEAR}
     */
    public record Gaps(List<String> missing, String candidatesJson, String scope, int year) {}

    @Inject
    ReportStore reports;

    @Inject
    AgencyStore agencies;

    @Inject
    Rollups rollups;

    @Inject
    RegionDirectory regions;

    @Inject
    ReviewItems review;

    public long insert(Connection c, CanonicalReport r, Assessment a, Long documentId, Gaps identity)
            throws SQLException {
        Region scope = regions.find(identity.scope()).orElse(null);
        long reportId;
        try (PreparedStatement s = c.prepareStatement(
                """
                insert into report (agency_id, agency_name, year, revision, is_latest, status, format, published_on,
                                    source_url, document_id, region_code, province_code, city_code, sector, missing,
                                    failed_checks, identity_missing, candidates, origin)
                values (null, ?, ?, 0, false, 'unresolved', ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, cast(? as jsonb),
                        case when ? then 'parsed' else 'submitted' end)
                returning id
                """)) {
            s.setString(1, r.agencyName());
            s.setShort(2, (short) identity.year());
            s.setString(3, r.format().code());
            s.setObject(4, r.publishedOn() == null ? null : Date.valueOf(r.publishedOn()), Types.DATE);
            s.setString(5, r.sourceUrl());
            s.setObject(6, documentId, Types.BIGINT);
            s.setString(7, scope == null ? null : scope.code());
            s.setString(8, scope == null ? null : scope.provinceCode());
            s.setString(9, scope == null ? null : scope.cityCode());
            s.setArray(10, c.createArrayOf("text", a.missing().toArray()));
            s.setInt(11, (int) a.failedChecks());
            s.setArray(12, c.createArrayOf("text", identity.missing().toArray()));
            s.setString(13, identity.candidatesJson());
            s.setBoolean(14, documentId != null);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                reportId = rs.getLong(1);
            }
        }
        reports.insertFigures(c, reportId, identity.year(), a.figures());
        reports.insertChecks(c, reportId, a);
        review.derive(c, java.util.List.of(reportId), false);
        DataVersion.bump(c); // the coverage view lists unresolved reports
        return reportId;
    }

    /** The report's row, locked until the transaction ends. */
    public Optional<Pending> lock(Connection c, long id) throws SQLException {
        return pending(c, id, " for update");
    }

    public Optional<Pending> find(Connection c, long id) throws SQLException {
        return pending(c, id, "");
    }

    private static Optional<Pending> pending(Connection c, long id, String lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                """
                select status, year, agency_name,
                       case when not 'regionCode' = any(identity_missing) then region_code end,
                       document_id,
                       (select d.identity ->> 'printedAgency' from document d where d.id = report.document_id)
                from report where id = ?"""
                        + lock)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                String region = rs.getString(4);
                long documentId = rs.getLong(5);
                return Optional.of(new Pending(
                        id,
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        region == null ? null : region.trim(),
                        rs.wasNull() ? null : documentId,
                        rs.getString(6)));
            }
        }
    }

    /**
     * Makes the locked, unresolved report {@code p} the latest revision of the agency's year: revision n+1 when the
     * agency-year has revisions already (as any resubmission), its figures in the year's partition, the roll-ups
     * moved (the superseded revision out, this one in). The caller took the row lock.
     */
    public void resolve(Connection c, Pending p, AgencyProfile agency, int year, String claimedName)
            throws SQLException {
        resolve(c, p, agency, year, claimedName, null, null);
    }

    /**
     * {@link #resolve(Connection, Pending, AgencyProfile, int, String)} by a named person ({@code by}, token id
     * {@code token}; null for the machine), who is recorded as having closed the report's {@code unresolved} item.
     */
    public void resolve(
            Connection c, Pending p, AgencyProfile agency, int year, String claimedName, String by, Long token)
            throws SQLException {
        long agencyId = agencies.idOf(c, agency);
        agencies.recordAliases(c, agencyId, agency.name(), aliasesOf(p, agency, claimedName), p.documentId());
        // an agency-year a person corrected keeps its correction: this report is held beside it, not latest
        Long corrected = ReportStore.correctedLatest(c, agencyId, year);
        ReportStore.Succession next = corrected == null
                ? ReportStore.succeed(c, agencyId, year)
                : new ReportStore.Succession(ReportStore.nextRevision(c, agencyId, year), null);
        if (p.year() != year) {
            try (PreparedStatement s =
                    c.prepareStatement("update figure set year = ? where report_id = ? and year = ?")) {
                s.setShort(1, (short) year);
                s.setLong(2, p.id());
                s.setShort(3, (short) p.year());
                s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                """
                update report set status = 'resolved', agency_id = ?, year = ?, revision = ?, is_latest = ?,
                                  region_code = ?, province_code = ?, city_code = ?, sector = ?,
                                  identity_missing = '{}', resolved_at = now()
                where id = ?
                """)) {
            s.setLong(1, agencyId);
            s.setShort(2, (short) year);
            s.setInt(3, next.revision());
            s.setBoolean(4, corrected == null);
            s.setString(5, agency.region().code());
            s.setString(6, agency.region().provinceCode());
            s.setString(7, agency.region().cityCode());
            s.setString(8, agency.sector().key());
            s.setLong(9, p.id());
            s.executeUpdate();
        }
        review.resolved(c, p.id(), by, token);
        if (corrected != null) {
            review.differences(c, List.of(p.id()), List.of(corrected));
        } else {
            if (next.superseded() != null) {
                review.close(c, List.of(next.superseded()), "superseded", null, null);
                review.inherit(c, List.of(p.id()), List.of(next.superseded()));
            }
            review.placed(c, List.of(p.id()));
            // the roll-up lock last, as every writer takes it (AdvisoryLocks), for the roll-up rows alone
            AdvisoryLocks.rollupsShared(c);
            if (next.superseded() != null) rollups.apply(c, List.of(next.superseded(), p.id()), List.of(-1, 1));
            else rollups.apply(c, List.of(p.id()), List.of(1));
        }
        // after the roll-up lock, never before it: a bulk batch takes that lock and then its data-version row
        DataVersion.bump(c); // a resolution changes no id: the data version is what tells cached answers
    }

    /**
     * The names a resolved report was filed under: the resolver's own spelling, and the document's when it names the
     * same agency — the canonical name is it written out, or it with a region before it (市中区审计局 resolved as
     * 济南市市中区审计局). A document's name that the resolver replaced by another body's is no alias of it.
     */
    static List<String> aliasesOf(Pending p, AgencyProfile agency, String claimedName) {
        List<String> written = new ArrayList<>();
        written.add(claimedName);
        for (String documentName : new String[] {p.agencyName(), p.printedAgency()}) {
            if (documentName != null
                    && agency.name().endsWith(DepartmentAliases.standard().expand(documentName.strip())))
                written.add(documentName);
        }
        return written;
    }
}
