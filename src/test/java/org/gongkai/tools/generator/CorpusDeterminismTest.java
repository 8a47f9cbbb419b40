package org.gongkai.tools.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CorpusDeterminismTest {

    private static final GeneratorOptions OPTIONS =
            GeneratorOptions.defaults().withReports(3_000).withFaultShare(0.05);

    @Test
    void sameSeedAndOptionsGiveIdenticalBytes() throws Exception {
        assertThat(digest(new CorpusGenerator(OPTIONS).reports()))
                .isEqualTo(digest(new CorpusGenerator(OPTIONS).reports()));
    }

    @Test
    void differentSeedGivesDifferentFiguresForTheSameAgencies() throws Exception {
        CorpusGenerator a = new CorpusGenerator(OPTIONS);
        CorpusGenerator b = new CorpusGenerator(OPTIONS.withSeed(43));
        assertThat(b.agencies()).isEqualTo(a.agencies());
        assertThat(digest(b.reports())).isNotEqualTo(digest(a.reports()));
    }

    @Test
    void aParallelOrderedStreamGivesTheSameBytesAsASequentialOne() throws Exception {
        CorpusGenerator generator = new CorpusGenerator(OPTIONS);
        assertThat(digest(generator.reports().parallel())).isEqualTo(digest(generator.reports()));
    }

    @Test
    void theFaultShareDoesNotChangeTheFiguresOfReportsItLeavesAlone() {
        List<GeneratedReport> clean =
                new CorpusGenerator(OPTIONS.withFaultShare(0)).reports().toList();
        List<GeneratedReport> faulty = new CorpusGenerator(OPTIONS).reports().toList();
        assertThat(faulty).hasSameSizeAs(clean);
        for (int i = 0; i < clean.size(); i++) {
            if (!faulty.get(i).faulty())
                assertThat(faulty.get(i).report()).isEqualTo(clean.get(i).report());
        }
    }

    @Test
    void aLargerCorpusContainsTheAgenciesOfASmallerOne() {
        List<Agency> small = new CorpusGenerator(OPTIONS.withReports(1_200)).agencies();
        List<Agency> large = new CorpusGenerator(OPTIONS.withReports(12_000)).agencies();
        assertThat(large).containsAll(small);
    }

    /** Hashes the submission and truth lines, as the writer would emit them. */
    private static String digest(Stream<GeneratedReport> reports) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        SubmissionJson submissions = SubmissionJson.standard();
        TruthJson truths = TruthJson.standard();
        reports.forEachOrdered(r -> {
            sha.update((submissions.line(r.report()) + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update((truths.line(r) + "\n").getBytes(StandardCharsets.UTF_8));
        });
        return HexFormat.of().formatHex(sha.digest());
    }
}
