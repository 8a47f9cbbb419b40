package org.gongkai.exports.schedules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A stored export schedule: what to export (a query or a named view), when (Quartz cron with seconds), in which
 * format, into which folder, and how many files to keep.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportSchedule(
        long id,
        String name,
        String cron,
        JsonNode query,
        ViewRef view,
        String format,
        String targetFolder,
        int keep,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    /** A named view and its parameters, e.g. {@code {"name": "comparison", "params": {...}}}. */
    public record ViewRef(String name, JsonNode params) {}
}
