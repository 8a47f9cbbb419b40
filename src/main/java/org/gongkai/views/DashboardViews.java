package org.gongkai.views;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.problems.ProblemException;
import org.gongkai.queries.QueryFilters;
import org.gongkai.queries.QuerySpec;
import org.gongkai.regions.RegionLevel;

/**
 * The named views dashboards call without composing a query: each one only builds a {@link QuerySpec} for the one
 * query engine, so a view and the equivalent {@code /api/query} always agree (and exports of either are the same).
 */
@ApplicationScoped
public class DashboardViews {

    private final MetricCatalogue catalogue;

    @Inject
    public DashboardViews(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** 主动公开: items published per year. */
    public QuerySpec itemsPublished(String regionCode, Integer from, Integer to) {
        return new QuerySpec(
                catalogue.viewMetrics("items-published"),
                List.of("year"),
                filters(regionCode, from, to),
                List.of(),
                100,
                0);
    }

    /** 办理结果 by region one level below the filter (or at the level asked). */
    public QuerySpec requestOutcomes(String regionCode, Integer year, String level, int limit, int offset) {
        return new QuerySpec(
                catalogue.viewMetrics("request-outcomes"),
                List.of(level(regionCode, level)),
                filters(regionCode, year, year),
                List.of(),
                limit,
                offset);
    }

    /** 行政复议、行政诉讼 per year, optionally by region. */
    public QuerySpec reviewLitigation(String regionCode, Integer from, Integer to, String level) {
        List<String> groupBy = new ArrayList<>(List.of("year"));
        if (level != null) groupBy.add(level(regionCode, level));
        return new QuerySpec(
                catalogue.viewMetrics("review-litigation"), groupBy, filters(regionCode, from, to), List.of(), 1000, 0);
    }

    /** Agencies (or regions) ranked by one metric, largest first. */
    public QuerySpec rankings(String metric, String regionCode, Integer year, String level, int limit, int offset) {
        if (metric == null) throw ProblemException.badParameter("metric", "name the metric to rank by");
        String by = level == null ? "agency" : level(regionCode, level);
        return new QuerySpec(
                List.of(metric),
                List.of(by),
                filters(regionCode, year, year),
                List.of(new QuerySpec.Order(metric, "desc")),
                limit,
                offset);
    }

    private static QueryFilters filters(String regionCode, Integer from, Integer to) {
        return new QueryFilters(regionCode, from, to, List.of(), null, null);
    }

    /** The level asked, or the one below the region filter (nation → province → city → county). */
    static String level(String regionCode, String level) {
        if (level != null) {
            if (!List.of("province", "city", "county", "agency").contains(level)) {
                throw ProblemException.badParameter("level", "must be province, city, county or agency");
            }
            return level;
        }
        if (regionCode == null) return "province";
        return switch (RegionLevel.ofCode(regionCode)) {
            case PROVINCE -> "city";
            case CITY, COUNTY -> "county";
        };
    }
}
