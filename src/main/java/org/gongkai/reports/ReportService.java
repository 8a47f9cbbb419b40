package org.gongkai.reports;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import org.gongkai.agencies.AgencyProfile;
import org.gongkai.agencies.AgencyProfiler;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.checks.ReportAssessor;
import org.gongkai.problems.ProblemException;

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

    /** Profiles the agency or refuses the report (422) when its region cannot be told. */
    public AgencyProfile profile(CanonicalReport report) {
        return profiler.profile(report.agencyName(), report.regionCode())
                .orElseThrow(() -> ProblemException.invalid(
                        "/agency/regionCode",
                        "no region can be resolved from the agency name \"" + report.agencyName()
                                + "\"; give agency.regionCode"));
    }

    /** Stores a new revision and returns its id. */
    @Transactional
    public long submit(CanonicalReport report, Long documentId) {
        AgencyProfile agency = profile(report);
        try (Connection c = dataSource.getConnection()) {
            return store.insert(c, agency, report, assessor.assess(report), documentId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the report of " + report.agencyName(), e);
        }
    }
}
