package org.gongkai.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Decides, before Quarkus starts, which PostgreSQL the service uses: the one {@code quarkus.datasource.jdbc.url}
 * names (system property or {@code QUARKUS_DATASOURCE_JDBC_URL}), or else a private embedded one whose data directory
 * is {@code gongkai.embedded.data-dir} ({@code GONGKAI_EMBEDDED_DATA_DIR}, default {@code ./data/postgres}), with the
 * password {@code gongkai.embedded.password} or the one it generated and keeps there.
 */
public final class DatabaseBootstrap {

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);

    private DatabaseBootstrap() {}

    /** Returns the started embedded database, or null when an external one is configured. */
    public static EmbeddedDatabase startEmbeddedUnlessConfigured() {
        if (setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL") != null) {
            System.setProperty("gongkai.database.kind", "external");
            return null;
        }
        Path dataDir =
                Path.of(orDefault(setting("gongkai.embedded.data-dir", "GONGKAI_EMBEDDED_DATA_DIR"), "data/postgres"));
        int port = Integer.parseInt(orDefault(setting("gongkai.embedded.port", "GONGKAI_EMBEDDED_PORT"), "0"));
        LOG.infof("No database configured: starting the embedded PostgreSQL 17 in %s", dataDir.toAbsolutePath());
        Optional<String> password =
                Optional.ofNullable(setting("gongkai.embedded.password", "GONGKAI_EMBEDDED_PASSWORD"));
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, port, true, password, true);
        db.restartWhenDead(Duration.ofSeconds(2));
        System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
        System.setProperty("quarkus.datasource.username", db.username());
        System.setProperty("quarkus.datasource.password", db.password());
        System.setProperty("gongkai.database.kind", "embedded");
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgres-stop"));
        return db;
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        return v != null && !v.isBlank() ? v : blankToNull(System.getenv(env));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    private static String orDefault(String v, String fallback) {
        return v == null ? fallback : v;
    }
}
