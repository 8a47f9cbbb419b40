package org.gongkai.exports.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.exports.ExportFormat;

/** A checked schedule request (create or replace): exactly one of {@code query} and {@code view} is set. */
public record ScheduleDefinition(
        String name,
        String cron,
        JsonNode query,
        ExportSchedule.ViewRef view,
        ExportFormat format,
        String targetFolder,
        int keep) {}
