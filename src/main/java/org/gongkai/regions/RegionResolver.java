package org.gongkai.regions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the most specific region an agency name names: 牡丹江市教育局 → 231000, 溪湖区教育局 → 210503, 安徽省教育厅 →
 * 340000. The longest name wins where names overlap, so 马鞍山市 never yields 鞍山市; a name that fits several
 * regions (朝阳区) is resolved only when another name in the text (北京市) says which. A special zone
 * (平潭综合实验区) names the division that seats it.
 */
public final class RegionResolver {

    private static final Set<String> GENERIC = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖县级行政区划");
    private static final Pattern PROVINCE_SUFFIX = Pattern.compile("(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$");
    private static final Pattern CITY_SUFFIX = Pattern.compile("(市|地区|盟|自治州)$");

    private final RegionDirectory directory;
    private final Map<String, List<Region>> byName = new HashMap<>();
    private final int longestName;

    public RegionResolver(RegionDirectory directory) {
        this.directory = directory;
        for (Region r : directory.all()) {
            if (GENERIC.contains(r.name())) continue;
            index(r.name(), r);
            String shortName =
                    switch (r.level()) {
                        case PROVINCE -> PROVINCE_SUFFIX.matcher(r.name()).replaceFirst("");
                        case CITY -> CITY_SUFFIX.matcher(r.name()).replaceFirst("");
                        case COUNTY -> r.name();
                    };
            if (shortName.length() >= 2) index(shortName, r);
        }
        directory.zoneSeats().forEach(this::index);
        this.longestName =
                byName.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    private void index(String name, Region r) {
        List<Region> list = byName.computeIfAbsent(name, k -> new ArrayList<>());
        if (!list.contains(r)) list.add(r);
    }

    /** The most specific region named in the text, if exactly one fits. */
    public Optional<Region> resolve(String text) {
        List<Region> best = candidates(text);
        return best.size() == 1 ? Optional.of(best.get(0)) : Optional.empty();
    }

    /**
     * The most specific regions the text could name, best first: one when {@link #resolve} decides, several when the
     * name fits several (市中区 is in four cities), none when it names no region.
     */
    public List<Region> candidates(String text) {
        if (text == null || text.isBlank()) return List.of();
        List<Match> matches = outermost(scan(text));
        Set<Region> named = new LinkedHashSet<>();
        matches.forEach(m -> named.addAll(m.regions()));
        List<Region> best = new ArrayList<>();
        int bestScore = -1;
        for (Region candidate : named) {
            List<Region> lineage = directory.lineage(candidate.code());
            if (!consistent(candidate, lineage, matches)) continue;
            int support = (int) lineage.stream().filter(named::contains).count();
            int score = support * 10 + candidate.level().ordinal();
            if (score > bestScore) {
                best.clear();
                bestScore = score;
            }
            if (score == bestScore && !best.contains(candidate)) best.add(candidate);
        }
        return best;
    }

    /** Whether the whole text is the name of a region or zone (平潭县, 平潭综合实验区, 牡丹江). */
    public boolean isRegionName(String text) {
        return text != null && byName.containsKey(text);
    }

    /** Every region name written in the text, outermost first by position, with the regions each may mean. */
    public List<NamedRegion> namedIn(String text) {
        if (text == null || text.isBlank()) return List.of();
        return outermost(scan(text)).stream()
                .map(m -> new NamedRegion(text.substring(m.start, m.end), m.regions()))
                .toList();
    }

    /** Every other match must name the candidate's lineage or be ambiguous; a contradiction rules it out. */
    private boolean consistent(Region candidate, List<Region> lineage, List<Match> matches) {
        for (Match m : matches) {
            boolean related = m.regions().stream()
                    .anyMatch(r ->
                            lineage.contains(r) || directory.lineage(r.code()).contains(candidate));
            if (!related
                    && m.regions().size() == 1
                    && m.regions().get(0).level().ordinal() <= candidate.level().ordinal()) {
                return false;
            }
        }
        return true;
    }

    private List<Match> scan(String text) {
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            int max = Math.min(longestName, text.length() - i);
            for (int len = max; len >= 2; len--) {
                List<Region> regions = byName.get(text.substring(i, i + len));
                if (regions != null) out.add(new Match(i, i + len, regions));
            }
        }
        return out;
    }

    /** Drops a match lying inside a longer one (鞍山市 inside 马鞍山市, 安徽 inside 安徽省). */
    private static List<Match> outermost(List<Match> matches) {
        List<Match> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparingInt((Match m) -> m.end - m.start).reversed());
        List<Match> kept = new ArrayList<>();
        for (Match m : sorted) {
            if (kept.stream().noneMatch(k -> k.start <= m.start && m.end <= k.end)) kept.add(m);
        }
        kept.sort(Comparator.comparingInt(Match::start));
        return kept;
    }

    private record Match(int start, int end, List<Region> regions) {}

    /** A region name as written ({@code name}) and the regions it may mean. */
    public record NamedRegion(String name, List<Region> regions) {}
}
