package org.gongkai.tools.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the engine's plan of a query, as executed ({@code POST /api/query/explain}), to the explain folder. */
final class PlanWriter {

    private final ServiceCalls calls;
    private final Path folder;
    private final long reports;

    /** @param folder where the plans go, or null to write none */
    PlanWriter(ServiceCalls calls, Path folder, long reports) {
        this.calls = calls;
        this.folder = folder;
        this.reports = reports;
    }

    /** Writes the plan of {@code query} (a POST /api/query body) under a file named after {@code name}. */
    void write(String name, String query) throws IOException, InterruptedException {
        if (folder == null) return;
        Files.createDirectories(folder);
        HttpResponse<String> r = calls.postJson("/api/query/explain", query, HttpResponse.BodyHandlers.ofString());
        String file = name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "") + ".txt";
        Files.writeString(
                folder.resolve(file), "-- " + reports + " reports; " + name + "\n-- " + query + "\n" + r.body());
    }
}
