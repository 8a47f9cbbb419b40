package org.gongkai.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gongkai.regions.RegionLevel;

/**
 * Writes the SQL of a {@link QueryPlan}: an aggregate over the roll-ups or over the raw figures ({@code agg}), then
 * one outer select that names groups, derives rates and changes from sums, orders and pages. Values are always bound
 * as parameters; identifiers come only from the plan.
 */
final class QuerySql {

    final String sql;
    final List<Object> params = new ArrayList<>();
    private final QueryPlan plan;

    QuerySql(QueryPlan plan) {
        this.plan = plan;
        String agg = plan.fromRollup() ? rollupAggregate() : figureAggregate();
        this.sql = outer(agg);
    }

    private QuerySql(QueryFilters filters) {
        this.plan = null;
        boolean byName = ReportFilterSql.needsAgencyJoin(filters);
        StringBuilder s = new StringBuilder("select count(*), count(distinct r.agency_id) from report r");
        if (byName) s.append(" join agency a on a.id = r.agency_id");
        s.append(" where r.is_latest");
        ReportFilterSql.append(s, params, filters);
        this.sql = s.toString();
    }

    /** Counts the latest reports matching the filters, and their agencies. */
    static QuerySql coverage(QueryFilters filters) {
        return new QuerySql(filters);
    }

    // ------------------------------------------------------------------ aggregates

    private String figureAggregate() {
        StringBuilder s = new StringBuilder("select ");
        for (Dimension d : plan.dimensions())
            s.append(figureDimension(d)).append(" as d_").append(d.key()).append(", ");
        s.append("count(distinct r.id) as n_reports");
        for (int id : plan.baseIds()) {
            s.append(", sum(f.value) filter (where f.metric_id = ")
                    .append(id)
                    .append(") as v_")
                    .append(id);
            s.append(", count(*) filter (where f.metric_id = ")
                    .append(id)
                    .append(") as n_")
                    .append(id);
            s.append(", count(*) filter (where f.metric_id = ")
                    .append(id)
                    .append(" and f.bound = 1) as l_")
                    .append(id);
            s.append(", count(*) filter (where f.metric_id = ")
                    .append(id)
                    .append(" and f.bound = 2) as a_")
                    .append(id);
        }
        s.append(" from report r join figure f on f.report_id = r.id and f.year = r.year"
                + " and f.metric_id = any(?::smallint[])");
        params.add(plan.baseIds().toArray(Integer[]::new));
        QueryFilters f = plan.spec().filters();
        boolean byName = ReportFilterSql.needsAgencyJoin(f);
        if (byName) s.append(" join agency a on a.id = r.agency_id");
        s.append(" where r.is_latest");
        ReportFilterSql.append(s, params, f);
        // figure is partitioned by year: the same bounds on f.year let the planner skip the other years' partitions
        ReportFilterSql.appendYears(s, params, f, "f.year");
        appendGroupBy(s);
        return s.toString();
    }

    private static String figureDimension(Dimension d) {
        return switch (d) {
            case YEAR -> "r.year";
            case PROVINCE -> "r.province_code";
            case CITY -> "r.city_code";
            case COUNTY -> "(case when r.region_code <> r.province_code and r.region_code is distinct from r.city_code"
                    + " then r.region_code end)";
            case AGENCY -> "r.agency_id";
            case FORMAT -> "r.format";
            case SECTOR -> "r.sector";
        };
    }

    private String rollupAggregate() {
        StringBuilder s = new StringBuilder("select ");
        for (Dimension d : plan.dimensions())
            s.append(rollupDimension(d)).append(" as d_").append(d.key()).append(", ");
        s.append("sum(u.reports) filter (where u.metric_id = 0) as n_reports");
        for (int id : plan.baseIds()) {
            s.append(", sum(u.value) filter (where u.metric_id = ")
                    .append(id)
                    .append(") as v_")
                    .append(id);
            s.append(", sum(u.reports) filter (where u.metric_id = ")
                    .append(id)
                    .append(") as n_")
                    .append(id);
            s.append(", sum(u.at_least) filter (where u.metric_id = ")
                    .append(id)
                    .append(") as l_")
                    .append(id);
            s.append(", sum(u.approx) filter (where u.metric_id = ")
                    .append(id)
                    .append(") as a_")
                    .append(id);
        }
        s.append(" from rollup u where u.metric_id = any(?::smallint[])");
        List<Integer> ids = new ArrayList<>(plan.baseIds());
        ids.add(0);
        params.add(ids.toArray(Integer[]::new));
        QueryFilters f = plan.spec().filters();
        ReportFilterSql.appendYears(s, params, f, "u.year");
        int depth = plan.dimensions().stream()
                .mapToInt(Dimension::regionDepth)
                .max()
                .orElse(0);
        String region = f.regionCode();
        int regionDepth = region == null ? 0 : RegionLevel.ofCode(region).ordinal() + 1;
        if (depth == 0 || (region != null && regionDepth >= depth)) {
            // one scope answers: the filter region (or the nation) itself
            s.append(" and not u.direct and u.scope = ?");
            params.add(region == null ? "000000" : region);
        } else {
            // each group is a scope at the grouped depth; agencies seated above that depth form the null group
            s.append(" and ((not u.direct and u.level = ")
                    .append(depth)
                    .append(") or (u.direct and u.level < ")
                    .append(depth)
                    .append("))");
            if (region != null) {
                s.append(regionDepth == 1 ? " and u.province = ?" : " and u.city = ?");
                params.add(region);
            }
        }
        appendGroupBy(s);
        // like the raw path, a group exists only where some report gives one of the metrics
        s.append(" having coalesce(sum(u.reports) filter (where u.metric_id <> 0), 0) > 0");
        return s.toString();
    }

