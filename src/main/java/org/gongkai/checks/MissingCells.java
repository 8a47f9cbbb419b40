package org.gongkai.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/** Lists the printed cells a report of its format should have but does not; a wholly absent row becomes {@code row.*}. */
public final class MissingCells {

    private final MetricCatalogue catalogue;

    public MissingCells(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public List<String> of(ReportFormat format, Set<String> present) {
        List<String> out = new ArrayList<>();
        Map<String, List<Metric>> rows = new java.util.LinkedHashMap<>();
        for (Metric m : catalogue.printedCells(format)) {
            rows.computeIfAbsent(m.row(), r -> new ArrayList<>()).add(m);
        }
        rows.forEach((row, cells) -> {
            List<String> absent = cells.stream()
                    .map(Metric::key)
                    .filter(k -> !present.contains(k))
                    .toList();
            if (absent.size() == cells.size() && cells.size() > 1) out.add(row + ".*");
            else out.addAll(absent);
        });
        return out;
    }
}
