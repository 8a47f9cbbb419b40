package org.gongkai.tools.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionLevel;

/**
 * The dashboard questions the bench times, each a supplier of fresh instances (another province, year or metric per
 * call, drawn from one seeded stream) so that no answer is served from a cache the previous call warmed.
 */
final class QueryShapes {

    private static final MetricCatalogue CATALOGUE = MetricCatalogue.standard();

    private QueryShapes() {}

    /** The shapes in the order they are timed; {@code db} gives the metric ids their plain GROUP BYs need. */
    static List<Supplier<QueryShape>> all(long seed, Connection db) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        List<Region> provinces = RegionDirectory.standard().all().stream()
                .filter(r -> r.level() == RegionLevel.PROVINCE)
                .toList();
        Map<String, Short> ids = metricIds(db);
        List<String> metrics = CATALOGUE.benchmarkMetrics("oneMetric");
        String itemsPublished = CATALOGUE.benchmarkMetrics("itemsPublished").get(0);
        String ranked = CATALOGUE.benchmarkMetrics("ranking").get(0);
        String outcomesByCity = jsonList(CATALOGUE.benchmarkMetrics("outcomesByCity"));
        List<String> cityYear = CATALOGUE.benchmarkMetrics("cityYear");
        String sectorYear = jsonList(CATALOGUE.benchmarkMetrics("sectorYear"));
        return List.of(
                () -> {
                    String p = pick(random, provinces).code();
                    return QueryShape.view(
                            "items published per year, one province (view)",
                            true,
                            "/api/views/items-published?regionCode=" + p,
                            "{\"metrics\": [\"" + itemsPublished + "\"], \"groupBy\": [\"year\"],"
                                    + " \"filters\": {\"regionCode\": \"" + p + "\"}}",
                            "select r.year, sum(f.value) from report r join figure f on f.report_id = r.id and f.year = r.year"
                                    + " where r.is_latest and r.province_code = ? and f.metric_id = ? group by 1",
                            List.of(p, ids.get(itemsPublished)));
                },
                () -> {
                    String p = pick(random, provinces).code();
                    int y = 2019 + random.nextInt(8);
                    return QueryShape.view(
                            "request outcomes by city, one province-year (view)",
                            true,
                            "/api/views/request-outcomes?regionCode=" + p + "&year=" + y,
                            "{\"metrics\": " + outcomesByCity + ", \"groupBy\": [\"city\"],"
                                    + " \"filters\": {\"regionCode\": \"" + p + "\", \"years\": [" + y + ", " + y
                                    + "]}}",
                            "select r.city_code, f.metric_id, sum(f.value) from report r join figure f on f.report_id = r.id"
                                    + " and f.year = r.year where r.is_latest and r.province_code = ?"
                                    + " and r.year = ? and f.year = ?"
                                    + " and f.metric_id = any(?) group by 1, 2",
                            List.of(p, (short) y, (short) y, outcomeIds(ids)));
                },
                () -> {
                    String m = pick(random, metrics);
                    return QueryShape.query(
                            "province x year, national, one metric",
                            true,
                            "{\"metrics\": [\"" + m + "\"], \"groupBy\": [\"province\", \"year\"]}",
                            "select r.province_code, r.year, sum(f.value) from report r join figure f on f.report_id = r.id"
                                    + " and f.year = r.year"
                                    + " where r.is_latest and f.metric_id = ? group by 1, 2",
                            List.of(ids.get(m)));
                },
                () -> {
                    String p = pick(random, provinces).code();
                    return QueryShape.query(
                            "city x year in a province, 2 metrics + grant rate",
                            true,
                            "{\"metrics\": " + jsonList(cityYear) + ","
                                    + " \"groupBy\": [\"city\", \"year\"], \"filters\": {\"regionCode\": \"" + p
                                    + "\"}}",
                            "select r.city_code, r.year, f.metric_id, sum(f.value) from report r join figure f"
                                    + " on f.report_id = r.id and f.year = r.year where r.is_latest and r.province_code = ?"
                                    + " and f.metric_id = any(?) group by 1, 2, 3",
                            List.of(p, summedIds(cityYear, ids)));
                },
                () -> {
                    String p = pick(random, provinces).code();
                    int y = 2015 + random.nextInt(12);
                    return QueryShape.view(
                            "ranking: agencies of a province-year (view, raw figures)",
                            false,
                            "/api/views/rankings?metric=" + ranked + "&regionCode=" + p + "&year=" + y,
                            null,
                            null,
                            List.of());
                },
                // the review queue's first page (issue 15): its items, counts per kind and the text of suspect figures
                () -> QueryShape.view(
                        "review queue, first page, national", false, "/api/review?limit=50", null, null, List.of()),
                () -> QueryShape.view(
                        "review queue, first page, one province",
                        false,
                        "/api/review?limit=50&regionCode="
                                + pick(random, provinces).code(),
                        null,
                        null,
                        List.of()),
                () -> QueryShape.query(
                        "ad hoc: province x year, one sector (raw figures)",
                        false,
                        "{\"metrics\": " + sectorYear + ", \"groupBy\": [\"province\", \"year\"],"
                                + " \"filters\": {\"sector\": \""
                                + pick(random, List.of("education", "public_security", "natural_resources")) + "\"}}",
                        null,
                        List.of()));
    }

    private static Map<String, Short> metricIds(Connection db) throws SQLException {
        Map<String, Short> ids = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select key, id from metric")) {
            while (rs.next()) ids.put(rs.getString(1), rs.getShort(2));
        }
        return ids;
    }

    /** The summed metrics of the request-outcomes view, as ids for its plain GROUP BY. */
    private static Short[] outcomeIds(Map<String, Short> ids) {
        return CATALOGUE.viewMetrics("request-outcomes").stream()
                .filter(k -> CATALOGUE.get(k).summable())
                .map(ids::get)
                .toArray(Short[]::new);
    }

    /** The ids of the summed metrics a plain GROUP BY reads for these: rates by their numerator and denominator. */
    private static Short[] summedIds(List<String> metrics, Map<String, Short> ids) {
        return metrics.stream()
                .flatMap(k -> {
                    Metric m = CATALOGUE.get(k);
                    if (m.summable()) return Stream.of(k);
                    return Stream.concat(m.components().stream(), m.denominator().stream())
                            .map(term -> term.startsWith("-") ? term.substring(1) : term);
                })
                .distinct()
                .map(ids::get)
                .toArray(Short[]::new);
    }

    /** A JSON array of metric keys. */
    static String jsonList(List<String> keys) {
        return keys.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    private static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
