package org.gongkai.regions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a name through the glyphs OCR confuses ({@code regions/ocr-confusions.csv}: 汨/汩, 戌/戍, 己/已, 未/末): when
 * the name as written names no region, every one-character correction is tried, and one is taken only when the
 * corrections that name a region all name the same one. Callers record the correction as a finding.
 */
public final class OcrCorrector {

    private static volatile List<char[]> shippedPairs;
    private final Map<Character, Set<Character>> confusions;
    private final RegionResolver resolver;

    OcrCorrector(List<char[]> pairs, RegionResolver resolver) {
        Map<Character, Set<Character>> m = new LinkedHashMap<>();
        for (char[] p : pairs) {
            m.computeIfAbsent(p[0], k -> new LinkedHashSet<>()).add(p[1]);
            m.computeIfAbsent(p[1], k -> new LinkedHashSet<>()).add(p[0]);
        }
        this.confusions = m;
        this.resolver = resolver;
    }

    /** The corrector over the shipped confusions, resolving with the given resolver. */
    public static OcrCorrector over(RegionResolver resolver) {
        if (shippedPairs == null) {
            List<char[]> pairs = new ArrayList<>();
            RegionDirectory.read(
                    "ocr-confusions.csv",
                    r -> pairs.add(new char[] {
                        r.get("glyph").charAt(0), r.get("confusedWith").charAt(0)
                    }));
            shippedPairs = List.copyOf(pairs);
        }
        return new OcrCorrector(shippedPairs, resolver);
    }

    /**
     * The one correction of a name that names no region; empty when the name already names one (or several), when no
     * correction names a region, or when corrections name different regions (a guess between them would be a guess).
     */
    public Optional<Correction> correct(String name) {
        if (name == null || !resolver.candidates(name).isEmpty()) return Optional.empty();
        Correction found = null;
        for (int i = 0; i < name.length(); i++) {
            Set<Character> alternatives = confusions.get(name.charAt(i));
            if (alternatives == null) continue;
            for (char alternative : alternatives) {
                String variant = name.substring(0, i) + alternative + name.substring(i + 1);
                List<Region> regions = resolver.candidates(variant);
                if (regions.isEmpty()) continue;
                if (regions.size() > 1) return Optional.empty();
                if (found != null && !found.region().equals(regions.get(0))) return Optional.empty();
                if (found == null) found = new Correction(name, variant, regions.get(0));
            }
        }
        return Optional.ofNullable(found);
    }

    /** A name as written, the name as corrected, and the region the corrected name names. */
    public record Correction(String written, String corrected, Region region) {}
}
