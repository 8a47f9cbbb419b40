package org.gongkai.replicas;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gongkai.config.GongkaiConfig;
import org.jboss.logging.Logger;

/**
 * Reads, every {@code gongkai.replica.check-interval}, how far the replica has replayed the primary's WAL and how far
 * behind it is; a replica that does not answer is marked down (reads go to the primary) and up again once it answers
 * and has caught up within {@code gongkai.replica.max-lag}.
 */
@ApplicationScoped
public class ReplicaMonitor {

    private static final Logger LOG = Logger.getLogger(ReplicaMonitor.class);

    @Inject
    GongkaiConfig config;

    @Inject
    ReplicaPool replica;

    @Inject
    AgroalDataSource primary;

    private volatile ReplicaStatus status = ReplicaStatus.none();
    private final ReplayLag lag = new ReplayLag();
    private ScheduledExecutorService checks;

    void onStart(@Observes StartupEvent event) {
        if (!replica.configured()) return;
        status = ReplicaStatus.down("not checked yet");
        check();
        checks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "replica-check");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, config.replica().checkInterval().toMillis());
        checks.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (checks != null) checks.shutdownNow();
    }

    public ReplicaStatus status() {
        return status;
    }

    /** Marks the replica down at once when a read could not reach it, so that the next reads skip it. */
    void lost(SQLException e) {
        ReplicaStatus was = status;
        status = ReplicaStatus.down(e.getMessage());
        if (was.usable())
            LOG.warnf("replica lost (%s): reads go to the primary until it answers again", e.getMessage());
    }

    /** Runs one check now (also what the schedule runs). */
    public synchronized void check() {
        ReplicaStatus was = status;
        ReplicaStatus now;
        try {
            now = measure();
        } catch (SQLException | RuntimeException e) {
            now = ReplicaStatus.down(e.getMessage());
        }
        status = now;
        if (!now.state().equals(was.state())) {
            if (now.usable())
                LOG.infof("replica %s: up, reads go to it (%d bytes behind)", replica.url(), now.lagBytes());
            else
                LOG.warnf(
                        "replica %s: %s%s; reads go to the primary",
                        replica.url(), now.state(), now.error() == null ? "" : " (" + now.error() + ")");
        }
    }

    private ReplicaStatus measure() throws SQLException {
        // the primary first: whatever it had written then, the replica must have replayed to count as caught up
        Optional<Lsn> primaryAt = primaryPosition();
        Instant at = Instant.now();
        primaryAt.ifPresent(p -> lag.primaryAt(at, p));
        boolean standby;
        Optional<Lsn> replayed;
        try (Connection c = replica.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            try (ResultSet rs = s.executeQuery("select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text")) {
                rs.next();
                standby = rs.getBoolean(1);
                replayed = Lsn.parse(rs.getString(2));
            }
        }
        if (!standby || replayed.isEmpty()) {
            return new ReplicaStatus(
                    ReplicaStatus.NOT_STANDBY, null, null, 0, 0, Instant.now(), "pg_is_in_recovery() is false");
        }
        Lsn target = primaryAt.orElse(replayed.get());
        long behind = target.bytesAfter(replayed.get());
        double lagSeconds = lag.behind(Instant.now(), replayed.get());
        boolean lagging = lagSeconds * 1000 > config.replica().maxLag().toMillis();
        return new ReplicaStatus(
                lagging ? ReplicaStatus.LAGGING : ReplicaStatus.UP,
                replayed.get(),
                target,
                behind,
                lagSeconds,
                Instant.now(),
                null);
    }

    /** Where the primary has written to now; empty when it does not answer (the replica is judged alone then). */
    public Optional<Lsn> primaryPosition() {
        try (Connection c = primary.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_current_wal_lsn()::text")) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
