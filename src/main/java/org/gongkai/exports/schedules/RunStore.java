package org.gongkai.exports.schedules;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records export runs (export_run), each statement committed at once so a crash leaves the record behind. */
@ApplicationScoped
public class RunStore {

    private static final String COLUMNS = "id, schedule_id, trigger, attempt, status, started_at, finished_at, rows,"
            + " file_path, size_bytes, sha256, error, file_deleted_at";

    @Inject
    AgroalDataSource dataSource;

    public long start(long scheduleId, String trigger, int attempt) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into export_run (schedule_id, trigger, attempt, status) values (?, ?, ?, 'running')"
                                + " returning id")) {
            s.setLong(1, scheduleId);
            s.setString(2, trigger);
            s.setShort(3, (short) attempt);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a run of schedule " + scheduleId + ": " + e.getMessage(), e);
        }
    }

    public void succeed(long runId, long rows, String path, long size, String sha256) {
        update(
                "update export_run set status = 'succeeded', finished_at = now(), rows = ?, file_path = ?,"
                        + " size_bytes = ?, sha256 = ? where id = ?",
                rows,
                path,
                size,
                sha256,
                runId);
    }

    public void fail(long runId, String error) {
        update("update export_run set status = 'failed', finished_at = now(), error = ? where id = ?", error, runId);
    }

    /**
     * Deletes the schedule's run records beyond the newest {@code keep}, except a running one and one whose file is
     * still kept (its download must keep working until the file itself is pruned).
     */
    public void deleteBeyond(long scheduleId, int keep) {
        update(
                "delete from export_run where id in (select id from export_run where schedule_id = ?"
                        + " order by id desc offset ?) and status <> 'running'"
                        + " and not (status = 'succeeded' and file_deleted_at is null)",
                scheduleId,
                keep);
    }

    public void markFileDeleted(long runId) {
        update("update export_run set file_deleted_at = now() where id = ?", runId);
    }

    public Optional<ExportRun> find(long id) {
        return select("select " + COLUMNS + " from export_run where id = ?", id).stream()
                .findFirst();
    }

    public List<ExportRun> ofSchedule(long scheduleId, int limit) {
        return select(
                "select " + COLUMNS + " from export_run where schedule_id = ? order by id desc limit ?",
                scheduleId,
                limit);
    }

    /** Succeeded runs whose files are still on disk beyond the newest {@code keep}. */
    public List<ExportRun> filesBeyond(long scheduleId, int keep) {
        return select(
                "select " + COLUMNS + " from export_run where schedule_id = ? and status = 'succeeded'"
                        + " and file_deleted_at is null order by id desc offset ?",
                scheduleId,
                keep);
    }

    /** When the schedule last started a run, if ever. */
    public Optional<Instant> lastStart(long scheduleId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select max(started_at) from export_run where schedule_id = ?")) {
            s.setLong(1, scheduleId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return Optional.ofNullable(t).map(Timestamp::toInstant);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private List<ExportRun> select(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            List<ExportRun> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ExportRun(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getString(5),
                            instant(rs.getTimestamp(6)),
                            instant(rs.getTimestamp(7)),
                            (Long) rs.getObject(8),
                            rs.getString(9),
                            (Long) rs.getObject(10),
                            rs.getString(11),
                            rs.getString(12),
                            instant(rs.getTimestamp(13))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
