package org.gongkai.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.Source;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.parsing.DocumentParser;
import org.gongkai.parsing.Hints;
import org.gongkai.parsing.ParsedDocument;
import org.gongkai.tools.rendering.Layout;
import org.gongkai.tools.rendering.ReportRenderer;

/**
 * Measures single-threaded parsing throughput: renders N standard-format reports (HTML tables, cell per line, tab
 * separated; 2019 and 2021 formats), warms up, then parses them all on one thread and prints documents per second;
 * then does the same for the real documents of the corpus (the text files of {@code src/test/resources/corpus}, or of
 * the directory given as third argument), whose flattened tables take the slower paths of the parser.
 * Run: {@code java -cp target/classes:$(cat cp.txt) org.gongkai.tools.bench.ParserBenchmark [documents] [rounds] [corpus]}.
 */
public final class ParserBenchmark {

    private static final List<String> AGENCIES =
            List.of("牡丹江市教育局", "溪湖区教育局", "安徽省教育厅", "定西市财政局", "杭州市卫生健康委员会", "本溪市交通运输局");

    private ParserBenchmark() {}

    /** Best throughput of the rounds: documents per CPU-second of the parsing thread, and per wall-clock second. */
    public record Throughput(double perCoreSecond, double perWallSecond, int documents, double averageKib) {}

    public static void main(String[] args) {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        measure(documents, rounds);
        Path corpus = Path.of(args.length > 2 ? args[2] : "src/test/resources/corpus");
        if (Files.isDirectory(corpus)) measureCorpus(corpus, rounds);
        else System.out.printf("no corpus at %s: corpus throughput not measured%n", corpus.toAbsolutePath());
    }

    /** Parses the corpus's text documents repeatedly on one thread and prints documents per CPU-second. */
    public static double measureCorpus(Path directory, int rounds) {
        List<byte[]> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                bodies.add(Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> types = new ArrayList<>();
        bodies.forEach(b -> types.add("text/plain"));
        // Each round parses the corpus enough times to take a measurable while.
        int repeat = Math.max(1, 3000 / Math.max(1, bodies.size()));
        List<byte[]> repeated = new ArrayList<>();
        List<String> repeatedTypes = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            repeated.addAll(bodies);
            repeatedTypes.addAll(types);
        }
        DocumentParser parser = DocumentParser.standard();
        for (int warm = 0; warm < 2; warm++) parseAll(parser, repeated, repeatedTypes);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = 0;
        for (int round = 1; round <= rounds; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            parseAll(parser, repeated, repeatedTypes);
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            best = Math.max(best, repeated.size() / cpuSeconds);
        }
        System.out.printf(
                "corpus: %d text documents of %s, parsed %d times a round: best %.0f documents/s per core%n",
                bodies.size(), directory, repeat, best);
        return best;
    }

    public static Throughput measure(int documents, int rounds) {
        MetricCatalogue catalogue = MetricCatalogue.standard();
        ReportRenderer renderer = new ReportRenderer(catalogue);
        Random random = new Random(2026);
        Layout[] layouts = {Layout.HTML_TABLE, Layout.CELL_PER_LINE, Layout.TAB_SEPARATED};
        List<byte[]> bodies = new ArrayList<>(documents);
        List<String> types = new ArrayList<>(documents);
        long bytes = 0;
        for (int i = 0; i < documents; i++) {
            ReportFormat format = i % 2 == 0 ? ReportFormat.F2019 : ReportFormat.F2021;
            Layout layout = layouts[(i / 2) % layouts.length];
            byte[] body =
                    renderer.render(report(catalogue, format, random), layout).getBytes(StandardCharsets.UTF_8);
            bodies.add(body);
            types.add(layout == Layout.HTML_TABLE ? "text/html" : null);
            bytes += body.length;
        }
        DocumentParser parser = DocumentParser.standard();
        System.out.printf(
                "rendered %d documents, %.1f KB on average; cores available: %d%n",
                documents, bytes / 1024.0 / documents, Runtime.getRuntime().availableProcessors());
        long figures = 0;
        for (int warm = 0; warm < 4; warm++) figures += parseAll(parser, bodies, types);
        // Wall time suffers when other processes share the cores; this thread's CPU time measures one core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double bestWall = 0;
        double bestCpu = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            figures += parseAll(parser, bodies, types);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            bestWall = Math.max(bestWall, documents / seconds);
            bestCpu = Math.max(bestCpu, documents / cpuSeconds);
            System.out.printf(
                    "round %d: %d documents in %.3f s wall, %.3f s CPU = %.0f documents/s wall, %.0f per CPU-second%n",
                    round, documents, seconds, cpuSeconds, documents / seconds, documents / cpuSeconds);
        }
        System.out.printf(
                "best: %.0f documents/s per core (CPU time of the parsing thread); %.0f documents/s wall clock;"
                        + " single-threaded, %d figures read%n",
                bestCpu, bestWall, figures);
        return new Throughput(bestCpu, bestWall, documents, bytes / 1024.0 / documents);
    }

    private static long parseAll(DocumentParser parser, List<byte[]> bodies, List<String> types) {
        long figures = 0;
        for (int i = 0; i < bodies.size(); i++) {
            ParsedDocument doc = parser.parse(bodies.get(i), types.get(i), Hints.none());
            figures += doc.report() == null ? 0 : doc.report().figures().size();
        }
        return figures;
    }

    private static CanonicalReport report(MetricCatalogue catalogue, ReportFormat format, Random random) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Metric m : catalogue.printedCells(format)) {
            if (random.nextInt(20) == 0) continue;
            BigDecimal v =
                    switch (m.column()) {
                        case "items_change" -> BigDecimal.valueOf(random.nextInt(21) - 10);
                        case "amount_10k_yuan" -> BigDecimal.valueOf(random.nextInt(10_000_000), 4);
                        default -> BigDecimal.valueOf(random.nextInt(random.nextBoolean() ? 10 : 5000));
                    };
            figures.put(m.key(), new Figure(v, Bound.EXACT, Source.submitted(), List.of(), null));
        }
        figures.put(catalogue.proseKeys().itemsPublished(), Figure.exact(1 + random.nextInt(9999), Source.submitted()));
        int year = format == ReportFormat.F2019 ? 2019 + random.nextInt(2) : 2021 + random.nextInt(5);
        return new CanonicalReport(
                AGENCIES.get(random.nextInt(AGENCIES.size())),
                null,
                year,
                format,
                LocalDate.of(year + 1, 1, 31),
                null,
                figures,
                List.of());
    }
}
