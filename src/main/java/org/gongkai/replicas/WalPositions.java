package org.gongkai.replicas;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;
import org.gongkai.problems.ProblemException;

/**
 * Read-your-writes across the replica: a successful write (POST, PUT, DELETE; not a query or export, which read)
 * answers the primary's WAL position after it in {@code Gongkai-Lsn}; a request that sends it back in
 * {@code Gongkai-Min-Lsn} reads on the replica only once that has replayed so far ({@link ReadConnections}). Both only
 * when a replica is configured.
 */
@Provider
public class WalPositions implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String WRITTEN = "Gongkai-Lsn";
    public static final String READ_AFTER = "Gongkai-Min-Lsn";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

    @Inject
    ReplicaPool replica;

    @Inject
    ReplicaMonitor monitor;

    @Inject
    ReadAfter readAfter;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(READ_AFTER);
        if (header == null || header.isBlank()) return;
        Lsn position = Lsn.parse(header)
                .orElseThrow(() -> new ProblemException(
                        400,
                        "bad-header",
                        "Bad header",
                        READ_AFTER + " must be a WAL position as " + WRITTEN + " gives it (e.g. 16/B374D848), not "
                                + (header.length() > 40 ? header.substring(0, 40) + "…" : header),
                        List.of()));
        readAfter.set(position);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!replica.configured() || !WRITES.contains(request.getMethod())) return;
        if (response.getStatus() < 200 || response.getStatus() >= 300) return;
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || path.startsWith("/api/query") || path.startsWith("/api/exports")) return;
        // after the write committed: WAL up to here holds it (the commit was flushed before the answer)
        monitor.primaryPosition().ifPresent(p -> response.getHeaders().putSingle(WRITTEN, p.toString()));
    }
}
