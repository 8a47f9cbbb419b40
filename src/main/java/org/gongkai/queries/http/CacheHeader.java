package org.gongkai.queries.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.gongkai.queries.CacheVerdict;

/**
 * The answer cache at the HTTP edge: {@code Cache-Control: no-cache} on a request asks for answers computed now
 * (RFC 9111 §5.2.1.4), and {@code Gongkai-Cache: hit|miss} tells whether a query's or view's answer came from the
 * cache, so that dashboards and tests can see it without timing anything.
 */
@Provider
public class CacheHeader implements ContainerRequestFilter, ContainerResponseFilter {

    /** The header's name. */
    public static final String NAME = "Gongkai-Cache";

    @Inject
    CacheVerdict verdict;

    @Override
    public void filter(ContainerRequestContext request) {
        String control = request.getHeaderString("Cache-Control");
        if (control != null && control.toLowerCase(Locale.ROOT).contains("no-cache")) verdict.requireFresh();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String value = verdict.header();
        if (value != null) response.getHeaders().putSingle(NAME, value);
    }
}
