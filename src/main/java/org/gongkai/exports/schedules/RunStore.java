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
import org.gongkai.config.GongkaiConfig;

/**
 * Records export runs (export_run), each statement committed at once so a crash leaves the record behind. A run
 * belongs to the instance that claimed it ({@code owner}) for as long as its lease is renewed; only the owner may
 * finish it, so a run taken over from an instance thought dead is recorded once, by whoever finishes it.
 */
@ApplicationScoped
public class RunStore {

    private static final String COLUMNS = "id, schedule_id, trigger, attempt, status, started_at, finished_at, rows,"
            + " file_path, size_bytes, sha256, error, file_deleted_at, fire_time, owner, takeovers";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InstanceId instance;

    @Inject
    GongkaiConfig config;

    /** This instance's name in {@code owner}. */
    public String owner() {
        return instance.name();
    }

    private double leaseSeconds() {
        return config.exports().schedules().lease().toMillis() / 1000.0;
    }

    /** Starts a manual run (no due time: nothing to claim against). */
    public long start(long scheduleId, String trigger, int attempt) {
        return insert(scheduleId, null, trigger, attempt, false)
                .orElseThrow(() -> new IllegalStateException("no run of schedule " + scheduleId + " was recorded"));
    }

    /**
     * Claims the attempt of the schedule's run due at {@code fireTime}: the id of the new run record, or empty when
     * another instance (or an earlier firing here) has claimed it already.
     */
    public Optional<Long> claim(long scheduleId, Instant fireTime, String trigger, int attempt) {
        return insert(scheduleId, fireTime, trigger, attempt, true);
    }

    private Optional<Long> insert(long scheduleId, Instant fireTime, String trigger, int attempt, boolean claim) {
        String sql = "insert into export_run (schedule_id, fire_time, trigger, attempt, status, owner, lease_until)"
                + " values (?, ?, ?, ?, 'running', ?, now() + make_interval(secs => ?))"
                + (claim ? " on conflict (schedule_id, fire_time, attempt) where fire_time is not null do nothing" : "")
                + " returning id";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, scheduleId);
            s.setTimestamp(2, fireTime == null ? null : Timestamp.from(fireTime));
            s.setString(3, trigger);
            s.setShort(4, (short) attempt);
            s.setString(5, owner());
            s.setDouble(6, leaseSeconds());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a run of schedule " + scheduleId + ": " + e.getMessage(), e);
        }
    }

    /** Renews the leases of every run this instance is running; returns how many. */
    public int renewLeases() {
        return update(
                "update export_run set lease_until = now() + make_interval(secs => ?)"
                        + " where owner = ? and status = 'running'",
                leaseSeconds(),
                owner());
    }

    /**
     * Takes over every running run whose lease has lapsed (its instance died or lost the database for longer than a
     * lease): this instance becomes its owner, with a fresh lease, and runs it again in the same record.
     */
    public List<ExportRun> takeOverLapsed() {
        return select(
                "update export_run set owner = ?, lease_until = now() + make_interval(secs => ?),"
                        + " takeovers = takeovers + 1, started_at = now() where id in (select id from export_run"
                        + " where status = 'running' and lease_until < now() for update skip locked)"
                        + " returning " + COLUMNS,
                owner(),
                leaseSeconds());
    }

    /** False when the run is no longer this instance's (taken over meanwhile): then it must not count. */
    public boolean succeed(long runId, long rows, String path, long size, String sha256) {
        return update(
                        "update export_run set status = 'succeeded', finished_at = now(), rows = ?, file_path = ?,"
                                + " size_bytes = ?, sha256 = ?, lease_until = null"
                                + " where id = ? and owner = ? and status = 'running'",
                        rows,
                        path,
                        size,
                        sha256,
                        runId,
                        owner())
                == 1;
    }

    public boolean fail(long runId, String error) {
        return update(
                        "update export_run set status = 'failed', finished_at = now(), error = ?, lease_until = null"
                                + " where id = ? and owner = ? and status = 'running'",
                        error,
                        runId,
                        owner())
                == 1;
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

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            return s.executeUpdate();
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
                            instant(rs.getTimestamp(13)),
                            instant(rs.getTimestamp(14)),
                            rs.getString(15),
                            rs.getInt(16)));
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
