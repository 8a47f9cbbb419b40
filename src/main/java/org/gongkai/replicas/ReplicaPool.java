package org.gongkai.replicas;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gongkai.config.GongkaiConfig;

/**
 * The connection pool of the streaming replica ({@code gongkai.replica.url}), an Agroal pool of its own beside the
 * primary's Quarkus datasource: built only when a replica is configured, so that a service without one has no second
 * datasource to deactivate, and with the primary's fail-fast settings (short acquisition and login timeouts,
 * validation of idle connections, PostgreSQL's exception sorter dropping broken ones).
 */
@ApplicationScoped
public class ReplicaPool {

    @Inject
    GongkaiConfig config;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> primaryUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> primaryPassword;

    private AgroalDataSource pool;

    public boolean configured() {
        return config.replica().url().filter(u -> !u.isBlank()).isPresent();
    }

    public String url() {
        return config.replica().url().orElse("");
    }

    /** The pool (made at first use); only when {@link #configured()}. */
    public synchronized AgroalDataSource dataSource() throws SQLException {
        if (!configured()) throw new IllegalStateException("no replica is configured (gongkai.replica.url)");
        if (pool == null) {
            var replica = config.replica();
            String user = replica.username().or(() -> primaryUser).orElse("postgres");
            String password = replica.password().or(() -> primaryPassword).orElse("");
            AgroalDataSourceConfigurationSupplier supplier = new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(p -> p.minSize(0)
                            .maxSize(replica.maxConnections())
                            .acquisitionTimeout(Duration.ofSeconds(2))
                            .idleValidationTimeout(Duration.ofSeconds(1))
                            .validationTimeout(Duration.ofSeconds(10))
                            .connectionValidator(
                                    AgroalConnectionPoolConfiguration.ConnectionValidator.defaultValidatorWithTimeout(
                                            2))
                            .exceptionSorter(new PostgreSQLExceptionSorter())
                            .connectionFactoryConfiguration(
                                    f -> f.jdbcUrl(replica.url().orElseThrow())
                                            .principal(new NamePrincipal(user))
                                            .credential(new SimplePassword(password))
                                            .loginTimeout(Duration.ofSeconds(2))));
            pool = AgroalDataSource.from(supplier);
        }
        return pool;
    }

    @PreDestroy
    synchronized void close() {
        if (pool != null) pool.close();
    }
}
