package org.gongkai.exports.schedules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One attempt at running a schedule (export_run). A failed attempt keeps its reason; a pruned file keeps its record
 * with {@code fileDeletedAt} set.
 *
 * @param trigger cron, catch_up (run once at start-up for a due time missed while down) or manual
 * @param fireTime the due time the run is for (null for a manual run): one run per schedule and due time across
 *     every instance
 * @param owner the instance that runs or ran it
 * @param takeovers how often another instance took the run over from one that died mid-run
 * @param storedPath the file as {@code export_run.file_path} holds it: relative to {@code gongkai.exports.root}
 *     ({@link ExportFolders#locate} finds it), absolute in runs recorded before; never shown, since a server's
 *     folders are none of an API client's business
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
        @JsonIgnore @Schema(hidden = true) String storedPath,
        Long sizeBytes,
        String sha256,
        String error,
        Instant fileDeletedAt,
        Instant fireTime,
        String owner,
        int takeovers) {

    /** The file under the export root ({@code daily/schedule-1-….csv}); only its name for a run recorded before. */
    @JsonProperty
    @Schema(description = "the file, relative to the export root (its folder is the schedule's targetFolder)")
    public String filePath() {
        if (storedPath == null) return null;
        Path p = Path.of(storedPath);
        return (p.isAbsolute() ? p.getFileName() : p).toString().replace('\\', '/');
    }

    /** Where the file can be downloaded while it is kept. */
    @JsonProperty
    @Schema(description = "the download link of the file while it is kept")
    public String file() {
        return "succeeded".equals(status) && fileDeletedAt == null ? "/api/export-runs/" + id + "/file" : null;
    }
}
