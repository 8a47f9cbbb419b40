package org.gongkai.problems;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte by byte on a socket, for what HTTP clients refuse to send (broken percent-encoding, URIs that
 * are no URIs, over-long lines), and their answers read back as status, headers and body.
 */
public final class RawHttp {

    private RawHttp() {}

    /** An answer: status, headers by lower-case name, body as UTF-8. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    public static Answer get(String target) {
        return send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + auth() + "Connection: close\r\n\r\n");
    }

    /** A request with a body, sent with exactly the given Content-Type (clients rewrite some types). */
    public static Answer send(String method, String target, String contentType, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return send(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + auth() + "Connection: close\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: " + b.length + "\r\n\r\n"
                + new String(b, StandardCharsets.ISO_8859_1));
    }

    public static Answer send(String request) {
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return parse(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The admin token the test profile will have (harmless while no endpoint asks for one). */
    static String auth() {
        return "Authorization: Bearer test-admin-token\r\n";
    }

    private static Answer parse(String raw) {
        int head = raw.indexOf("\r\n\r\n");
        String[] lines = (head < 0 ? raw : raw.substring(0, head)).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new Answer(status, headers, head < 0 ? "" : raw.substring(head + 4));
    }
}
