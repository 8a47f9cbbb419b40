package org.gongkai.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import me.tongfei.progressbar.ProgressBar;
import org.gongkai.commandline.ServiceOptions;
import org.gongkai.parsing.DocumentType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gongkai ingest DIR|ZIP}: sends every document of a folder or zip archive (text, HTML, PDF, .docx, .doc) to a
 * running service, with a progress bar and a summary by classification: {@code --batch} documents a request
 * ({@code POST /api/documents/batch}, stored together), {@code --concurrency} requests at once. Resumable: a document
 * whose bytes the service already holds is stored nothing of again and counted as skipped.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Ingest a folder or zip of report documents")
public final class IngestCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "a folder (read recursively) or a .zip archive")
    Path source;

    @Mixin
    ServiceOptions service;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    /** One document to send: its name (kept as the source URL), its size and how to read its bytes. */
    private record Entry(String name, long size, BytesSupplier bytes) {}

    @FunctionalInterface
    private interface BytesSupplier {
        byte[] get() throws IOException;
    }

    @Option(
            names = "--batch",
            defaultValue = "500",
            description = "documents per request, stored together (POST /api/documents/batch); 1: one POST"
                    + " /api/documents each (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(
            names = "--concurrency",
            defaultValue = "2",
            description = "requests in flight at once (default: ${DEFAULT-VALUE})")
    int concurrency;

    /** A request's body stays well below the service's batch limit (64 MiB, Base64 included). */
    private static final long BATCH_BYTES = 24L << 20;

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || concurrency < 1) {
            System.err.println("--batch and --concurrency must be at least 1");
            return 2;
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        AtomicInteger transportErrors = new AtomicInteger();
        ZipFile zip = source.toString().endsWith(".zip") ? new ZipFile(source.toFile()) : null;
        long started = System.nanoTime();
        int total;
        try {
            List<Entry> entries = zip != null ? zipEntries(zip) : folderEntries(source);
            total = entries.size();
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            try (ProgressBar bar = new ProgressBar("ingest", entries.size())) {
                Tally tally = (name, outcome, failure) -> {
                    synchronized (outcomes) {
                        outcomes.merge(outcome, 1, Integer::sum);
                        if (failure != null) failures.add(name + ": " + failure);
                        bar.step();
                        bar.setExtraMessage(outcome);
                    }
                };
                List<Future<?>> sent = new ArrayList<>();
                for (List<Entry> chunk : chunks(entries)) {
                    sent.add(pool.submit(() -> {
                        try {
                            if (batch == 1) sendAlone(chunk.get(0), tally);
                            else sendBatch(chunk, tally);
                        } catch (java.net.ConnectException ex) {
                            throw ex;
                        } catch (IOException ex) {
                            String why = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
                            for (Entry e : chunk) {
                                transportErrors.incrementAndGet();
                                tally.count(e.name(), "transport error", why);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : sent) {
                    try {
                        f.get();
                    } catch (ExecutionException ex) {
                        // the service is not there: one line and exit code 3 (GongkaiCommands)
                        if (ex.getCause() instanceof java.net.ConnectException c) throw c;
                        throw ex;
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            if (zip != null) zip.close();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println("summary:");
        outcomes.forEach((k, v) -> System.out.printf("  %-28s %,d%n", k, v));
        System.out.printf(
                "%,d documents in %.1f s: %.0f documents/s%n", total, seconds, total / Math.max(seconds, 1e-9));
        if (!failures.isEmpty()) {
            System.out.println("failures (" + failures.size() + "):");
            failures.stream().sorted().limit(200).forEach(f -> System.out.println("  " + f));
        }
        return transportErrors.get() == 0 ? 0 : 1;
    }

    /** Counts one document's outcome (and its failure, if any). */
    @FunctionalInterface
    private interface Tally {
        void count(String name, String outcome, String failure);
    }

    /** The entries in requests: {@code --batch} documents, or fewer when their bytes add up. */
    private List<List<Entry>> chunks(List<Entry> entries) throws IOException {
        List<List<Entry>> out = new ArrayList<>();
        List<Entry> chunk = new ArrayList<>();
        long bytes = 0;
        for (Entry e : entries) {
            long size = e.size();
            if (!chunk.isEmpty() && (chunk.size() >= batch || bytes + size > BATCH_BYTES)) {
                out.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(e);
            bytes += size;
        }
        if (!chunk.isEmpty()) out.add(chunk);
        return out;
    }

    /** Sends a chunk as one {@code POST /api/documents/batch} and counts each document's outcome. */
    private void sendBatch(List<Entry> chunk, Tally tally) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (Entry e : chunk) {
            byte[] bytes = e.bytes().get();
            ObjectNode line = json.createObjectNode()
                    .put("name", e.name())
                    .put("sourceUrl", "file:" + e.name())
                    .put("contentType", contentType(e.name(), bytes))
                    .put("content", Base64.getEncoder().encodeToString(bytes));
            body.append(json.writeValueAsString(line)).append('\n');
        }
        HttpResponse<String> r = http.send(
                service.request("/api/documents/batch")
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(r.body().isEmpty() ? "{}" : r.body());
        if (r.statusCode() != 200) {
            String why = r.statusCode() + " " + answer.path("detail").asText(r.body());
            for (Entry e : chunk) tally.count(e.name(), "refused (" + r.statusCode() + ")", why);
            return;
        }
        JsonNode documents = answer.path("documents");
        for (int i = 0; i < chunk.size(); i++) {
            JsonNode d = documents.path(i);
            int status = d.path("status").asInt();
            String name = chunk.get(i).name();
            switch (status) {
                case 200 -> tally.count(name, "skipped (already in)", null);
                case 201 -> tally.count(name, d.path("classification").asText("stored"), null);
                case 202 -> tally.count(name, unresolved(d), null);
                default -> {
                    JsonNode problem = d.path("problem");
                    String classification = problem.path("classification").asText("");
                    tally.count(
                            name,
                            classification.isEmpty() ? "refused (" + status + ")" : classification,
                            status + " " + problem.path("detail").asText(""));
                }
            }
        }
    }

    /** One document alone: asked for by its hash first (resumable), sent only when the service lacks it. */
    private void sendAlone(Entry e, Tally tally) throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>(1);
        String outcome = send(e, failures);
        tally.count(
                e.name(),
                outcome,
                failures.isEmpty() ? null : failures.get(0).substring(e.name().length() + 2));
    }

    private String unresolved(JsonNode answer) {
        // kept without identity; listed by GET /api/reports?status=unresolved
        return "unresolved (missing " + String.join(", ", json.convertValue(answer.path("missing"), String[].class))
                + ")";
    }

    private String send(Entry e, List<String> failures) throws IOException, InterruptedException {
        byte[] body = e.bytes().get();
        String sha = HexFormat.of().formatHex(DocumentService.sha256(body));
        HttpResponse<String> known = http.send(
                service.request("/api/documents?sha256=" + sha).build(), HttpResponse.BodyHandlers.ofString());
        if (known.statusCode() == 200) return "skipped (already in)";
        String type = contentType(e.name(), body);
        HttpResponse<String> r = http.send(
                service.request("/api/documents?sourceUrl="
                                + URLEncoder.encode("file:" + e.name(), StandardCharsets.UTF_8))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(r.body().isEmpty() ? "{}" : r.body());
        if (r.statusCode() == 201 || r.statusCode() == 200)
            return answer.path("classification").asText("stored");
        if (r.statusCode() == 202) return unresolved(answer);
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
                    .map(p -> new Entry(folder.relativize(p).toString(), size(p), () -> Files.readAllBytes(p)))
                    .toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0; // read (and failed) when sent
        }
    }

    private static List<Entry> zipEntries(ZipFile zip) {
        return zip.stream()
                .filter(z -> !z.isDirectory())
                .sorted(java.util.Comparator.comparing(ZipEntry::getName))
                .map(z -> new Entry(z.getName(), Math.max(0, z.getSize()), () -> {
                    try (var in = zip.getInputStream(z)) {
                        return in.readAllBytes();
                    }
                }))
                .toList();
    }
}
