package org.gongkai.tools.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.gongkai.tools.generator.CorpusGenerator;
import org.gongkai.tools.generator.CorpusSummary;
import org.gongkai.tools.generator.CorpusWriter;
import org.gongkai.tools.generator.DocumentSink;
import org.gongkai.tools.generator.GeneratorOptions;

/** The bench's first phase: a generated corpus as the NDJSON the bulk endpoint takes, timed. */
final class CorpusPhase {

    private CorpusPhase() {}

    /** Writes {@code reports} generated reports under {@code out/corpus}; answers the NDJSON file. */
    static Path generate(long reports, long seed, Path out, BenchResults results) throws IOException {
        long t0 = System.nanoTime();
        GeneratorOptions options =
                GeneratorOptions.defaults().withReports(reports).withSeed(seed);
        CorpusSummary corpus = new CorpusWriter(out.resolve("corpus"), false, false, DocumentSink.none(), 2)
                .write(new CorpusGenerator(options));
        double seconds = BenchResults.seconds(t0);
        results.put("generate_seconds", seconds);
        System.out.printf("generated %,d reports in %.1f s (%s)%n", reports, seconds, corpus);
        return out.resolve("corpus").resolve("reports.ndjson");
    }
}
