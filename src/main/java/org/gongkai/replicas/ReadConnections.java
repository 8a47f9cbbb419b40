package org.gongkai.replicas;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Connections for the read models (queries, views, exports): the replica's while it is up, within
 * {@code gongkai.replica.max-lag} and, for a request that names a WAL position ({@code Gongkai-Min-Lsn}), replayed to
 * it; the primary's otherwise. Every write stays on the primary's datasource, which the writers inject directly.
 */
@ApplicationScoped
public class ReadConnections {

    @Inject
    AgroalDataSource primary;

    @Inject
    ReplicaPool replica;

    @Inject
    ReplicaMonitor monitor;

    /** The replica connections handed out and not yet collected, so that a reader can tell where it reads. */
    private final Set<Connection> onReplica =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    public Connection getConnection() throws SQLException {
        if (monitor.status().usable()) {
            Optional<Lsn> needed = requested();
            Connection c = null;
            try {
                c = replica.dataSource().getConnection();
                if (needed.isEmpty()
                        || monitor.status().replayed().reached(needed.get())
                        || replayed(c, needed.get())) {
                    onReplica.add(c);
                    return c;
                }
                c.close(); // not there yet: the primary has it
            } catch (SQLException e) {
                monitor.lost(e);
                if (c != null) closeQuietly(c);
            }
        }
        return primary.getConnection();
    }

    /** Whether the connection reads the replica (a standby: no temporary tables, no writes). */
    public boolean onReplica(Connection c) {
        return onReplica.contains(c);
    }

    private static boolean replayed(Connection c, Lsn needed) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_last_wal_replay_lsn() >= cast(? as pg_lsn)")) {
            s.setString(1, needed.toString());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static Optional<Lsn> requested() {
        var context = Arc.container().requestContext();
        if (!context.isActive()) return Optional.empty(); // a scheduled export: no reader waits for a write
        return Arc.container().instance(ReadAfter.class).get().position();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already broken
        }
    }
}
