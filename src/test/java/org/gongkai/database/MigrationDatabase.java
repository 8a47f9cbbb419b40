package org.gongkai.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away database for migration tests: migrate it to a chosen version of {@code sql/}, write rows the way
 * that version stored them, migrate on, and look. A JUnit extension ({@code @RegisterExtension}): a new one for each
 * test, started before it and stopped after it.
 */
final class MigrationDatabase implements BeforeEachCallback, AfterEachCallback {

    private final TestDatabase database = new TestDatabase();
    private Map<String, String> config;

    @Override
    public void beforeEach(ExtensionContext context) {
        config = database.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        database.stop();
    }

    /** Flyway over the packaged migrations, up to {@code target} (null: all of them). */
    Flyway flyway(String target) {
        var configure = Flyway.configure()
                .dataSource(
                        config.get("quarkus.datasource.jdbc.url"),
                        config.get("quarkus.datasource.username"),
                        config.get("quarkus.datasource.password"))
                .locations("classpath:db/migration");
        if (target != null) configure.target(target);
        return configure.load();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(
                config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password"));
    }
}
