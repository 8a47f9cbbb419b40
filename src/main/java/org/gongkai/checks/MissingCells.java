package org.gongkai.checks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/** Lists the printed cells a report of its format should have but does not; a wholly absent row becomes {@code row.*}. */
public final class MissingCells {

    /** Per format, the keys of the cells it prints, by row in table order. */
    private final Map<ReportFormat, Map<String, List<String>>> printed = new EnumMap<>(ReportFormat.class);

    public MissingCells(MetricCatalogue catalogue) {
        for (ReportFormat format : ReportFormat.values()) {
            Map<String, List<String>> rows = new LinkedHashMap<>();
            for (Metric m : catalogue.printedCells(format))
                rows.computeIfAbsent(m.row(), r -> new ArrayList<>()).add(m.key());
            rows.replaceAll((row, keys) -> List.copyOf(keys));
            printed.put(format, rows);
        }
    }

    public List<String> of(ReportFormat format, Set<String> present) {
        List<String> out = new ArrayList<>();
        printed.getOrDefault(format, Map.of()).forEach((row, cells) -> {
            int before = out.size();
            for (String k : cells) if (!present.contains(k)) out.add(k);
            if (out.size() - before == cells.size() && cells.size() > 1) {
                out.subList(before, out.size()).clear();
                out.add(row + ".*");
            }
        });
        return out;
    }
}
