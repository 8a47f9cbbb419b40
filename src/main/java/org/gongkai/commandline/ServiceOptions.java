package org.gongkai.commandline;

import java.net.URI;
import java.net.http.HttpRequest;
import picocli.CommandLine.Option;

/**
 * The running service a command talks to and the bearer token it sends ({@code --url}, {@code --token}), shared by
 * {@code gongkai load}, {@code ingest} and {@code token} as a picocli mixin.
 */
public final class ServiceOptions {

    @Option(
            names = "--url",
            defaultValue = "http://localhost:8080",
            description = "the service (default: ${DEFAULT-VALUE})")
    String url;

    @Option(
            names = "--token",
            defaultValue = "${env:GONGKAI_TOKEN}",
            description = "the bearer token to send (default: $GONGKAI_TOKEN)")
    String token;

    /** A request to {@code path} (with its query, if any) on the service, with the token when one is given. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path));
        if (token != null && !token.isBlank()) request.header("Authorization", "Bearer " + token);
        return request;
    }
}
