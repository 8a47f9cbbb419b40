package org.gongkai.queries;

import java.util.Arrays;
import java.util.Optional;

/** What a query may group by. Region dimensions group each agency under the division it sits in (or none above it). */
public enum Dimension {
    YEAR("year", "年度", "Year"),
    PROVINCE("province", "省份", "Province"),
    CITY("city", "地市", "City"),
    COUNTY("county", "区县", "County"),
    AGENCY("agency", "机关", "Agency"),
    FORMAT("format", "格式", "Format"),
    SECTOR("sector", "领域", "Sector");

    private final String key;
    private final String label;
    private final String labelEn;

    Dimension(String key, String label, String labelEn) {
        this.key = key;
        this.label = label;
        this.labelEn = labelEn;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Region dimensions in order of depth (1 province … 3 county), 0 for the others. */
    public int regionDepth() {
        return switch (this) {
            case PROVINCE -> 1;
            case CITY -> 2;
            case COUNTY -> 3;
            default -> 0;
        };
    }

    /** Region and agency dimensions carry a name and a code (two result columns). */
    public boolean named() {
        return regionDepth() > 0 || this == AGENCY;
    }

    public static Optional<Dimension> of(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
    }
}
