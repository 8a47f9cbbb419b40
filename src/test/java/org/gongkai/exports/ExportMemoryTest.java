package org.gongkai.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.queries.Column;
import org.gongkai.queries.RowSink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExportMemoryTest {

    /** Counts bytes and keeps none, so that only the writer can hold memory. */
    private static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void keepsHeapFlatWhileExporting100kRows(ExportFormat format) {
        CountingSink out = new CountingSink();
        TableWriter writer = format.open(out, MetricCatalogue.standard());
        Map<Integer, Long> heapAt = new TreeMap<>();
        SyntheticTable.stream(100_000, new RowSink() {
            int n;

            @Override
            public void header(List<Column> columns) {
                writer.header(columns);
            }

            @Override
            public void row(List<Object> cells) {
                writer.row(cells);
                n++;
                if (n == 20_000 || n == 60_000 || n == 100_000) heapAt.put(n, ExportBenchmark.usedAfterGc());
            }
        });
        writer.finish(ExportSources.of("memory", "{}", null));

        assertThat(out.bytes).isGreaterThan(3_000_000);
        long growth = heapAt.get(100_000) - heapAt.get(20_000);
        // 80,000 more rows written: a writer that kept rows (or their strings) would hold tens of MB more
        assertThat(growth).as("heap growth from row 20k to 100k, bytes").isLessThan(4L << 20);
    }
}
