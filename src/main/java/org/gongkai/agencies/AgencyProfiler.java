package org.gongkai.agencies;

import java.util.Optional;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionResolver;
import org.gongkai.regions.SectorClassifier;

/** Profiles an agency from its name, taking a given region code over the one its name implies. */
public final class AgencyProfiler {

    private final RegionDirectory regions;
    private final RegionResolver resolver;
    private final SectorClassifier sectors;

    public AgencyProfiler(RegionDirectory regions, RegionResolver resolver, SectorClassifier sectors) {
        this.regions = regions;
        this.resolver = resolver;
        this.sectors = sectors;
    }

    /** Empty when no region code is given and the name names no region unambiguously. */
    public Optional<AgencyProfile> profile(String name, String regionCode) {
        Optional<Region> region = regionCode != null ? regions.find(regionCode) : resolver.resolve(name);
        return region.map(r -> new AgencyProfile(name, r, sectors.classify(name)));
    }
}
