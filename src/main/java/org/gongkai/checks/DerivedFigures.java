package org.gongkai.checks;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.Source;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/**
 * Adds the subtotals the forms do not print (（三）不予公开 as the sum of its eight reasons, …). A subtotal is derived
 * only when every component is present: a table cut short yields a missing subtotal, never a partial one.
 */
public final class DerivedFigures {

    /**
     * Per format, the metrics that are sums of their components in it, in catalogue order (a sum may use an earlier
     * one).
     */
    private final Map<ReportFormat, List<Metric>> sums = new EnumMap<>(ReportFormat.class);

    public DerivedFigures(MetricCatalogue catalogue) {
        for (ReportFormat format : ReportFormat.values()) {
            sums.put(
                    format,
                    catalogue.all().stream()
                            .filter(m -> m.formats().contains(format) && m.isSumOfComponentsIn(format))
                            .toList());
        }
    }

    public Map<String, Figure> complete(ReportFormat format, Map<String, Figure> figures) {
        Map<String, Figure> out = new LinkedHashMap<>(figures);
        for (Metric m : sums.getOrDefault(format, List.of())) {
            if (out.containsKey(m.key()) || !CrossChecks.allPresent(out, m.components())) continue;
            BigDecimal sum = BigDecimal.ZERO;
            Bound bound = Bound.EXACT;
            for (String c : m.components()) {
                Figure f = out.get(c);
                sum = sum.add(f.value());
                bound = bound.combine(f.bound());
            }
            out.put(m.key(), Figure.of(sum, bound, Source.derived(m.formula())));
        }
        return out;
    }
}
