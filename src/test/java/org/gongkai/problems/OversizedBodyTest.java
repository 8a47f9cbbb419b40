package org.gongkai.problems;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body refused as too large is never read, so the service must close the connection after its 413: otherwise
 * Vert.x buffers the rest of the upload in the heap (a 5.6 GB bulk file once took a 512 MiB service down this way).
 */
@QuarkusTest
@Tag("database")
class OversizedBodyTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/documents", "/api/reports"})
    void aDeclaredOversizedBodyIsAnswered413AndTheConnectionClosed(String path) throws Exception {
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            // keep-alive by default (HTTP/1.1, no Connection header): only the server can end this connection
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + RawHttp.auth()
                            + "Content-Type: application/json\r\nContent-Length: 2000000000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            out.write(chunk);
            out.flush();
            String answer = readToEnd(s.getInputStream()); // a SocketTimeoutException if the server keeps it open
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer.toLowerCase()).contains("connection: close").contains("application/problem+json");
        }
    }

    /**
     * A client that sends its whole body before it reads (as simple clients do) still gets the 413: the service reads
     * and discards the refused rest instead of closing at once, which would reset the connection and lose the answer.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/api/documents", "/api/reports"})
    void aClientThatSendsAllBeforeReadingStillGetsThe413(String path) throws Exception {
        int size = 64 * 1024 * 1024; // above both endpoints' limits, and far above any socket buffer
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + RawHttp.auth()
                            + "Content-Type: application/json\r\nContent-Length: " + size + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            for (int sent = 0; sent < size; sent += chunk.length) out.write(chunk); // a reset here fails the test
            out.flush();
            String answer = readToEnd(s.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("payload-too-large");
        }
    }

    private static String readToEnd(InputStream in) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        for (int n; (n = in.read(b)) >= 0; ) all.write(b, 0, n);
        return all.toString(StandardCharsets.UTF_8);
    }
}
