package org.gongkai.views;

import java.math.BigDecimal;
import java.util.List;
import org.gongkai.canonical.Source;

/** The reports behind one aggregate cell: each one's value of the metric and where it came from. */
public record DrillDown(String metric, long total, List<Item> items) {

    /** One report's contribution. */
    public record Item(
            String reportId,
            int revision,
            String agencyId,
            String agency,
            String regionCode,
            int year,
            String format,
            BigDecimal value,
            String bound,
            Source source) {}
}
