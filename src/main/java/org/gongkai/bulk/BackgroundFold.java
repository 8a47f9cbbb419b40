package org.gongkai.bulk;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gongkai.storage.BulkWriter;
import org.jboss.logging.Logger;

/**
 * The roll-up folds of one bulk request, on a thread of their own beside its batches: a fold takes the sums of the
 * batches committed before it ({@link BulkWriter#fold}), so the writer never waits for one. At most one runs at a
 * time; asked again while one runs, the next request folds what came meanwhile. {@link #close} waits for the running
 * one and folds what is left, so the roll-ups are current when the request's summary line is sent.
 */
final class BackgroundFold implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BackgroundFold.class);

    private final BulkWriter writer;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "bulk-fold"));
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    BackgroundFold(BulkWriter writer) {
        this.writer = writer;
    }

    /** Starts a fold unless one is running. */
    synchronized void request() {
        if (running.isDone()) running = CompletableFuture.runAsync(this::foldNow, thread);
    }

    /** Waits for the running fold, then folds what is left on the caller's thread. */
    @Override
    public void close() {
        CompletableFuture<Void> last;
        synchronized (this) {
            last = running;
        }
        last.join();
        thread.shutdown();
        foldNow();
    }

    /**
     * A fold that fails leaves the sums waiting for the next fold (this request's, the poll's, a start's: {@link
     * RollupFolds}), so it never fails a line that was stored.
     */
    private void foldNow() {
        try {
            writer.fold();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("roll-up sums not folded yet; the next fold (a bulk request, the poll, a start) takes them", e);
        }
    }
}
