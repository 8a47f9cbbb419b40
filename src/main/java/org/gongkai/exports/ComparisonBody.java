package org.gongkai.exports;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gongkai.queries.QueryBody;

/** The JSON body of {@code POST /api/exports/comparison} as OpenAPI shows it; {@link ComparisonView} reads it. */
@Schema(name = "Comparison", description = "年报对比表: agencies or regions as rows, years side by side")
public record ComparisonBody(
        @Schema(required = true, description = "metric keys (GET /api/metrics)") List<String> metrics,
        @Schema(
                        required = true,
                        enumeration = {"agency", "province", "city", "county"})
                String rows,
        @Schema(required = true, description = "[from, to]") List<Integer> years,
        @Schema(description = "as a query's filters, without years") QueryBody.Filters filters) {

    public static final String EXAMPLE =
            "{\"metrics\": [\"requests.new.total\"], \"rows\": \"city\", \"years\": [2022, 2024],"
                    + " \"filters\": {\"regionCode\": \"220000\"}}";
}
