package org.gongkai.regions;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Abbreviated department names in common official use (发改委, 人社局, 市场监管局) and the full name each stands for,
 * from {@code regions/department-aliases.csv}: one agency is stored under one name however a page abbreviates it.
 */
public final class DepartmentAliases {

    private static volatile DepartmentAliases standard;
    private final List<Map.Entry<String, String>> longestFirst;

    DepartmentAliases(Map<String, String> fullByAbbreviation) {
        this.longestFirst = fullByAbbreviation.entrySet().stream()
                .sorted(Comparator.comparingInt(
                                (Map.Entry<String, String> e) -> e.getKey().length())
                        .reversed())
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList();
    }

    public static DepartmentAliases standard() {
        if (standard == null) {
            synchronized (DepartmentAliases.class) {
                if (standard == null) {
                    Map<String, String> m = new LinkedHashMap<>();
                    RegionDirectory.read(
                            "department-aliases.csv", r -> m.put(r.get("abbreviation"), r.get("fullName")));
                    standard = new DepartmentAliases(m);
                }
            }
        }
        return standard;
    }

    /** The name with an abbreviated department word at its end written out: 平潭县人社局 → 平潭县人力资源和社会保障局. */
    public String expand(String agencyName) {
        if (agencyName == null) return null;
        for (Map.Entry<String, String> e : longestFirst) {
            if (agencyName.endsWith(e.getKey()) && !agencyName.endsWith(e.getValue()))
                return agencyName.substring(0, agencyName.length() - e.getKey().length()) + e.getValue();
        }
        return agencyName;
    }
}
