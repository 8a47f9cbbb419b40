package org.gongkai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools fail the way a newcomer can act on: one line on standard error and an exit code, no stack trace. */
class GongkaiCommandsTest {

    private record Run(int exit, String err) {}

    private static Run run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Run(GongkaiCommands.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    /** A loopback port that nothing listens on (bound, then closed). */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void loadWithTheServiceDownSaysSoInOneLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("reports.ndjson"), "{}\n");
        Run r = run("load", "--quiet", "--url", "http://127.0.0.1:" + closedPort(), file.toString());
        assertThat(r.exit()).isEqualTo(GongkaiCommands.UNREACHABLE);
        assertThat(r.err().strip())
                .startsWith("gongkai load: cannot reach the service")
                .doesNotContain("\n");
        assertThat(r.err()).doesNotContain("at java.").doesNotContain("Exception:");
    }

    @Test
    void loadOfAMissingFileNamesThePath(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nothing-here.ndjson");
        Run r = run("load", "--quiet", "--url", "http://127.0.0.1:" + closedPort(), missing.toString());
        assertThat(r.exit()).isEqualTo(GongkaiCommands.BAD_PATH);
        assertThat(r.err().strip()).isEqualTo("gongkai load: no such file or folder: " + missing);
    }

    @Test
    void ingestWithTheServiceDownStopsWithOneLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "某县2023年政府信息公开工作年度报告");
        Run r = run("ingest", "--url", "http://127.0.0.1:" + closedPort(), dir.toString());
        assertThat(r.exit()).isEqualTo(GongkaiCommands.UNREACHABLE);
        // the progress bar shares standard error; the reason is the last line
        String last = r.err().strip().lines().reduce((x, y) -> y).orElse("");
        assertThat(last).startsWith("gongkai ingest: cannot reach the service").doesNotContain("null");
    }

    @Test
    void ingestOfAMissingPathNamesThePath(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("no-folder");
        Run r = run("ingest", "--url", "http://127.0.0.1:" + closedPort(), missing.toString());
        assertThat(r.exit()).isEqualTo(GongkaiCommands.BAD_PATH);
        assertThat(r.err().strip())
                .startsWith("gongkai ingest: no such file or folder: ")
                .contains("no-folder");
    }
}
