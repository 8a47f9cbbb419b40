package org.gongkai.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one bench run, in the order they were measured: printed as a table and written as JSON. */
final class BenchResults {

    private final Map<String, Object> figures = new LinkedHashMap<>();

    void put(String name, Object value) {
        figures.put(name, value);
    }

    /** Prints every figure, one line each, lists indented under their name. */
    void print(long reports) {
        System.out.println();
        System.out.println("== Gongkai benchmark, " + String.format("%,d", reports) + " reports");
        figures.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                System.out.println(k + ":");
                list.forEach(item -> System.out.println("  " + item));
            } else if (v instanceof Double d) {
                System.out.printf("%-32s %,.1f%n", k, d);
            } else {
                System.out.printf("%-32s %s%n", k, v);
            }
        });
    }

    void write(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), figures);
    }

    static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
