package org.gongkai.exports.schedules;

/** The region a schedule reads under: its query's {@code filters.regionCode}, or its view's {@code regionCode}. */
final class ScheduleScope {

    private ScheduleScope() {}

    /** Null for a schedule that names no region (it reads the nation). */
    static String regionOf(ExportSchedule s) {
        com.fasterxml.jackson.databind.JsonNode region = s.query() != null
                ? s.query().path("filters").path("regionCode")
                : s.view() == null || s.view().params() == null
                        ? null
                        : s.view().params().path("regionCode");
        return region == null || !region.isTextual() ? null : region.asText();
    }
}
