package org.gongkai.canonical;

import org.gongkai.regions.Region;
import org.gongkai.regions.RegionLevel;
import org.gongkai.regions.Sector;

/** Who wrote a report: the agency's name, its region, its tier (from the region) and its sector (from its name). */
public record AgencyProfile(String name, Region region, Sector sector) {

    public RegionLevel level() {
        return region.level();
    }
}
