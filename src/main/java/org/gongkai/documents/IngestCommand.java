package org.gongkai.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import me.tongfei.progressbar.ProgressBar;
import org.gongkai.parsing.DocumentType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gongkai ingest DIR|ZIP}: sends every document of a folder or zip archive (text, HTML, PDF, .docx, .doc) to a
 * running service, with a progress bar and a summary by classification. Resumable: a document whose bytes the service already holds is
 * skipped without being sent again.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Ingest a folder or zip of report documents")
public final class IngestCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "a folder (read recursively) or a .zip archive")
    Path source;

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

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    /** One document to send: its name (kept as the source URL) and how to read its bytes. */
    private record Entry(String name, BytesSupplier bytes) {}

    @FunctionalInterface
    private interface BytesSupplier {
        byte[] get() throws IOException;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int transportErrors = 0;
        ZipFile zip = source.toString().endsWith(".zip") ? new ZipFile(source.toFile()) : null;
        try {
            List<Entry> entries = zip != null ? zipEntries(zip) : folderEntries(source);
            try (ProgressBar bar = new ProgressBar("ingest", entries.size())) {
                for (Entry e : entries) {
                    String outcome;
                    try {
                        outcome = send(e, failures);
                    } catch (java.net.ConnectException ex) {
                        throw ex; // the service is not there: one line and exit code 3 (GongkaiCommands)
                    } catch (IOException ex) {
                        transportErrors++;
                        outcome = "transport error";
                        failures.add(e.name() + ": "
                                + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                    bar.step();
                    bar.setExtraMessage(outcome);
                }
            }
        } finally {
            if (zip != null) zip.close();
        }
        System.out.println("summary:");
        outcomes.forEach((k, v) -> System.out.printf("  %-28s %,d%n", k, v));
        if (!failures.isEmpty()) {
            System.out.println("failures (" + failures.size() + "):");
            failures.stream().limit(200).forEach(f -> System.out.println("  " + f));
        }
        return transportErrors == 0 ? 0 : 1;
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null || token.isBlank() ? request : request.header("Authorization", "Bearer " + token);
    }

    private String send(Entry e, List<String> failures) throws IOException, InterruptedException {
        byte[] body = e.bytes().get();
        String sha = HexFormat.of().formatHex(DocumentService.sha256(body));
        HttpResponse<String> known = http.send(
                authorized(HttpRequest.newBuilder(URI.create(url + "/api/documents?sha256=" + sha)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (known.statusCode() == 200) return "skipped (already in)";
        String type = contentType(e.name(), body);
        HttpResponse<String> r = http.send(
                authorized(HttpRequest.newBuilder(URI.create(url + "/api/documents?sourceUrl="
                                + URLEncoder.encode("file:" + e.name(), StandardCharsets.UTF_8))))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(r.body().isEmpty() ? "{}" : r.body());
        if (r.statusCode() == 201 || r.statusCode() == 200)
            return answer.path("classification").asText("stored");
        if (r.statusCode() == 202) {
            // kept without identity; listed by GET /api/reports?status=unresolved
            return "unresolved (missing " + String.join(", ", json.convertValue(answer.path("missing"), String[].class))
                    + ")";
        }
        failures.add(
                e.name() + ": " + r.statusCode() + " " + answer.path("detail").asText(r.body()));
        String classification = answer.path("classification").asText("");
        return classification.isEmpty() ? "refused (" + r.statusCode() + ")" : classification;
    }

    /**
     * The Content-Type to send: a PDF or Word file by its bytes (the service sniffs them too), else by its name;
     * text by its extension.
     */
    static String contentType(String name, byte[] body) {
        DocumentType sniffed = DocumentType.sniff(body);
        if (sniffed != DocumentType.TEXT) return sniffed.mediaType();
        DocumentType named = DocumentType.ofFileName(name);
        if (named != null) return named.mediaType();
        return name.matches("(?i).*\\.html?$") ? "text/html" : "text/plain";
    }

    private static List<Entry> folderEntries(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .sorted()
                    .map(p -> new Entry(folder.relativize(p).toString(), () -> Files.readAllBytes(p)))
                    .toList();
        }
    }

    private static List<Entry> zipEntries(ZipFile zip) {
        return zip.stream()
                .filter(z -> !z.isDirectory())
                .sorted(java.util.Comparator.comparing(ZipEntry::getName))
                .map(z -> new Entry(z.getName(), () -> {
                    try (var in = zip.getInputStream(z)) {
                        return in.readAllBytes();
                    }
                }))
                .toList();
    }
}
