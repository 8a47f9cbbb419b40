package org.gongkai.storage;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionLevel;

/**
 * One roll-up row a report counts in, and the one rule that names them: the nation, its province, its city (counties
 * are left to the raw figures), and, for an agency seated at a province or a city itself, that scope's "seated here"
 * row. The writers that add a new revision from memory and the path that subtracts a stored one both use it, so a
 * revision leaves exactly the rows it entered.
 *
 * @param level 0 nation, 1 province, 2 city: the depth a query groups by
 * @param province the province column of the row, null for the nation
 * @param city the city column of the row, null above city level
 */
public record RollupScope(String code, boolean direct, int level, String province, String city) {

    public static final String NATION = "000000";

    /** The rows a report of an agency seated in {@code region} adds to, each once. */
    public static List<RollupScope> of(Region region) {
        List<RollupScope> scopes = new ArrayList<>(4);
        scopes.add(new RollupScope(NATION, false, 0, null, null));
        scopes.add(new RollupScope(region.provinceCode(), false, 1, region.provinceCode(), null));
        if (region.cityCode() != null)
            scopes.add(new RollupScope(region.cityCode(), false, 2, region.provinceCode(), region.cityCode()));
        if (region.level() == RegionLevel.PROVINCE)
            scopes.add(new RollupScope(region.code(), true, 1, region.provinceCode(), null));
        if (region.level() == RegionLevel.CITY)
            scopes.add(new RollupScope(region.code(), true, 2, region.provinceCode(), region.cityCode()));
        return scopes;
    }
}
