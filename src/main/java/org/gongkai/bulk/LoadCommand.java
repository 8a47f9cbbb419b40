package org.gongkai.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gongkai.commandline.ServiceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gongkai load FILE}: streams an NDJSON file of reports to a running service's bulk endpoint (which writes
 * through COPY), shows progress, and prints the summary and every rejected line.
 */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = "Load an NDJSON file of reports into a running Gongkai")
public final class LoadCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "NDJSON file, one report a line (the POST /api/reports format)")
    Path file;

    @Mixin
    ServiceOptions service;

    @Option(names = "--quiet", description = "no progress line")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder builder = service.request("/api/reports/bulk")
                .header("Content-Type", BulkResource.NDJSON)
                .POST(HttpRequest.BodyPublishers.ofFile(file));
        HttpRequest request = builder.build();
        long size = Files.size(file);
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            System.err.println("the service answered " + response.statusCode() + ": "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            return 2;
        }
        long stored = 0;
        long rejected = 0;
        JsonNode summary = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode node = json.readTree(line);
                if (node.has("summary")) {
                    summary = node.get("summary");
                } else if (!"rejected".equals(node.path("status").asText())) {
                    stored++; // stored, or unchanged: the latest revision already holds it
                } else {
                    rejected++;
                    System.err.println("line " + node.path("line").asLong() + ": " + node.path("errors"));
                }
                if (!quiet && (stored + rejected) % 10_000 == 0) {
                    System.err.printf(
                            "\r%,d stored, %,d rejected (%s)",
                            stored, rejected, Files.exists(file) ? size / 1_048_576 + " MiB file" : "");
                }
            }
        }
        if (!quiet) System.err.println();
        System.out.println(summary == null ? "no summary: the stream was cut" : "summary: " + summary);
        return summary == null ? 3 : (rejected > 0 ? 1 : 0);
    }
}
