package org.gongkai.checks;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
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

    private final MetricCatalogue catalogue;

    public DerivedFigures(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Map<String, Figure> complete(ReportFormat format, Map<String, Figure> figures) {
        Map<String, Figure> out = new LinkedHashMap<>(figures);
        for (Metric m : catalogue.all()) {
            if (out.containsKey(m.key()) || !m.formats().contains(format) || !m.isSumOfComponentsIn(format)) continue;
            if (!m.components().stream().allMatch(out::containsKey)) continue;
            BigDecimal sum = BigDecimal.ZERO;
            Bound bound = Bound.EXACT;
            for (String c : m.components()) {
                sum = sum.add(out.get(c).value());
                bound = bound.combine(out.get(c).bound());
            }
            out.put(m.key(), Figure.of(sum, bound, Source.derived(m.formula())));
        }
        return out;
    }
}
