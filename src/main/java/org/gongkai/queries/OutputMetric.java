package org.gongkai.queries;

import java.util.List;
import org.gongkai.metrics.Metric;

/**
 * A metric column of a query as planned: a sum of one base metric, a rate over sums of base metrics, or the
 * year-over-year change of a base metric ({@code yoy:<key>}).
 *
 * @param numerator base metric ids added (rates) or the one summed metric; a negative id subtracts
 * @param denominator base metric ids of a rate's denominator, a negative id subtracts; empty otherwise
 */
public record OutputMetric(String key, Metric metric, Kind kind, List<Integer> numerator, List<Integer> denominator) {

    public enum Kind {
        SUM,
        RATE,
        YEAR_OVER_YEAR
    }
}
