package org.gongkai.regions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/** Gives an agency its sector from the department word in its name, as listed in {@code regions/sectors.csv}. */
public final class SectorClassifier {

    private static volatile SectorClassifier standard;
    private final List<Entry> entries;

    SectorClassifier(List<Entry> entries) {
        this.entries = entries.stream()
                .sorted(Comparator.comparingInt((Entry e) -> e.word().length()).reversed())
                .toList();
    }

    public static SectorClassifier standard() {
        if (standard == null) {
            synchronized (SectorClassifier.class) {
                if (standard == null) standard = load();
            }
        }
        return standard;
    }

    /** The sector whose longest department word the name contains; {@link Sector#OTHER} when none. */
    public Sector classify(String agencyName) {
        if (agencyName == null) return Sector.OTHER;
        return entries.stream()
                .filter(e -> agencyName.contains(e.word()))
                .findFirst()
                .map(Entry::sector)
                .orElse(Sector.OTHER);
    }

    /** Every department word with its sector, longest first (the generator names agencies from these). */
    public List<Entry> entries() {
        return entries;
    }

    private static SectorClassifier load() {
        try (InputStream in = SectorClassifier.class.getResourceAsStream("/regions/sectors.csv")) {
            List<Entry> out = new ArrayList<>();
            CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .forEach(r -> out.add(
                            new Entry(r.get("suffix"), new Sector(r.get("sector"), r.get("label"), r.get("labelEn")))));
            return new SectorClassifier(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Entry(String word, Sector sector) {}
}
