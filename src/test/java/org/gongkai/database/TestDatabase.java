package org.gongkai.database;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The PostgreSQL the Quarkus tests run against: a throw-away embedded PostgreSQL 17, or a throw-away database on the
 * external server named by {@code GONGKAI_TEST_JDBC_URL} (with {@code GONGKAI_TEST_DB_USER} / {@code GONGKAI_TEST_DB_PASSWORD}), as CI
 * does to prove an external server works as well.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    /** The embedded server of the running application, for the test that takes it away and brings it back. */
    private static volatile TestDatabase current;

    /** The primary and replica of a test under {@code replicas.ReplicaProfile}, when the machine can run them. */
    private static volatile StreamingReplica currentReplica;

    private String profile;
    private StreamingReplica replica;

    private volatile EmbeddedDatabase embedded;
    private Path dataDir;
    private String externalUrl;
    private String externalUser;
    private String externalPassword;
    private String database;

    @Override
    public void setContext(Context context) {
        profile = context.testProfile();
    }

    /** The running replica pair, or null (not under the replica profile, or no server binaries to run one). */
    public static StreamingReplica replica() {
        return currentReplica;
    }

    @Override
    public Map<String, String> start() {
        if (profile != null && profile.endsWith(".ReplicaProfile")) {
            var binaries = StreamingReplica.binaries();
            if (binaries.isPresent()) {
                // a real primary and streaming replica instead of the embedded server (which cannot make a replica)
                replica = StreamingReplica.start(binaries.get());
                currentReplica = replica;
                return Map.of(
                        "quarkus.datasource.jdbc.url", replica.primaryUrl(),
                        "quarkus.datasource.username", "postgres",
                        "quarkus.datasource.password", "postgres",
                        "gongkai.replica.url", replica.replicaUrl(),
                        "gongkai.database.kind", "external");
            }
        }
        String citus = System.getenv("GONGKAI_TEST_CITUS_URL");
        if (citus != null && !citus.isBlank()) return citus(citus);
        String external = System.getenv("GONGKAI_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            // a fresh database on the external server for every application start, as the embedded one is
            externalUrl = external;
            externalUser = System.getenv().getOrDefault("GONGKAI_TEST_DB_USER", "postgres");
            externalPassword = System.getenv().getOrDefault("GONGKAI_TEST_DB_PASSWORD", "postgres");
            database = "gongkai_test_" + Long.toHexString(System.nanoTime());
            admin("create database " + database);
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    external.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"),
                    "quarkus.datasource.username",
                    externalUser,
                    "quarkus.datasource.password",
                    externalPassword,
                    "gongkai.database.kind",
                    "external");
        }
        try {
            dataDir = Files.createTempDirectory("gongkai-test-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        embedded = EmbeddedDatabase.start(dataDir, 0, false);
        current = this;
        return Map.of(
                "quarkus.datasource.jdbc.url", embedded.jdbcUrl(),
                "quarkus.datasource.username", embedded.username(),
                "quarkus.datasource.password", embedded.password(),
                "gongkai.database.kind", "embedded");
    }

    /**
     * The Citus test profile (docs/SCALING.md): the coordinator's database emptied, migrated here by Flyway and
     * distributed by {@code citus/distribute.sql} before the application starts (its own Flyway then finds nothing to
     * do). One database: Citus needs a new database created on every worker too, which a test cannot assume.
     */
    private Map<String, String> citus(String url) {
        externalUrl = url;
        externalUser = System.getenv().getOrDefault("GONGKAI_TEST_DB_USER", "postgres");
        externalPassword = System.getenv().getOrDefault("GONGKAI_TEST_DB_PASSWORD", "postgres");
        admin("drop schema if exists public cascade; create schema public");
        org.flywaydb.core.Flyway.configure()
                .dataSource(url, externalUser, externalPassword)
                .locations("filesystem:" + Path.of("sql").toAbsolutePath())
                .load()
                .migrate();
        try (var in = TestDatabase.class.getResourceAsStream("/citus/distribute.sql")) {
            admin(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", externalUser,
                "quarkus.datasource.password", externalPassword,
                "gongkai.database.kind", "external");
    }

    private void admin(String sql) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(externalUrl, externalUser, externalPassword);
                java.sql.Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + externalUrl, e);
        }
    }

    /** Whether {@link #outage} can run: only on the embedded server, never on an external one. */
    static boolean canStopTheServer() {
        return current != null && current.embedded != null;
    }

    /** Stops the application's PostgreSQL (fast shutdown), runs {@code whileDown}, and starts it again on its port. */
    static void outage(Runnable whileDown) {
        TestDatabase db = current;
        int port = db.embedded.port();
        db.embedded.close();
        try {
            whileDown.run();
        } finally {
            db.embedded = EmbeddedDatabase.start(db.dataDir, port, false);
        }
    }

    @Override
    public void stop() {
        if (replica != null) {
            currentReplica = null;
            replica.close();
            replica = null;
            return;
        }
        if (current == this) current = null;
        if (database != null) admin("drop database if exists " + database + " with (force)");
        if (embedded == null) return;
        embedded.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
