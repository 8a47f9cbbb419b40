package org.gongkai.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.gongkai.agencies.AgencyProfiler;
import org.gongkai.checks.ReportAssessor;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.parsing.DocumentParser;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionResolver;
import org.gongkai.regions.SectorClassifier;
import org.gongkai.reports.SubmissionReader;

/** Exposes the plain-Java domain objects (no CDI inside them) to the service as application-wide singletons. */
public class DomainBeans {

    @Produces
    @ApplicationScoped
    MetricCatalogue catalogue() {
        return MetricCatalogue.standard();
    }

    @Produces
    @ApplicationScoped
    RegionDirectory regions() {
        return RegionDirectory.standard();
    }

    @Produces
    @ApplicationScoped
    RegionResolver resolver(RegionDirectory regions) {
        return new RegionResolver(regions);
    }

    @Produces
    @ApplicationScoped
    AgencyProfiler profiler(RegionDirectory regions, RegionResolver resolver) {
        return new AgencyProfiler(regions, resolver, SectorClassifier.standard());
    }

    @Produces
    @ApplicationScoped
    ReportAssessor assessor(MetricCatalogue catalogue) {
        return new ReportAssessor(catalogue);
    }

    @Produces
    @ApplicationScoped
    DocumentParser parser(MetricCatalogue catalogue, RegionResolver resolver, GongkaiConfig config) {
        return new DocumentParser(catalogue, resolver, config.limits().documentBytes());
    }

    @Produces
    @ApplicationScoped
    SubmissionReader submissionReader(MetricCatalogue catalogue, RegionDirectory regions) {
        return new SubmissionReader(catalogue, regions);
    }
}
