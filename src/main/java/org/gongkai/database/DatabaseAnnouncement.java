package org.gongkai.database;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gongkai.config.GongkaiConfig;
import org.jboss.logging.Logger;

/** Says in the log which PostgreSQL the service is using, so nobody has to guess. */
public class DatabaseAnnouncement {

    private static final Logger LOG = Logger.getLogger(DatabaseAnnouncement.class);

    void onStart(
            @Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            GongkaiConfig config) {
        LOG.infof(
                "Using %s PostgreSQL at %s",
                config.database().kind(), url.replaceAll("password=[^&]*", "password=***"));
    }
}
