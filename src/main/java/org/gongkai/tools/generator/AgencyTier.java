package org.gongkai.tools.generator;

import org.gongkai.regions.RegionLevel;

/**
 * The tier an agency sits at; municipalities (北京, 天津, 上海, 重庆) are provinces whose departments carry city names
 * (北京市教育委员会, 上海市公安局), so they are a tier of their own.
 */
public enum AgencyTier {
    PROVINCE(RegionLevel.PROVINCE, 12),
    MUNICIPALITY(RegionLevel.PROVINCE, 12),
    CITY(RegionLevel.CITY, 3.5),
    COUNTY(RegionLevel.COUNTY, 1);

    private final RegionLevel level;
    private final double scale;

    AgencyTier(RegionLevel level, double scale) {
        this.level = level;
        this.scale = scale;
    }

    public RegionLevel level() {
        return level;
    }

    /** How much busier an agency of this tier is than a county's. */
    public double scale() {
        return scale;
    }
}
