package org.gongkai.agencies;

import java.util.Optional;
import org.gongkai.canonical.AgencyProfile;
import org.gongkai.regions.DepartmentAliases;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionResolver;
import org.gongkai.regions.SectorClassifier;

/**
 * Profiles an agency from its name, taking a given region code over the one its name implies. The name is stored with
 * its department written out (平潭县人社局 → 平潭县人力资源和社会保障局), so that one agency has one name however its
 * pages abbreviate it.
 */
public final class AgencyProfiler {

    private final RegionDirectory regions;
    private final RegionResolver resolver;
    private final SectorClassifier sectors;
    private final DepartmentAliases aliases = DepartmentAliases.standard();

    public AgencyProfiler(RegionDirectory regions, RegionResolver resolver, SectorClassifier sectors) {
        this.regions = regions;
        this.resolver = resolver;
        this.sectors = sectors;
    }

    /** Empty when no region code is given and the name names no region unambiguously. */
    public Optional<AgencyProfile> profile(String name, String regionCode) {
        Optional<Region> region = regionCode != null ? regions.find(regionCode) : resolver.resolve(name);
        String canonical = aliases.expand(name);
        return region.map(r -> new AgencyProfile(canonical, r, sectors.classify(canonical)));
    }
}