    private static String rollupDimension(Dimension d) {
        return switch (d) {
            case YEAR -> "u.year";
            case PROVINCE -> "u.province";
            case CITY -> "u.city";
            default -> throw new IllegalStateException(d + " is not in the roll-ups");
        };
    }

    private void appendGroupBy(StringBuilder s) {
        if (plan.dimensions().isEmpty()) return;
        s.append(" group by ");
        for (int i = 1; i <= plan.dimensions().size(); i++)
            s.append(i == 1 ? "" : ", ").append(i);
    }

    // ------------------------------------------------------------------ outer select

    private String outer(String agg) {
        StringBuilder s = new StringBuilder("with agg as (").append(agg).append(") select ");
        List<String> cols = new ArrayList<>();
        StringBuilder joins = new StringBuilder();
        for (Dimension d : plan.dimensions()) {
            switch (d) {
                case PROVINCE, CITY, COUNTY -> {
                    String alias = "g_" + d.key();
                    joins.append(" left join region ")
                            .append(alias)
                            .append(" on ")
                            .append(alias)
                            .append(".code = agg.d_")
                            .append(d.key());
                    cols.add(alias + ".name");
                    cols.add("agg.d_" + d.key());
                }
                case AGENCY -> {
                    joins.append(" left join agency g_agency on g_agency.id = agg.d_agency");
                    cols.add("g_agency.name");
                    cols.add("agg.d_agency::text");
                }
                default -> cols.add("agg.d_" + d.key());
            }
        }
        for (int i = 0; i < plan.outputs().size(); i++) {
            OutputMetric o = plan.outputs().get(i);
            cols.add(valueExpression(o) + " as o_" + i);
            cols.add(termSum(o, "l") + " as ol_" + i);
            cols.add(termSum(o, "a") + " as oa_" + i);
        }
        cols.add("count(*) over () as total_groups");
        s.append(String.join(", ", cols)).append(" from agg").append(joins);
        s.append(" order by ").append(orderBy());
        s.append(" limit ? offset ?");
        params.add(plan.spec().limit());
        params.add(plan.spec().offset());
        return s.toString();
    }

    private String valueExpression(OutputMetric o) {
        return switch (o.kind()) {
            case SUM -> sumOf(o.numerator().get(0));
            case RATE -> "round((" + terms(o.numerator()) + ") / nullif(" + terms(o.denominator()) + ", 0), 6)";
            case YEAR_OVER_YEAR -> {
                String v = sumOf(o.numerator().get(0));
                String window = yearWindow();
                yield "round((" + v + " - lag(" + v + ") over " + window + ") / nullif(lag(" + v + ") over " + window
                        + ", 0), 6)";
            }
        };
    }

    private static String sumOf(int id) {
        return "(case when agg.n_" + id + " > 0 then agg.v_" + id + " end)";
    }

    private static String terms(List<Integer> ids) {
        return ids.stream()
                .map(id -> (id < 0 ? "- " : "+ ") + "coalesce(agg.v_" + Math.abs(id) + ", 0)")
                .collect(Collectors.joining(" "));
    }

    private static String termSum(OutputMetric o, String column) {
        List<Integer> all = new ArrayList<>(o.numerator());
        all.addAll(o.denominator());
        return "("
                + all.stream()
                        .map(id -> "coalesce(agg." + column + "_" + Math.abs(id) + ", 0)")
                        .collect(Collectors.joining(" + "))
                + ")";
    }

    private String yearWindow() {
        List<String> partition = plan.dimensions().stream()
                .filter(d -> d != Dimension.YEAR)
                .map(d -> "agg.d_" + d.key())
                .toList();
        return "(" + (partition.isEmpty() ? "" : "partition by " + String.join(", ", partition) + " ")
                + "order by agg.d_year)";
    }

    private String orderBy() {
        List<String> terms = new ArrayList<>();
        for (QuerySpec.Order o : plan.spec().order()) {
            String dir = o.descending() ? " desc nulls last" : " asc nulls last";
            int metric = plan.spec().metrics().indexOf(o.by());
            terms.add((metric >= 0 ? "o_" + metric : "agg.d_" + o.by()) + dir);
        }
        for (Dimension d : plan.dimensions()) terms.add("agg.d_" + d.key() + " asc nulls last");
        if (terms.isEmpty()) terms.add("1");
        return String.join(", ", terms);
    }
}
