package org.gongkai.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The PostgreSQL advisory locks every writer shares, always taken in this order: {@link #BULK} (bulk batches and folds
 * only), agency-year locks, then {@link #ROLLUPS} as the transaction's last step but one, just before the roll-up rows
 * (review items and all other rows are written before it, so that it is held briefly), and the data-version row
 * ({@link DataVersion}) only after it; so no two writers wait on each other in a cycle.
 */
public final class AdvisoryLocks {

    /** Bulk batches one at a time, for the whole batch (they number revisions in memory); single writers never take it. */
    public static final long BULK = 0L;

    /**
     * The roll-up step: a bulk fold ({@link BulkWriter#fold}) takes it exclusively, beside the batches that hold
     * {@link #BULK}, to add what bulk batches left in {@code rollup_pending} to the roll-ups; single writers and
     * document batches take it shared just before their roll-up rows, so a single write waits for a fold at most,
     * never for a bulk batch.
     */
    public static final long ROLLUPS = 1L;

    private AdvisoryLocks() {}

    /**
     * The lock key of one agency-year: revisions of an agency-year are numbered one writer at a time. Never 0 or 1
     * (agency ids start at 1, so the key is at least 65,536 plus the year).
     */
    public static long agencyYear(long agencyId, int year) {
        return (agencyId << 16) | year;
    }

    /** Bulk batches: taken first, one batch at a time (document batches run beside them without it). */
    public static void bulk(Connection c) throws SQLException {
        take(c, "select pg_advisory_xact_lock(?)", BULK);
    }

    /** A fold of leftover roll-up sums: the bulk lock if it is free now, else false (a bulk batch holds it). */
    public static boolean tryBulk(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, BULK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Single writers and document batches: taken after the agency-year locks and before the first roll-up row. */
    public static void rollupsShared(Connection c) throws SQLException {
        take(c, "select pg_advisory_xact_lock_shared(?)", ROLLUPS);
    }

    /** Roll-up folds: taken before the first roll-up row (after {@link #tryBulk} by a fold of leftovers). */
    public static void rollupsExclusive(Connection c) throws SQLException {
        take(c, "select pg_advisory_xact_lock(?)", ROLLUPS);
    }

    private static void take(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(sql)) {
            lock.setLong(1, key);
            lock.execute();
        }
    }
}
