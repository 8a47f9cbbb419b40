package org.gongkai.tools.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The bench's HTTP/1.1 calls to the service under measurement, as a dashboard or a loader would make them. */
final class ServiceCalls {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ServiceProcess service;
    private final boolean uncached;

    ServiceCalls(ServiceProcess service) {
        this(service, false);
    }

    private ServiceCalls(ServiceProcess service, boolean uncached) {
        this.service = service;
        this.uncached = uncached;
    }

    /**
     * The same calls with {@code Cache-Control: no-cache}: answered by the engine, never from the answer cache, so
     * that phases timing the engine time it rather than the cache.
     */
    ServiceCalls uncached() {
        return new ServiceCalls(service, true);
    }

    <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> answer) throws IOException, InterruptedException {
        return http.send(request(path).build(), answer);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder r = service.request(path);
        return uncached ? r.header("Cache-Control", "no-cache") : r;
    }

    <T> HttpResponse<T> post(
            String path, String contentType, HttpRequest.BodyPublisher body, HttpResponse.BodyHandler<T> answer)
            throws IOException, InterruptedException {
        return http.send(
                request(path).header("Content-Type", contentType).POST(body).build(), answer);
    }

    <T> HttpResponse<T> postJson(String path, String json, HttpResponse.BodyHandler<T> answer)
            throws IOException, InterruptedException {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json), answer);
    }
}
