package org.gongkai.storage;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Bulk jobs ({@code bulk_job}) and their per-line outcomes ({@code bulk_job_line}): what a bulk load stored, kept so
 * that a client that lost its answer, or sends the same {@code Idempotency-Key} again, reads it after the fact.
 */
@ApplicationScoped
public class BulkJobStore {

    @Inject
    AgroalDataSource dataSource;

    /** A job as stored; {@code bodySha256} is null while it runs. */
    public record Job(
            long id,
            String idempotencyKey,
            byte[] bodySha256,
            String status,
            Integer httpStatus,
            long lines,
            long stored,
            long unchanged,
            long rejected,
            Double seconds,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt) {

        public boolean running() {
            return "running".equals(status);
        }
    }

    /**
     * One line's outcome as stored: {@code stored}, {@code unchanged} (report and revision: the existing one) or
     * {@code rejected} ({@code errorsJson}: the reasons as JSON).
     */
    public record Line(long line, String status, Long reportId, Integer revision, String errorsJson) {
        public Line {
            // a reason may quote a field name holding a NUL, whose JSON escape jsonb refuses: keep a visible mark
            if (errorsJson != null) errorsJson = errorsJson.replace("\\u0000", "\\ufffd");
        }
    }

    /** A new running job; empty when {@code idempotencyKey} is already another job's. */
    public Optional<Long> start(String idempotencyKey) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        """
                        insert into bulk_job (idempotency_key) values (?)
                        on conflict (idempotency_key) do nothing returning id""")) {
            s.setString(1, idempotencyKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start a bulk job", e);
        }
    }

    /** Ends a job with its counts, the answer it was given (null: none, the stream broke) and its body's hash. */
    public void finish(long id, String status, Integer httpStatus, byte[] bodySha256, long lines, double seconds) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        """
                        update bulk_job j set status = ?, http_status = ?, body_sha256 = ?, lines = ?, seconds = ?,
                               finished_at = now(),
                               stored = (select count(*) from bulk_job_line l where l.job_id = j.id and l.status = 'stored'),
                               unchanged = (select count(*) from bulk_job_line l
                                            where l.job_id = j.id and l.status = 'unchanged'),
                               rejected = (select count(*) from bulk_job_line l
                                           where l.job_id = j.id and l.status = 'rejected')
                        where id = ?""")) {
            s.setString(1, status);
            s.setObject(2, httpStatus, java.sql.Types.SMALLINT);
            s.setBytes(3, bodySha256);
            s.setLong(4, lines);
            s.setDouble(5, seconds);
            s.setLong(6, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot finish bulk job " + id, e);
        }
    }

    public Optional<Job> find(long id) {
        return one("id = ?", s -> setLong(s, id));
    }

    public Optional<Job> byKey(String idempotencyKey) {
        return one("idempotency_key = ?", s -> setString(s, idempotencyKey));
    }

    /** Rejected lines, in their own transaction (their batch's good lines are recorded with their reports). */
    public void recordRejected(long jobId, List<Line> lines) {
        if (lines.isEmpty()) return;
        try (Connection c = dataSource.getConnection()) {
            CopyBuffer rows = new CopyBuffer();
            for (Line l : lines) {
                rows.value(jobId)
                        .value(l.line())
                        .value(l.status())
                        .value(l.reportId())
                        .value(l.revision())
                        .value(l.errorsJson())
                        .endRow();
            }
            rows.copyInto(c, "bulk_job_line (job_id, line, status, report_id, revision, errors)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the rejected lines of bulk job " + jobId, e);
        }
    }

    /** Copies the outcomes of a written batch, on the batch's connection and so in its transaction. */
    static void copyLines(Connection c, long jobId, List<BulkWriter.Written> written) throws SQLException {
        CopyBuffer rows = new CopyBuffer();
        for (BulkWriter.Written w : written) {
            rows.value(jobId)
                    .value(w.line())
                    .value(w.created() ? "stored" : "unchanged")
                    .value(w.id())
                    .value(w.revision())
                    .value(null)
                    .endRow();
        }
        rows.copyInto(c, "bulk_job_line (job_id, line, status, report_id, revision, errors)");
    }

    /** Hands every recorded line of the job to {@code sink} in line order, through a cursor. */
    public void lines(long jobId, Consumer<Line> sink) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // a cursor needs a transaction; otherwise the driver reads every row at once
            try (PreparedStatement s = c.prepareStatement(
                    """
                    select line, status, report_id, revision, errors::text
                    from bulk_job_line where job_id = ? order by line""")) {
                s.setFetchSize(5000);
                s.setLong(1, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long report = rs.getLong(3);
                        Long reportId = rs.wasNull() ? null : report;
                        int revision = rs.getInt(4);
                        Integer rev = rs.wasNull() ? null : revision;
                        sink.accept(new Line(rs.getLong(1), rs.getString(2), reportId, rev, rs.getString(5)));
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read bulk job " + jobId, e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private static void setLong(PreparedStatement s, long v) throws SQLException {
        s.setLong(1, v);
    }

    private static void setString(PreparedStatement s, String v) throws SQLException {
        s.setString(1, v);
    }

    private Optional<Job> one(String where, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        """
                        select id, idempotency_key, body_sha256, status, http_status, lines, stored, unchanged,
                               rejected, seconds, started_at, finished_at
                        from bulk_job
                        """
                                + "where " + where)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                int http = rs.getInt(5);
                Integer httpStatus = rs.wasNull() ? null : http;
                double sec = rs.getDouble(10);
                Double seconds = rs.wasNull() ? null : sec;
                return Optional.of(new Job(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBytes(3),
                        rs.getString(4),
                        httpStatus,
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        seconds,
                        rs.getObject(11, OffsetDateTime.class),
                        rs.getObject(12, OffsetDateTime.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a bulk job", e);
        }
    }
}
