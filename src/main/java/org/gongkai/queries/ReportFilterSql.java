package org.gongkai.queries;

import java.util.List;
import org.gongkai.regions.RegionLevel;

/**
 * The WHERE terms that choose latest reports by {@link QueryFilters}, over {@code report r} (and {@code agency a}
 * when an agency is named rather than numbered): one definition for the engine, coverage and the comparison export.
 */
public final class ReportFilterSql {

    private ReportFilterSql() {}

    /** Does filtering by this agency need the agency table joined as {@code a}. */
    public static boolean needsAgencyJoin(QueryFilters f) {
        return f.agency() != null && !f.agency().matches("\\d+");
    }

    /** " and …" choosing reports under a region (a province or city code covers everything under it); "" for none. */
    public static String regionTerm(String regionCode) {
        return regionCode == null ? "" : " and " + regionCondition("r", regionCode);
    }

    /**
     * The condition choosing rows of table {@code alias} (a report or a row with its region columns) under a region, a
     * province or city code covering everything under it; null for none.
     */
    public static String regionCondition(String alias, String regionCode) {
        if (regionCode == null) return null;
        return switch (RegionLevel.ofCode(regionCode)) {
            case PROVINCE -> alias + ".province_code = ?";
            case CITY -> alias + ".city_code = ?";
            case COUNTY -> alias + ".region_code = ?";
        };
    }

    /** A LIKE pattern matching names that contain {@code part} literally. */
    public static String nameContaining(String part) {
        return "%" + part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Appends the filters' year bounds on {@code column} (a year of report, figure or roll-up rows). */
    public static void appendYears(StringBuilder s, List<Object> params, QueryFilters f, String column) {
        if (f.yearFrom() != null) {
            s.append(" and ").append(column).append(" >= ?");
            params.add(f.yearFrom().shortValue());
        }
        if (f.yearTo() != null) {
            s.append(" and ").append(column).append(" <= ?");
            params.add(f.yearTo().shortValue());
        }
    }

    /** Appends " and …" terms to {@code s} and their values to {@code params}. */
    public static void append(StringBuilder s, List<Object> params, QueryFilters f) {
        if (f.regionCode() != null) {
            s.append(regionTerm(f.regionCode()));
            params.add(f.regionCode());
        }
        appendYears(s, params, f, "r.year");
        if (!f.formats().isEmpty()) {
            s.append(" and r.format = any(?::text[])");
            params.add(f.formats().toArray(String[]::new));
        }
        if (f.agency() != null) {
            if (needsAgencyJoin(f)) {
                s.append(" and a.name like ?");
                params.add(nameContaining(f.agency()));
            } else {
                s.append(" and r.agency_id = ?");
                params.add(Long.parseLong(f.agency()));
            }
        }
        if (f.sector() != null) {
            s.append(" and r.sector = ?");
            params.add(f.sector());
        }
    }
}
