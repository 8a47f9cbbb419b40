package org.gongkai.exports.schedules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gongkai.queries.QueryBody;

/** The JSON body of {@code POST} and {@code PUT /api/export-schedules} as OpenAPI shows it. */
@Schema(name = "ExportSchedule", description = "a query or a view exported on a cron schedule")
public record ScheduleBody(
        @Schema(required = true, maxLength = 200) String name,
        @Schema(required = true, description = "Quartz cron, seconds first, e.g. \"0 0 6 * * ?\"") String cron,
        @Schema(description = "a query (as POST /api/query); or give view") QueryBody query,
        @Schema(description = "a view and its parameters instead of a query") Object view,
        @Schema(
                        required = true,
                        enumeration = {"csv", "xlsx"})
                String format,
        @Schema(description = "a folder under gongkai.exports.root") String targetFolder,
        @Schema(description = "files kept, default 10") Integer keep) {

    public static final String EXAMPLE =
            "{\"name\": \"吉林 monthly\", \"cron\": \"0 0 6 1 * ?\", \"format\": \"csv\", \"targetFolder\": \"jilin\","
                    + " \"query\": {\"metrics\": [\"requests.new.total\"], \"groupBy\": [\"year\", \"city\"],"
                    + " \"filters\": {\"regionCode\": \"220000\"}}}";
}
