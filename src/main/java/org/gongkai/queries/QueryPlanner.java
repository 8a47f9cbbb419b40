package org.gongkai.queries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.ReportYear;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.metrics.Aggregation;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.metrics.MetricKind;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.regions.RegionCode;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionLevel;
import org.gongkai.storage.MetricIds;

/** Checks a query against the catalogue and decides how to answer it: from the roll-ups when they fit. */
@ApplicationScoped
public class QueryPlanner {

    public static final String YOY_PREFIX = "yoy:";
    public static final int MAX_LIMIT = 100_000;
    private static final Set<Dimension> ROLLUP_DIMENSIONS =
            EnumSet.of(Dimension.YEAR, Dimension.PROVINCE, Dimension.CITY);

    @Inject
    MetricCatalogue catalogue;

    @Inject
    MetricIds metricIds;

    @Inject
    RegionDirectory regions;

    @Inject
    GongkaiConfig config;

    public QueryPlan plan(QuerySpec spec) {
        List<FieldError> errors = new ArrayList<>();
        if (spec.metrics().isEmpty()) errors.add(new FieldError("/metrics", "name at least one metric"));
        List<Dimension> dims = new ArrayList<>();
        for (int i = 0; i < spec.groupBy().size(); i++) {
            String key = spec.groupBy().get(i);
            Optional<Dimension> d = Dimension.of(key);
            if (d.isEmpty()) {
                errors.add(new FieldError(
                        "/groupBy/" + i,
                        "cannot group by \"" + key + "\"; use year, province, city, county, agency, format or sector"));
            } else if (dims.contains(d.get())) {
                errors.add(new FieldError("/groupBy/" + i, "\"" + key + "\" is named twice"));
            } else if (d.get().named() && dims.stream().anyMatch(Dimension::named)) {
                // each agency sits in one region: a second region level (or agency beside one) nests, it adds nothing
                errors.add(new FieldError(
                        "/groupBy/" + i,
                        "group by one of province, city, county or agency; \"" + key + "\" and \""
                                + dims.stream()
                                        .filter(Dimension::named)
                                        .findFirst()
                                        .orElseThrow()
                                        .key()
                                + "\" cannot be combined (filter by regionCode to look inside a region)"));
            } else {
                dims.add(d.get());
            }
        }
        QueryFilters f = spec.filters();
        if (f.regionCode() != null) {
            String why = RegionCode.whyNot(f.regionCode(), regions);
            if (why != null) errors.add(new FieldError("/filters/regionCode", why));
        }
        for (Integer y : java.util.Arrays.asList(f.yearFrom(), f.yearTo())) {
            if (y != null && ReportYear.whyNot(y) != null) {
                errors.add(new FieldError("/filters/years", ReportYear.whyNot(y)));
                break;
            }
        }
        if (f.yearFrom() != null && f.yearTo() != null && f.yearFrom() > f.yearTo()) {
            errors.add(new FieldError("/filters/years", "the first year is after the last"));
        }
        for (int i = 0; i < f.formats().size(); i++) {
            if (ReportFormat.fromCode(f.formats().get(i)).isEmpty()) {
                errors.add(new FieldError("/filters/format/" + i, ReportFormat.EXPECTED));
            }
        }
        if (spec.limit() < 1 || spec.limit() > MAX_LIMIT) {
            errors.add(new FieldError("/limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (spec.offset() < 0) errors.add(new FieldError("/offset", "must not be negative"));
        int maxMetrics = config.limits().queryMetrics();
        if (spec.metrics().size() > maxMetrics) {
            // refused before anything else: each metric adds columns to one statement, which PostgreSQL bounds
            throw QueryRequestReader.invalidQuery(List.of(new FieldError(
                    "/metrics",
                    spec.metrics().size() + " metrics named; at most " + maxMetrics
                            + " in one query (gongkai.limits.query-metrics): split the query")));
        }
        for (int i = 0; i < spec.metrics().size(); i++) {
            if (spec.metrics().indexOf(spec.metrics().get(i)) < i) {
                errors.add(new FieldError("/metrics/" + i, "\"" + spec.metrics().get(i) + "\" is named twice"));
            }
        }

        List<OutputMetric> outputs = new ArrayList<>();
        SortedSet<Integer> baseIds = new TreeSet<>();
        boolean yearsPinned = dims.contains(Dimension.YEAR) || f.singleYear();
        for (int i = 0; i < spec.metrics().size(); i++) {
            String key = spec.metrics().get(i);
            String pointer = "/metrics/" + i;
            boolean yoy = key.startsWith(YOY_PREFIX);
            String baseKey = yoy ? key.substring(YOY_PREFIX.length()) : key;
            Optional<Metric> m = catalogue.find(baseKey);
            if (m.isEmpty()) {
                errors.add(new FieldError(pointer, "unknown metric \"" + key + "\"; GET /api/metrics lists them"));
                continue;
            }
            Metric metric = m.get();
            if (yoy && !dims.contains(Dimension.YEAR)) {
                errors.add(new FieldError(pointer, "a year-over-year change needs groupBy year"));
                continue;
            }
            if (metric.kind() == MetricKind.RATE) {
                if (yoy) {
                    errors.add(new FieldError(pointer, "year-over-year change of a rate is not offered"));
                    continue;
                }
                List<Integer> num = ids(metric.components());
                List<Integer> den = ids(metric.denominator());
                num.forEach(id -> baseIds.add(Math.abs(id)));
                den.forEach(id -> baseIds.add(Math.abs(id)));
                outputs.add(new OutputMetric(key, metric, OutputMetric.Kind.RATE, num, den));
                continue;
            }
            if (metric.aggregation() == Aggregation.STOCK && !yearsPinned) {
                throw new ProblemException(
                        ProblemException.Kind.INVALID,
                        "not-summable",
                        "Metric cannot be summed this way",
                        "\"" + key + "\" is a stock (" + metric.label() + "): summing it across years would count the"
                                + " same documents again; group by year or filter a single year",
                        List.of(new FieldError(pointer, "stock metric summed across years")));
            }
            int id = metricIds.id(baseKey);
            baseIds.add(id);
            outputs.add(new OutputMetric(
                    key,
                    metric,
                    yoy ? OutputMetric.Kind.YEAR_OVER_YEAR : OutputMetric.Kind.SUM,
                    List.of(id),
                    List.of()));
        }
        for (int i = 0; i < spec.order().size(); i++) {
            QuerySpec.Order o = spec.order().get(i);
            boolean known = (o.by() != null)
                    && (spec.metrics().contains(o.by())
                            || Dimension.of(o.by()).filter(dims::contains).isPresent());
            if (!known) {
                errors.add(new FieldError("/order/" + i + "/by", "order by a requested metric or group-by key"));
            }
            if (o.dir() != null && !o.dir().equalsIgnoreCase("asc") && !o.dir().equalsIgnoreCase("desc")) {
                errors.add(new FieldError("/order/" + i + "/dir", "must be asc or desc"));
            }
        }
        if (!errors.isEmpty()) throw QueryRequestReader.invalidQuery(errors);
        boolean fromRollup = ROLLUP_DIMENSIONS.containsAll(dims)
                && (f.regionCode() == null || RegionLevel.ofCode(f.regionCode()) != RegionLevel.COUNTY)
                && f.formats().isEmpty()
                && f.agency() == null
                && f.sector() == null;
        return new QueryPlan(spec, List.copyOf(dims), List.copyOf(outputs), baseIds, fromRollup);
    }

    /** Metric ids of rate terms; a term written "-key" subtracts and gets a negative id. */
    private List<Integer> ids(List<String> terms) {
        return terms.stream()
                .map(t -> t.startsWith("-") ? -(int) metricIds.id(t.substring(1)) : (int) metricIds.id(t))
                .toList();
    }
}
