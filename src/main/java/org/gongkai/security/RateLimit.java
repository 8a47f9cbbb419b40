package org.gongkai.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.problems.Problem;

/**
 * Counts calls of {@link ExpensiveCalls} endpoints per token and answers 429 problem+json with {@code Retry-After}
 * once a token's bucket is empty. Admin tokens are not counted unless created with a rate of their own; anonymous
 * public readers share one bucket per client address.
 */
@Provider
@ExpensiveCalls
public class RateLimit implements ContainerRequestFilter {

    /** Beyond this many buckets, the full (idle) ones are dropped: they would start full again anyway. */
    private static final int MAX_BUCKETS = 10_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    Scope scope;

    /** Looked up per call: providers are made at static init, before configuration mappings exist. */
    @Inject
    jakarta.enterprise.inject.Instance<GongkaiConfig> config;

    @Inject
    HttpServerRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        Caller c = scope.caller().orElse(null);
        if (c != null && c.admin() && c.ratePerMinute() == null) return;
        int rate = c != null && c.ratePerMinute() != null
                ? c.ratePerMinute()
                : config.get().security().expensiveCallsPerMinute();
        String key = c != null
                ? "token:" + c.tokenId()
                : "public:"
                        + (http.remoteAddress() == null
                                ? ""
                                : http.remoteAddress().hostAddress());
        long now = System.nanoTime();
        if (buckets.size() > MAX_BUCKETS) buckets.values().removeIf(b -> b.full(now));
        long wait = buckets.computeIfAbsent(key + "@" + rate, k -> new TokenBucket(rate, now))
                .take(now);
        if (wait == 0) return;
        String detail =
                "more than " + rate + " queries, views or exports a minute with this token; retry in " + wait + " s";
        Problem p = new Problem(
                "/problems/rate-limited",
                "Too many requests",
                429,
                detail,
                request.getUriInfo().getPath(),
                List.of(),
                Map.of("retryAfterSeconds", wait));
        request.abortWith(Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", Long.toString(wait))
                .entity(p.body())
                .build());
    }
}
