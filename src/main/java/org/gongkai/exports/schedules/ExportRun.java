package org.gongkai.exports.schedules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One attempt at running a schedule (export_run). A failed attempt keeps its reason; a pruned file keeps its record
 * with {@code fileDeletedAt} set.
 *
 * @param trigger cron, catch_up (run once at start-up for a due time missed while down) or manual
 * @param fireTime the due time the run is for (null for a manual run): one run per schedule and due time across
 *     every instance
 * @param owner the instance that runs or ran it
 * @param takeovers how often another instance took the run over from one that died mid-run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportRun(
        long id,
        long scheduleId,
        String trigger,
        int attempt,
        String status,
        Instant startedAt,
        Instant finishedAt,
        Long rows,
        String filePath,
        Long sizeBytes,
        String sha256,
        String error,
        Instant fileDeletedAt,
        Instant fireTime,
        String owner,
        int takeovers) {

    /** Where the file can be downloaded while it is kept. */
    @JsonProperty
    public String file() {
        return "succeeded".equals(status) && fileDeletedAt == null ? "/api/export-runs/" + id + "/file" : null;
    }
}
