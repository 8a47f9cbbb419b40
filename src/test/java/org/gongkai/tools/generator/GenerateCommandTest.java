package org.gongkai.tools.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.gongkai.canonical.CanonicalReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    Path out;

    @Test
    void writesOneSubmissionAndOneTruthLinePerReport() throws Exception {
        int exit = new CommandLine(new GenerateCommand())
                .execute("--reports", "500", "--seed", "7", "--out", out.toString(), "--from", "2017", "--to", "2022");
        assertThat(exit).isZero();
        List<String> reports = Files.readAllLines(out.resolve("reports.ndjson"));
        List<String> truth = Files.readAllLines(out.resolve("truth.ndjson"));
        assertThat(reports).hasSize(500);
        assertThat(truth).hasSize(500);
        assertThat(reports.get(0)).startsWith("{\"agency\":{\"name\":");
        assertThat(reports).allSatisfy(l -> assertThat(l).containsPattern("\"year\":20(1[7-9]|2[0-2])"));
    }

    @Test
    void gzippedOutputHoldsTheSameLinesAsPlainOutput() throws Exception {
        Path plain = out.resolve("plain");
        Path zipped = out.resolve("zipped");
        new CommandLine(new GenerateCommand()).execute("--reports", "300", "--out", plain.toString());
        new CommandLine(new GenerateCommand())
                .execute("--reports", "300", "--out", zipped.toString(), "--gzip", "--threads", "2");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(zipped.resolve("reports.ndjson.gz"))),
                StandardCharsets.UTF_8))) {
            assertThat(in.lines().toList()).isEqualTo(Files.readAllLines(plain.resolve("reports.ndjson")));
        }
    }

    @Test
    void theThreadCountDoesNotChangeTheBytes() throws Exception {
        Path one = out.resolve("one");
        Path two = out.resolve("two");
        new CommandLine(new GenerateCommand()).execute("--reports", "2000", "--out", one.toString());
        new CommandLine(new GenerateCommand()).execute("--reports", "2000", "--out", two.toString(), "--threads", "2");
        for (String file : List.of("reports.ndjson", "truth.ndjson")) {
            assertThat(Files.mismatch(one.resolve(file), two.resolve(file)))
                    .as(file)
                    .isEqualTo(-1L);
        }
        new CommandLine(new GenerateCommand()).execute("--reports", "2000", "--out", one.toString(), "--gzip");
        new CommandLine(new GenerateCommand())
                .execute("--reports", "2000", "--out", two.toString(), "--gzip", "--threads", "2");
        for (String file : List.of("reports.ndjson.gz", "truth.ndjson.gz")) {
            assertThat(Files.mismatch(one.resolve(file), two.resolve(file)))
                    .as(file)
                    .isEqualTo(-1L);
        }
    }

    @Test
    void anEmptyCorpusIsAnEmptyButValidGzipFile() throws Exception {
        new CommandLine(new GenerateCommand()).execute("--reports", "0", "--out", out.toString(), "--gzip");
        try (var in = new GZIPInputStream(Files.newInputStream(out.resolve("reports.ndjson.gz")))) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void rendersEveryNthReportThroughTheWiredRenderer() throws Exception {
        java.util.function.Function<CanonicalReport, String> renderer =
                r -> "<h1>" + r.agencyName() + " " + r.year() + "</h1>";
        int exit = new CommandLine(new GenerateCommand().withRenderer(renderer))
                .execute("--reports", "100", "--out", out.toString(), "--documents-every", "10");
        assertThat(exit).isZero();
        try (var files = Files.walk(out.resolve("documents"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".html"))).hasSize(10);
        }
    }

    @Test
    void theShippedCommandRendersDocumentsTheParserReadsAsReports() throws Exception {
        int exit = org.gongkai.GongkaiCommands.run(
                "generate", "--reports", "60", "--out", out.toString(), "--documents-every", "20");
        assertThat(exit).isZero();
        List<Path> documents;
        try (var files = Files.walk(out.resolve("documents"))) {
            documents = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(documents).hasSize(3);
        var parser = org.gongkai.parsing.DocumentParser.standard();
        for (Path d : documents) {
            var parsed = parser.parse(Files.readAllBytes(d), "text/html", org.gongkai.parsing.Hints.none());
            assertThat(parsed.report()).as(d.toString()).isNotNull();
            assertThat(parsed.report().figures()).isNotEmpty();
        }
    }

    @Test
    void refusesImpossibleOptionsWithoutAStackTrace() {
        assertThat(new CommandLine(new GenerateCommand()).execute("--reports", "99000000", "--out", out.toString()))
                .isEqualTo(2);
        assertThat(new CommandLine(new GenerateCommand())
                        .execute("--from", "2020", "--to", "2019", "--out", out.toString()))
                .isEqualTo(2);
    }

    @Test
    void refusesToRenderWithoutARenderer() {
        int exit = new CommandLine(new GenerateCommand())
                .execute("--reports", "10", "--out", out.toString(), "--documents-every", "1");
        assertThat(exit).isEqualTo(2);
    }
}
