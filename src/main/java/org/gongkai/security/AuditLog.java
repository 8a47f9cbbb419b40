package org.gongkai.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.BlockingOperationControl;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/** Writes and reads the audit log (Panache: a small table, one row per write or export). */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    /** For answers given on the event loop (a refused token): the row is written off it, in order. */
    private final ExecutorService offLoop = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gongkai-audit");
        t.setDaemon(true);
        return t;
    });

    /** Records one entry, in its own transaction: an audited write that rolled back is still audited. */
    public void record(AuditEntry entry) {
        // a refused request's path may hold a NUL (%00), which PostgreSQL text cannot: the entry keeps a visible mark
        entry.path = storable(entry.path);
        entry.entityId = storable(entry.entityId);
        entry.tokenName = storable(entry.tokenName);
        Runnable write = () -> {
            try {
                QuarkusTransaction.requiringNew().run(entry::persist);
            } catch (RuntimeException e) {
                LOG.error("cannot write the audit entry for " + entry.method + " " + entry.path, e);
            }
        };
        if (BlockingOperationControl.isBlockingAllowed()) write.run();
        else offLoop.execute(write);
    }

    /** Newest first; {@code tokenId}, {@code from} and {@code to} (inclusive) narrow the entries when given. */
    @Transactional
    public List<AuditEntry.AuditView> list(
            Long tokenId, OffsetDateTime from, OffsetDateTime to, int limit, int offset) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        if (tokenId != null) {
            where.add("tokenId = :token");
            p = p.and("token", tokenId);
        }
        if (from != null) {
            where.add("at >= :from");
            p = p.and("from", from);
        }
        if (to != null) {
            where.add("at <= :to");
            p = p.and("to", to);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return AuditEntry.<AuditEntry>find(query, Sort.descending("id"), p)
                .range(offset, offset + limit - 1)
                .list()
                .stream()
                .map(AuditEntry::view)
                .toList();
    }

    @PreDestroy
    void stop() {
        offLoop.shutdown();
    }

    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\ufffd');
    }
}
