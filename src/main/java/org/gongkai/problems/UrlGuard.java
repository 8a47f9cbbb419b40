package org.gongkai.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gongkai.config.GongkaiConfig;

/**
 * Refuses, as problem+json, the URLs that Quarkus and Vert.x would otherwise answer with an empty body: an over-long
 * one (414), one that is no URI or whose percent-encoding is broken or not UTF-8 (400), and a query parameter that
 * holds a NUL character, which PostgreSQL cannot store or compare (400, naming the parameter).
 *
 * <p>It runs as the first route of the router, before JAX-RS. For it to see a broken URI at all, Quarkus's own check
 * (an empty 400) is turned off with the system property {@code vertx.disableURIValidation=true}, which
 * {@code GongkaiMain} and the test runs set; for it to see a long one, Netty's line limit
 * ({@code quarkus.http.limits.max-initial-line-length}) is set well above {@code gongkai.limits.url-chars}.
 */
@ApplicationScoped
public class UrlGuard {

    /** The system property that hands broken URIs on to the router instead of answering an empty 400. */
    public static final String HAND_ON_BROKEN_URIS = "vertx.disableURIValidation";

    private final ObjectMapper json = new ObjectMapper();
    private final int maxChars;

    UrlGuard(GongkaiConfig config) {
        this.maxChars = config.limits().urlChars();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String uri = ctx.request().uri();
        String path = ctx.request().path();
        if (uri != null && uri.length() > maxChars) {
            refuse(
                    ctx,
                    new Problem(
                            "/problems/uri-too-long",
                            "URI too long",
                            414,
                            "the URI has " + uri.length() + " characters; at most " + maxChars
                                    + " are read (send a long" + " query as the JSON body of POST /api/query)",
                            null,
                            List.of(),
                            null));
            return;
        }
        String why = uri == null ? "no URI" : brokenBecause(uri);
        if (why != null) {
            refuse(ctx, new Problem("/problems/malformed-uri", "Malformed URI", 400, why, null, List.of(), null));
            return;
        }
        for (var entry : ctx.queryParams()) {
            if (entry.getValue().indexOf('\0') >= 0 || entry.getKey().indexOf('\0') >= 0) {
                String name = entry.getKey().replace("\0", "\\u0000");
                refuse(
                        ctx,
                        new ProblemException(
                                        400,
                                        "invalid-parameter",
                                        "Invalid parameter",
                                        name + ": must not contain the NUL character (U+0000)",
                                        List.of(new FieldError(name, "must not contain the NUL character (U+0000)")))
                                .toProblem(path));
                return;
            }
        }
        ctx.next();
    }

    /** Why the URI cannot be read: not a URI, a '%' not followed by two hex digits, or escapes that are not UTF-8. */
    static String brokenBecause(String uri) {
        try {
            new java.net.URI(uri);
        } catch (java.net.URISyntaxException e) {
            return "the URI is not valid at index " + e.getIndex() + " (reserved characters must be percent-encoded)";
        }
        ByteBuffer bytes = ByteBuffer.allocate(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c != '%') {
                bytes.put((byte) (c < 0x80 ? c : '?'));
                continue;
            }
            if (i + 2 >= uri.length() || hex(uri.charAt(i + 1)) < 0 || hex(uri.charAt(i + 2)) < 0) {
                return "a '%' at index " + i + " is not followed by two hexadecimal digits";
            }
            bytes.put((byte) (hex(uri.charAt(i + 1)) * 16 + hex(uri.charAt(i + 2))));
            i += 2;
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
        } catch (CharacterCodingException e) {
            return "the percent-encoded bytes are not UTF-8";
        }
        return null;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private void refuse(RoutingContext ctx, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
