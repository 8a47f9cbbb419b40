package org.gongkai.tools.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service under measurement, started as its own JVM on its own embedded PostgreSQL, with its resident memory
 * sampled while it works (from {@code /proc}) and its heap's peaks read from its own GC log: the heap is fullest just
 * before a collection, which the log gives for each one, and reading a file asks nothing of the service (scraping
 * {@code /q/metrics} every 250 ms cost it 9.5 ms of CPU a scrape, idle, 2026-12-06: a load shared its cores with the
 * measurement).
 */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern HEAP =
            Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)", Pattern.MULTILINE);
    /** A collection in a {@code -Xlog:gc} line, heap before and after: {@code Pause Young (Normal) … 301M->45M(512M)}. */
    private static final Pattern COLLECTION = Pattern.compile("(\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\)");

    private final Process process;
    private final String baseUrl;
    private final Path gcLog;
    /** How much of the GC log the current phase's peak starts after. */
    private long gcLogMark;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong peakRss = new AtomicLong();

    private ServiceProcess(Process process, String baseUrl, Path gcLog) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.gcLog = gcLog;
    }

    static ServiceProcess start(Path jar, Path dataDir, int httpPort, int dbPort, String heap, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder pb = command(jar, heap, log);
        pb.environment().put("GONGKAI_EMBEDDED_DATA_DIR", dataDir.toString());
        pb.environment().put("GONGKAI_EMBEDDED_PORT", Integer.toString(dbPort));
        pb.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        // the child's admin token, made here so that the bench can call it (every endpoint needs one)
        String token = "bench-" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID();
        return started(pb, gcLog(log), httpPort, token);
    }

    /**
     * Another instance of the service on {@code httpPort}, against the embedded PostgreSQL that {@code first} started
     * in {@code dataDir} (its password is kept there), with the same admin token: a second stateless instance.
     */
    static ServiceProcess alongside(
            ServiceProcess first, Path jar, Path dataDir, int httpPort, int dbPort, String heap, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder pb = command(jar, heap, log);
        pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + dbPort + "/postgres");
        pb.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", databasePassword(dataDir));
        // on a busy machine a first connection can take longer than the service's 3 s login / 5 s acquisition bounds
        pb.environment().put("QUARKUS_DATASOURCE_JDBC_LOGIN_TIMEOUT", "30S");
        pb.environment().put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S");
        return started(pb, gcLog(log), httpPort, first.token);
    }

    /** The embedded server's password, as the service keeps it in its data directory. */
    static String databasePassword(Path dataDir) throws IOException {
        Path file = dataDir.resolve("gongkai-postgres.password");
        return Files.exists(file) ? Files.readString(file).strip() : "postgres";
    }

    private static ProcessBuilder command(Path jar, String heap, Path log) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-Xlog:gc:file=" + gcLog(log),
                "-jar",
                jar.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    }

    /** Where the service beside {@code log} writes its GC log. */
    private static Path gcLog(Path log) {
        return log.resolveSibling(log.getFileName() + ".gc");
    }

    private static ServiceProcess started(ProcessBuilder pb, Path gcLog, int httpPort, String token)
            throws IOException, InterruptedException {
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        pb.environment().put("GONGKAI_ADMIN_TOKEN", token);
        ServiceProcess s = new ServiceProcess(pb.start(), "http://localhost:" + httpPort, gcLog);
        s.token = token;
        s.awaitReady(Duration.ofMinutes(3));
        s.sampler.scheduleAtFixedRate(s::sample, 0, 250, TimeUnit.MILLISECONDS);
        return s;
    }

    /** Where the service listens, e.g. {@code http://localhost:18080}. */
    String baseUrl() {
        return baseUrl;
    }

    /** Its admin token. */
    String token() {
        return token;
    }

    private String token;

    /** The address of {@code path} on the service (for calls a browser makes without a token: the dashboard's files). */
    URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** A request to {@code path} of the service, with its admin token. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token);
    }

    long peakRssBytes() {
        sample();
        return peakRss.get();
    }

    /**
     * The fullest the heap was since {@link #resetPeaks}: the largest heap before a collection in the GC log since then,
     * or the heap now when none ran since.
     */
    long peakHeapBytes() {
        long peak = heapNowBytes();
        try (RandomAccessFile f = new RandomAccessFile(gcLog.toFile(), "r")) {
            f.seek(Math.min(gcLogMark, f.length()));
            byte[] rest = new byte[(int) Math.min(Integer.MAX_VALUE - 8, f.length() - f.getFilePointer())];
            f.readFully(rest);
            Matcher m = COLLECTION.matcher(new String(rest, StandardCharsets.UTF_8));
            while (m.find()) peak = Math.max(peak, bytes(Long.parseLong(m.group(1)), m.group(2)));
        } catch (IOException e) {
            // no GC log (yet): the heap now is what is known
        }
        return peak;
    }

    private static long bytes(long size, String unit) {
        return switch (unit) {
            case "K" -> size << 10;
            case "M" -> size << 20;
            default -> size << 30;
        };
    }

    /** The heap in use now, as the service's own metrics say. */
    long heapNowBytes() {
        try {
            String metrics = http.send(request("/q/metrics").build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = HEAP.matcher(metrics);
            long heap = 0;
            while (m.find()) heap += (long) Double.parseDouble(m.group(1));
            return heap;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Forgets the peaks so far, to measure one phase (the kernel's high-water mark VmHWM included). */
    void resetPeaks() {
        try {
            Files.writeString(proc("clear_refs"), "5");
        } catch (IOException e) {
            // without clear_refs (not Linux, not permitted) the high-water mark spans the process's life
        }
        peakRss.set(0);
        try {
            gcLogMark = Files.size(gcLog);
        } catch (IOException e) {
            gcLogMark = 0; // not written yet: every collection is this phase's
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the service exited with " + process.exitValue());
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service was not ready within " + timeout);
    }

    private void sample() {
        try {
            for (String line : Files.readAllLines(proc("status"))) {
                // VmHWM: the peak between samples
                if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:"))
                    peakRss.accumulateAndGet(kib(line), Math::max);
            }
        } catch (IOException | RuntimeException e) {
            // the process may be between states; the next sample will tell
        }
    }

    private Path proc(String file) {
        return Path.of("/proc", Long.toString(process.pid()), file);
    }

    private static long kib(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", "")) * 1024;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        process.destroy(); // SIGTERM: Quarkus stops, then the embedded PostgreSQL
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
