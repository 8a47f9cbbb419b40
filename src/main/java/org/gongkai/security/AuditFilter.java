package org.gongkai.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * Audits at the edge, after the answer is known, so that no service records anything itself: every write (POST, PUT,
 * DELETE) and every export (files from {@code /api/exports}, run files, {@code format=csv|xlsx} answers), with the
 * token, role, path, entity id (from {@code Location} or the path's id) and status. Reads by POST (a query, its
 * explain) are not writes.
 */
@Provider
public class AuditFilter implements ContainerResponseFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final Set<String> FILES = Set.of("csv", "xlsx");

    @Inject
    Scope scope;

    @Inject
    AuditLog log;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) return;
        String method = request.getMethod();
        List<String> format = request.getUriInfo().getQueryParameters().getOrDefault("format", List.of());
        boolean export = path.startsWith("/api/exports")
                || path.endsWith("/file")
                || format.stream().anyMatch(FILES::contains);
        boolean write = WRITES.contains(method) && !path.startsWith("/api/query");
        if (!write && !export) return;
        AuditEntry e = new AuditEntry();
        e.at = OffsetDateTime.now();
        e.method = method;
        e.path = path.length() > 2000 ? path.substring(0, 2000) : path;
        e.status = response.getStatus();
        e.entityId = entityId(request, response);
        if (response.getStatus() != 401) {
            try {
                scope.caller().ifPresent(c -> {
                    e.tokenId = c.tokenId();
                    e.tokenName = c.tokenName();
                    e.role = c.role();
                });
            } catch (RuntimeException unauthenticated) {
                // the identity could not be told (a refused token): recorded without one
            }
        }
        log.record(e);
    }

    private static String entityId(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst("Location");
        if (location != null) {
            String p = location instanceof URI u
                    ? u.getPath()
                    : URI.create(location.toString()).getPath();
            return p.substring(p.lastIndexOf('/') + 1);
        }
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        return id == null || id.length() > 200 ? null : id;
    }
}
