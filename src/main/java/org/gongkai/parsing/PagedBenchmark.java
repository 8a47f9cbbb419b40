package org.gongkai.parsing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures single-threaded parsing throughput of PDF and Word files: each file given is parsed repeatedly on one
 * thread (after a warm-up) and the best round is printed as PDF pages per CPU-second, or documents per CPU-second
 * for Word. Run: {@code java -cp target/classes:$(cat cp.txt) org.gongkai.parsing.PagedBenchmark FILE… [--rounds N]}.
 */
public final class PagedBenchmark {

    private PagedBenchmark() {}

    public static void main(String[] args) throws IOException {
        int rounds = 5;
        for (int i = 0; i + 1 < args.length; i++)
            if (args[i].equals("--rounds")) rounds = Integer.parseInt(args[i + 1]);
        DocumentParser parser = DocumentParser.standard();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds")) {
                i++;
                continue;
            }
            byte[] bytes = Files.readAllBytes(Path.of(args[i]));
            DocumentType type = DocumentType.sniff(bytes);
            PagedText paged = PagedDocuments.read(bytes);
            int pages = paged == null ? 0 : paged.pages().size();
            for (int warm = 0; warm < 3; warm++) parser.parse(bytes, null, Hints.none());
            double best = Double.MAX_VALUE;
            int perRound = 10;
            for (int r = 0; r < rounds; r++) {
                long cpu = threads.getCurrentThreadCpuTime();
                for (int k = 0; k < perRound; k++) parser.parse(bytes, null, Hints.none());
                best = Math.min(best, (threads.getCurrentThreadCpuTime() - cpu) / 1e9 / perRound);
            }
            if (type == DocumentType.PDF) {
                System.out.printf(
                        "%s: %d pages, %.1f ms per document, %.0f PDF pages per CPU-second%n",
                        args[i], pages, best * 1000, pages / best);
            } else {
                System.out.printf(
                        "%s (%s): %.1f ms per document, %.0f documents per CPU-second%n",
                        args[i], type, best * 1000, 1 / best);
            }
        }
    }
}
