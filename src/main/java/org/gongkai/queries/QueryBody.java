package org.gongkai.queries;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON body of {@code POST /api/query} as OpenAPI shows it; {@link QueryRequestReader} reads the same members
 * (it reads a tree, not this record, so that every bad member gets its own JSON Pointer).
 */
@Schema(name = "Query", description = "metrics × group-by × filters over the latest report revisions")
public record QueryBody(
        @Schema(
                        required = true,
                        description = "metric keys (GET /api/metrics), or yoy:key for a year-over-year change",
                        maxItems = 200)
                List<String> metrics,
        @Schema(description = "at most one of province, city, county, agency; besides year, format, sector")
                List<String> groupBy,
        Filters filters,
        List<Order> order,
        @Schema(
                        description =
                                "rows in the answer, default 100; a JSON answer holds at most gongkai.limits.query-rows",
                        minimum = "1")
                Integer limit,
        @Schema(description = "rows skipped", minimum = "0") Integer offset) {

    /** What reports count. */
    @Schema(name = "QueryFilters")
    public record Filters(
            @Schema(description = "a 6-digit region code of the region table", pattern = "^\\d{6}$") String regionCode,
            @Schema(description = "one year or [from, to], 2008 to next year") List<Integer> years,
            @Schema(description = "report formats: 2019, 2021, narrative") List<String> format,
            @Schema(description = "part of an agency's name") String agency,
            @Schema(description = "a sector key") String sector) {}

    /** One ordering term. */
    @Schema(name = "QueryOrder")
    public record Order(
            @Schema(description = "a requested metric or group-by key") String by,
            @Schema(enumeration = {"asc", "desc"}) String dir) {}

    /** The example the OpenAPI document shows. */
    public static final String EXAMPLE =
            """
            {"metrics": ["requests.new.total", "rate.granted"], "groupBy": ["year", "province"],
             "filters": {"regionCode": "220000", "years": [2022, 2024]},
             "order": [{"by": "requests.new.total", "dir": "desc"}], "limit": 100}""";
}
