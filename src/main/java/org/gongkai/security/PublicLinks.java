package org.gongkai.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.gongkai.config.GongkaiConfig;

/**
 * Absolute links to the service's resources for {@code Location} headers, from {@code gongkai.public-url}: the
 * request's {@code Host} header is the client's to choose and must not decide where other clients are sent.
 */
@ApplicationScoped
public class PublicLinks {

    @Inject
    GongkaiConfig config;

    /** {@code <public-url>/<path>/<id>}, e.g. {@code of("api/reports", "7")}. */
    public URI of(String path, Object id) {
        String base = config.publicUrl().replaceAll("/+$", "");
        return URI.create(base + "/" + path + "/" + URLEncoder.encode(String.valueOf(id), StandardCharsets.UTF_8));
    }
}
