package org.gongkai.regions;

/**
 * One administrative division with its six-digit GB/T 2260 code and its parents' codes.
 *
 * @param cityCode null for provinces
 */
public record Region(String code, String name, RegionLevel level, String provinceCode, String cityCode) {

    /** The code of the division directly above, or null for a province. */
    public String parentCode() {
        return switch (level) {
            case PROVINCE -> null;
            case CITY -> provinceCode;
            case COUNTY -> cityCode;
        };
    }
}
