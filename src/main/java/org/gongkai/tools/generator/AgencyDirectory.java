package org.gongkai.tools.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionDirectory;

/**
 * Every agency the generator can name: the departments of every province, city and county of the region tree. The
 * generic rows of the tree (市辖区, 省直辖县级行政区划) are no seat of government and get none; a municipality's
 * city-level departments are its provincial ones (北京市教育委员会).
 */
public final class AgencyDirectory {

    private static final Set<String> MUNICIPALITIES = Set.of("110000", "120000", "310000", "500000");
    private static final Set<String> GENERIC_CITY_ROWS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖县级行政区划");

    private final List<Agency> all;

    public AgencyDirectory(RegionDirectory regions) {
        List<Agency> out = new ArrayList<>();
        for (Region region : regions.all()) {
            AgencyTier tier = tierOf(region);
            if (tier == null) continue;
            for (int d = 0; d < Department.ALL.size(); d++) {
                Department department = Department.ALL.get(d);
                if (!department.existsAt(tier)) continue;
                long identity = Long.parseLong(region.code()) * 100 + d;
                out.add(new Agency(
                        region.name() + department.word(tier),
                        region.code(),
                        region.provinceCode(),
                        tier,
                        department,
                        identity));
            }
        }
        this.all = Collections.unmodifiableList(out);
    }

    private static AgencyTier tierOf(Region region) {
        return switch (region.level()) {
            case PROVINCE -> MUNICIPALITIES.contains(region.code()) ? AgencyTier.MUNICIPALITY : AgencyTier.PROVINCE;
            case CITY -> GENERIC_CITY_ROWS.contains(region.name()) ? null : AgencyTier.CITY;
            case COUNTY -> GENERIC_CITY_ROWS.contains(region.name()) ? null : AgencyTier.COUNTY;
        };
    }

    /** Every agency, in region-tree order and, within a region, in department order. */
    public List<Agency> all() {
        return all;
    }

    /**
     * The agencies of a corpus of the given size, in directory order. Each province's government office comes first
     * so that every province is present; the rest is a weighted sample (core departments and higher tiers are likelier)
     * drawn from hashes of the agencies' identities, so the choice is the same for every seed and stable as the size
     * grows: a larger corpus holds every agency of a smaller one.
     */
    public List<Agency> select(int count) {
        if (count > all.size()) {
            throw new IllegalArgumentException("asked for " + count + " agencies, the region tree has " + all.size()
                    + " (" + all.size() + " × years is the largest corpus)");
        }
        double[] keys = new double[all.size()];
        Integer[] order = new Integer[all.size()];
        for (int i = 0; i < keys.length; i++) {
            Agency a = all.get(i);
            order[i] = i;
            boolean anchor = a.tier() != AgencyTier.CITY
                    && a.tier() != AgencyTier.COUNTY
                    && a.department().key().equals("government_office");
            // Efraimidis–Spirakis: the smallest Exp(1)/weight keys are a weighted sample without replacement.
            double u = RandomDraws.unit(RandomDraws.mix(a.identity() * 0x9E3779B97F4A7C15L + 17));
            double weight = a.department().weight() * tierWeight(a.tier());
            keys[i] = anchor ? -1 : -StrictMath.log(1 - u) / weight;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> keys[i]).thenComparingInt(i -> i));
        int[] chosen = new int[count];
        for (int i = 0; i < count; i++) chosen[i] = order[i];
        Arrays.sort(chosen);
        List<Agency> out = new ArrayList<>(count);
        for (int i : chosen) out.add(all.get(i));
        return Collections.unmodifiableList(out);
    }

    private static double tierWeight(AgencyTier tier) {
        return switch (tier) {
            case PROVINCE, MUNICIPALITY -> 4;
            case CITY -> 2;
            case COUNTY -> 1;
        };
    }
}
