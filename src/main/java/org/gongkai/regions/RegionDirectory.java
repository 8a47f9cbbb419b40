package org.gongkai.regions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * China's administrative divisions as shipped in {@code regions/*.csv}, widened to six-digit codes, and the special
 * zones ({@code regions/zones.csv}) with the division that seats each.
 */
public final class RegionDirectory {

    private static volatile RegionDirectory standard;
    private final Map<String, Region> byCode;
    private final Map<String, Region> zoneSeats;

    RegionDirectory(Collection<Region> regions, Map<String, String> zoneSeatCodes) {
        Map<String, Region> m = new LinkedHashMap<>();
        for (Region r : regions) {
            if (r.code().equals(r.parentCode()))
                throw new IllegalStateException("region " + r.code() + " is its own parent");
            m.put(r.code(), r);
        }
        this.byCode = java.util.Collections.unmodifiableMap(m);
        Map<String, Region> z = new LinkedHashMap<>();
        zoneSeatCodes.forEach((name, code) -> {
            Region seat = m.get(code);
            if (seat == null) throw new IllegalStateException("zone " + name + " seated at unknown code " + code);
            z.put(name, seat);
        });
        this.zoneSeats = java.util.Collections.unmodifiableMap(z);
    }

    public static RegionDirectory standard() {
        if (standard == null) {
            synchronized (RegionDirectory.class) {
                if (standard == null) standard = load();
            }
        }
        return standard;
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Collection<Region> all() {
        return byCode.values();
    }

    /**
     * Zones and areas that are no division under their own name (平潭综合实验区, 雄安新区, 苏州工业园区), each with the
     * division that seats it.
     */
    public Map<String, Region> zoneSeats() {
        return zoneSeats;
    }

    /** The region and its ancestors, most specific first. */
    public List<Region> lineage(String code) {
        List<Region> out = new ArrayList<>();
        Optional<Region> r = find(code);
        while (r.isPresent()) {
            out.add(r.get());
            r = find(r.get().parentCode());
        }
        return out;
    }

    private static RegionDirectory load() {
        List<Region> regions = new ArrayList<>();
        read(
                "provinces.csv",
                r -> regions.add(new Region(
                        r.get("code") + "0000", r.get("name"), RegionLevel.PROVINCE, r.get("code") + "0000", null)));
        read(
                "cities.csv",
                r -> regions.add(new Region(
                        r.get("code") + "00", r.get("name"), RegionLevel.CITY, r.get("provinceCode") + "0000", null)));
        read("areas.csv", r -> {
            // a city without counties (东莞市, 中山市, 儋州市) is listed again as its own area: it stays a city
            if (r.get("code").equals(r.get("cityCode") + "00")) return;
            regions.add(new Region(
                    r.get("code"),
                    r.get("name"),
                    RegionLevel.COUNTY,
                    r.get("provinceCode") + "0000",
                    r.get("cityCode") + "00"));
        });
        Map<String, String> zones = new LinkedHashMap<>();
        read("zones.csv", r -> zones.put(r.get("name"), r.get("seatCode")));
        return new RegionDirectory(
                regions.stream()
                        .map(r -> r.level() == RegionLevel.CITY
                                ? new Region(r.code(), r.name(), r.level(), r.provinceCode(), r.code())
                                : r)
                        .toList(),
                zones);
    }

    /** Reads one shipped CSV of {@code regions/} (UTF-8, with a header row). */
    static void read(String file, Consumer<CSVRecord> each) {
        try (InputStream in = RegionDirectory.class.getResourceAsStream("/regions/" + file)) {
            if (in == null) throw new IllegalStateException("missing regions/" + file);
            CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .forEach(each);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
