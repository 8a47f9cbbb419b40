package org.gongkai.documents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongkai.agencies.AgencyProfiler;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.parsing.IdentityEvidence;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.reports.SubmissionReader;
import org.gongkai.reports.UnresolvedIdentity;

/**
 * What a parsed report's identity lacks: the agency (no name), the region (no code, and the name names none
 * unambiguously) or the year (none, or out of bounds), judged on the report as the caller's hints completed it; the
 * parser's candidates come along. Plain Java over the profiler and the region directory.
 */
final class IdentityGaps {

    private final AgencyProfiler profiler;
    private final RegionDirectory regions;

    IdentityGaps(AgencyProfiler profiler, RegionDirectory regions) {
        this.profiler = profiler;
        this.regions = regions;
    }

    /** Empty when the report can be stored as an ordinary revision. */
    Optional<UnresolvedIdentity> of(CanonicalReport report, IdentityEvidence evidence) {
        Set<String> missing = new LinkedHashSet<>();
        // decided on the report as the hints completed it: the parser's own list predates the hints
        if (report.agencyName() == null) missing.add("agency");
        Optional<Region> region = report.agencyName() != null
                ? profiler.profile(report.agencyName(), report.regionCode()).map(p -> p.region())
                : regions.find(report.regionCode());
        boolean regionKnown = region.isPresent();
        if (!regionKnown) missing.add("regionCode");
        boolean yearKnown =
                report.year() >= SubmissionReader.FIRST_YEAR && report.year() <= SubmissionReader.lastYear();
        if (!yearKnown) missing.add("year");
        if (missing.isEmpty()) return Optional.empty();

        List<IdentityEvidence.Candidate> candidates = new ArrayList<>(evidence.candidates());
        if (!yearKnown && report.year() != 0 && candidates.stream().noneMatch(c -> isYear(c, report.year()))) {
            // out of bounds: not stored as the year, kept as what the document said
            candidates.add(new IdentityEvidence.Candidate("year", Integer.toString(report.year()), null, "document"));
        }
        return Optional.of(new UnresolvedIdentity(
                List.copyOf(missing),
                candidates,
                scope(region.map(Region::code).orElse(null), candidates),
                yearKnown ? report.year() : 0));
    }

    private static boolean isYear(IdentityEvidence.Candidate c, int year) {
        return "year".equals(c.field()) && Integer.toString(year).equals(c.value());
    }

    /**
     * The region the report states; else the narrowest region containing every candidate's region; null when it
     * offers none, or when they share no province.
     */
    String scope(String regionCode, List<IdentityEvidence.Candidate> candidates) {
        // a region the report states (or a hint gave) places it; candidates only place a report that states none
        if (regionCode != null && !regions.lineage(regionCode).isEmpty()) return regionCode;
        List<String> codes = new ArrayList<>();
        if (regionCode != null) codes.add(regionCode);
        for (IdentityEvidence.Candidate c : candidates) {
            if (c.regionCode() != null) codes.add(c.regionCode());
            if ("regionCode".equals(c.field()) && c.value() != null) codes.add(c.value());
        }
        List<Region> common = null;
        for (String code : codes) {
            List<Region> lineage = regions.lineage(code);
            if (lineage.isEmpty()) continue; // not a known division
            if (common == null) common = new ArrayList<>(lineage);
            else common.retainAll(lineage);
        }
        return common == null || common.isEmpty() ? null : common.get(0).code();
    }
}
