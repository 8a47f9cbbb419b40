package org.gongkai.regions;

import com.fasterxml.jackson.annotation.JsonValue;

/** The tier of an administrative division, and so of the agencies seated in it (省级, 市级, 县级). */
public enum RegionLevel {
    PROVINCE("province"),
    CITY("city"),
    COUNTY("county");

    private final String code;

    RegionLevel(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static RegionLevel ofCode(String sixDigitCode) {
        if (sixDigitCode.endsWith("0000")) return PROVINCE;
        if (sixDigitCode.endsWith("00")) return CITY;
        return COUNTY;
    }
}
