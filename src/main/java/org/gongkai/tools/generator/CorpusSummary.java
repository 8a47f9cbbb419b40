package org.gongkai.tools.generator;

import java.nio.file.Path;

/** What a corpus run wrote, and how long it took. */
public record CorpusSummary(
        long reports,
        int agencies,
        long faultyReports,
        long documents,
        double seconds,
        Path reportsFile,
        long reportsBytes,
        Path truthFile,
        long truthBytes) {

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "reports %,d · agencies %,d · faulty reports %,d · documents %,d · %.1f s · %s %.1f MB · %s %.1f MB",
                reports,
                agencies,
                faultyReports,
                documents,
                seconds,
                reportsFile.getFileName(),
                reportsBytes / 1e6,
                truthFile == null ? "no truth" : truthFile.getFileName(),
                truthBytes / 1e6);
    }
}
