package org.gongkai.bulk;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.gongkai.storage.BulkWriter;
import org.jboss.logging.Logger;

/**
 * Folds the roll-up sums that bulk requests left waiting and will not fold themselves ({@link
 * BulkWriter#foldLeftovers}): once when the service starts, before it answers (what a crash mid-request left), and then
 * every {@code gongkai.bulk.fold-poll} (what a request left when the database went away before its last fold).
 */
@ApplicationScoped
public class RollupFolds {

    private static final Logger LOG = Logger.getLogger(RollupFolds.class);

    @Inject
    BulkWriter writer;

    void onStart(@Observes StartupEvent start) throws SQLException {
        if (writer.foldLeftovers()) LOG.info("folded the roll-up sums a bulk request left waiting");
    }

    @Scheduled(every = "${gongkai.bulk.fold-poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            if (writer.foldLeftovers()) LOG.info("folded the roll-up sums a bulk request left waiting");
        } catch (SQLException | RuntimeException e) {
            LOG.debug("roll-up sums not folded yet; trying again at the next poll", e);
        }
    }
}
