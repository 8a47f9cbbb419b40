package org.gongkai.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.agencies.AgencyProfiler;
import org.gongkai.canonical.AgencyProfile;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.checks.ReportAssessor;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.storage.ReportStore;
import org.gongkai.storage.UnresolvedStore;

/** Stores report revisions, one transaction each: a report is written whole or not at all. */
@ApplicationScoped
public class ReportService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AgencyProfiler profiler;

    @Inject
    ReportAssessor assessor;

    @Inject
    ReportStore store;

    @Inject
    UnresolvedStore unresolved;

    @Inject
    ObjectMapper json;

    /** Profiles the agency or refuses the report (422) when its region cannot be told. */
    public AgencyProfile profile(CanonicalReport report) {
        return profiler.profile(report.agencyName(), report.regionCode())
                .orElseThrow(() -> ProblemException.invalid(
                        "/agency/regionCode",
                        "no region can be resolved from the agency name \"" + report.agencyName()
                                + "\"; give agency.regionCode"));
    }

    /**
     * Stores a new revision, or none when the report's content equals the latest revision of its agency-year (a JSON
     * submission sent again): the answer says which.
     */
    @Transactional
    public ReportStore.Written submit(CanonicalReport report) {
        return write(report, null, null);
    }

    /**
     * Stores a new revision of a document's report and returns its id; the agency's name as the document printed it
     * becomes an alias of the agency when it differs from the canonical name (in the same transaction).
     */
    @Transactional
    public long submit(CanonicalReport report, Long documentId, String printedName) {
        return write(report, documentId, printedName).id();
    }

    private ReportStore.Written write(CanonicalReport report, Long documentId, String printedName) {
        AgencyProfile agency = profile(report);
        try (Connection c = dataSource.getConnection()) {
            return store.insert(c, agency, report, assessor.assess(report), documentId, printedName);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the report of " + report.agencyName(), e);
        }
    }

    /** Keeps a report whose identity could not be resolved, with all its figures; returns its id. */
    @Transactional
    public long keepUnresolved(CanonicalReport report, Long documentId, UnresolvedIdentity identity) {
        try (Connection c = dataSource.getConnection()) {
            String candidates = json.writeValueAsString(identity.candidates());
            UnresolvedStore.Gaps gaps =
                    new UnresolvedStore.Gaps(identity.missing(), candidates, identity.scope(), identity.year());
            return unresolved.insert(c, report, assessor.assess(report), documentId, gaps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store an unresolved report", e);
        }
    }

    /** The report's status, year and the agency name its document gave; empty when no report has the id. */
    public Optional<UnresolvedStore.Pending> pending(long id) {
        try (Connection c = dataSource.getConnection()) {
            return unresolved.find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read report " + id, e);
        }
    }

    /** The agency a claim names, when its region can be told (from the code, else from the name). */
    public Optional<AgencyProfile> profile(IdentityClaim claim) {
        if (claim.agencyName() == null) return Optional.empty();
        return profiler.profile(claim.agencyName(), claim.regionCode());
    }

    /**
     * Gives an unresolved report its identity: it becomes the latest revision of the agency's year (n+1 when there
     * are revisions already), with the figures it was stored with. 404 for no report, 409 for a resolved one, 422
     * (with JSON Pointers) for a claim that names no agency, region or year.
     */
    @Transactional
    public void resolve(long id, IdentityClaim claim) {
        if (claim.agencyName() == null) {
            throw ProblemException.invalid("/agency/name", "required: the document names no agency");
        }
        if (claim.year() == null) {
            throw ProblemException.invalid("/year", "required: the document states no year it reports on");
        }
        if (claim.year() < SubmissionReader.FIRST_YEAR || claim.year() > SubmissionReader.lastYear()) {
            throw ProblemException.invalid(
                    "/year",
                    "must be between " + SubmissionReader.FIRST_YEAR + " and " + SubmissionReader.lastYear() + ", was "
                            + claim.year());
        }
        AgencyProfile agency = profile(claim)
                .orElseThrow(() -> ProblemException.invalid(
                        "/agency/regionCode",
                        "no region can be resolved from the agency name \"" + claim.agencyName()
                                + "\"; give agency.regionCode"));
        try (Connection c = dataSource.getConnection()) {
            UnresolvedStore.Pending p =
                    unresolved.lock(c, id).orElseThrow(() -> ProblemException.notFound("no report has the id " + id));
            if (!p.unresolved()) throw alreadyResolved(id);
            unresolved.resolve(c, p, agency, claim.year(), claim.agencyName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot resolve report " + id, e);
        }
    }

    /** A conflict: a resolved report's identity is its agency-year; a different one is a new submission. */
    public static ProblemException alreadyResolved(long id) {
        return new ProblemException(
                ProblemException.Kind.CONFLICT,
                "already-resolved",
                "Report already resolved",
                "report " + id + " is resolved; its identity cannot be given again (submit a new revision instead)",
                List.of(new FieldError("", "the report is resolved")),
                Map.of("reportId", Long.toString(id)));
    }
}
