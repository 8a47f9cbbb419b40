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

    ServiceCalls(ServiceProcess service) {
        this.service = service;
    }

    <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> answer) throws IOException, InterruptedException {
        return http.send(service.request(path).build(), answer);
    }

    <T> HttpResponse<T> post(
            String path, String contentType, HttpRequest.BodyPublisher body, HttpResponse.BodyHandler<T> answer)
            throws IOException, InterruptedException {
        return http.send(
                service.request(path)
                        .header("Content-Type", contentType)
                        .POST(body)
                        .build(),
                answer);
    }

    <T> HttpResponse<T> postJson(String path, String json, HttpResponse.BodyHandler<T> answer)
            throws IOException, InterruptedException {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json), answer);
    }
}
