package org.gongkai.exports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.queries.Column;
import org.gongkai.queries.RowSink;

/**
 * Writes a synthetic table of 100,000 rows (or the count given) as CSV and as XLSX to temporary files and prints,
 * for each, the seconds taken, the file size, the peak heap growth sampled during the run and the heap retained after
 * it. Targets: ≤ 5 s and ≤ 256 MB each.
 *
 * <p>Run: see README ("Exports"): {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * org.gongkai.exports.ExportBenchmark 100000}
 */
public final class ExportBenchmark {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        MetricCatalogue catalogue = MetricCatalogue.standard();
        // warm-up: class loading and JIT, so that the timed runs measure the writers
        for (ExportFormat f : ExportFormat.values()) run(f, 5_000, catalogue, false);
        for (ExportFormat f : ExportFormat.values()) run(f, rows, catalogue, true);
    }

    private static void run(ExportFormat format, int rows, MetricCatalogue catalogue, boolean print)
            throws IOException {
        Path file = Files.createTempFile("gongkai-bench", "." + format.extension());
        try {
            long baseline = usedAfterGc();
            long[] peak = {baseline};
            long start = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                TableWriter writer = format.open(out, catalogue);
                RowSink sampling = new RowSink() {
                    long n;

                    @Override
                    public void header(java.util.List<Column> columns) {
                        writer.header(columns);
                    }

                    @Override
                    public void row(java.util.List<Object> cells) {
                        writer.row(cells);
                        if (++n % 1000 == 0) peak[0] = Math.max(peak[0], used());
                    }
                };
                var coverage = SyntheticTable.stream(rows, sampling);
                writer.finish(ExportSources.of("benchmark", "{}", coverage));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long retained = usedAfterGc() - baseline;
            if (print) {
                System.out.printf(
                        "%-4s %,d rows: %.2f s, file %,d bytes, peak heap growth %,d MB (sampled, no GC), retained"
                                + " after GC %,d MB%n",
                        format.code(), rows, seconds, Files.size(file), (peak[0] - baseline) >> 20, retained >> 20);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long used() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return used();
    }
}
