package org.gongkai.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Part;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.canonical.Source;
import org.gongkai.canonical.SourceKind;
import org.gongkai.parsing.CorpusDocumentsTest;
import org.gongkai.parsing.DocumentParser;
import org.gongkai.parsing.Hints;
import org.gongkai.parsing.ParsedDocument;
import org.junit.jupiter.api.Test;

/**
 * Every stored {@code content_sha256} was made from the JSON Jackson's databind writes for a report with sorted
 * properties, map entries ordered by key, ISO dates, plain numbers and each record's {@code @JsonInclude}; the same
 * report sent after this change must hash alike, or it would become a revision of itself. The truth here is that
 * databind mapper, configured as the hash once was; the reports are the parser's readings of the real corpus and
 * seeds (table and prose sources, parts, notes, pages, findings) and random reports built to reach every optional
 * property, null and number form, and text that JSON escapes.
 */
class ContentHashTest {

    private static final ObjectMapper DATABIND = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(BigDecimal.class, new PlainNumber()))
            .build();

    private static final class PlainNumber extends StdSerializer<BigDecimal> {
        PlainNumber() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.stripTrailingZeros().toPlainString());
        }
    }

    private static byte[] databindHash(CanonicalReport r) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(DATABIND.writeValueAsBytes(r));
    }

    private static void assertSameHash(CanonicalReport r) throws Exception {
        assertThat(ContentHash.of(r)).as("%s", DATABIND.writeValueAsString(r)).isEqualTo(databindHash(r));
    }

    @Test
    void documentsReadFromTheCorpusAndSeedsHashAsDatabindWroteThem() throws Exception {
        DocumentParser parser = DocumentParser.standard();
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("corpus", "seeds")) {
            Path dir = Path.of(ContentHashTest.class.getResource("/" + folder).toURI());
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> !p.getFileName().toString().matches("(?i).*\\.(md|json)$"))
                        .forEach(files::add);
            }
        }
        int reports = 0;
        int withSources = 0;
        for (Path file : files) {
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readAllBytes();
            }
            ParsedDocument doc = parser.parse(
                    bytes, CorpusDocumentsTest.contentType(file.getFileName().toString()), Hints.none());
            if (doc.report() == null) continue;
            reports++;
            if (doc.report().figures().values().stream()
                    .anyMatch(f -> f.source() != null && f.source().text() != null)) withSources++;
            assertSameHash(doc.report());
        }
        // the files read as reports, with the cells and sentences their figures came from
        assertThat(reports).isGreaterThanOrEqualTo(15);
        assertThat(withSources).isGreaterThanOrEqualTo(15);
    }

    private final Random random = new Random(20261203);

    private String text() {
        String[] pieces = {
            "政府信息公开",
            "\"quoted\"",
            "back\\slash",
            "tab\there",
            "line\nbreak",
            "\u0001",
            "\u2028",
            "😀",
            "",
            "/",
            "<b>&amp;</b>",
            "é"
        };
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) s.append(pieces[random.nextInt(pieces.length)]);
        return s.toString();
    }

    private <T> T maybe(T value) {
        return random.nextInt(3) == 0 ? null : value;
    }

    private BigDecimal number() {
        return switch (random.nextInt(5)) {
            case 0 -> BigDecimal.valueOf(random.nextInt(100_000));
            case 1 -> new BigDecimal(random.nextInt(1000) + ".500");
            case 2 -> new BigDecimal("1E+" + random.nextInt(7));
            case 3 -> new BigDecimal("-" + random.nextInt(100) + "." + random.nextInt(100));
            default -> BigDecimal.ZERO.setScale(random.nextInt(4));
        };
    }

    private Source source() {
        SourceKind kind = SourceKind.values()[random.nextInt(SourceKind.values().length)];
        return new Source(
                kind,
                maybe(text()),
                maybe(random.nextInt(5000)),
                maybe(random.nextInt(5000)),
                maybe(text()),
                maybe(text()),
                maybe("label"),
                maybe(random.nextInt(40) + 1));
    }

    private Figure figure(int depth) {
        List<Part> parts = new ArrayList<>();
        if (depth == 0 && random.nextInt(4) == 0)
            for (int i = random.nextInt(3); i >= 0; i--) parts.add(new Part(maybe(text()), maybe(figure(1))));
        String note = random.nextInt(4) == 0 ? "" : maybe(text());
        return new Figure(
                maybe(number()),
                maybe(Bound.values()[random.nextInt(Bound.values().length)]),
                maybe(source()),
                maybe(parts),
                note);
    }

    private CanonicalReport report() {
        Map<String, Figure> figures = random.nextBoolean() ? new HashMap<>() : new LinkedHashMap<>();
        for (int i = random.nextInt(30); i >= 0; i--)
            figures.put("m." + Integer.toString(random.nextInt(1000), 36) + "." + text().length(), figure(0));
        List<CheckResult> findings = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--)
            findings.add(new CheckResult(
                    maybe("prose-sum"),
                    maybe(text()),
                    maybe(text()),
                    random.nextBoolean(),
                    maybe(number()),
                    maybe(number()),
                    maybe(text())));
        return new CanonicalReport(
                maybe(text()),
                maybe("350128"),
                2008 + random.nextInt(20),
                maybe(ReportFormat.values()[random.nextInt(ReportFormat.values().length)]),
                maybe(LocalDate.of(2009 + random.nextInt(18), 1 + random.nextInt(12), 1 + random.nextInt(28))),
                maybe("https://www.example.gov.cn/" + text()),
                figures,
                findings);
    }

    @Test
    void randomReportsReachingEveryPropertyHashAsDatabindWroteThem() throws Exception {
        for (int i = 0; i < 2_000; i++) assertSameHash(report());
    }

    @Test
    void theSameContentInAnotherKeyOrderOrNumberFormHashesAlike() {
        Map<String, Figure> one = new LinkedHashMap<>();
        one.put("requests.new.total", Figure.of(new BigDecimal("2"), Bound.EXACT, Source.submitted()));
        one.put("outcome.total.total", Figure.of(new BigDecimal("7.50"), Bound.AT_LEAST, Source.submitted()));
        Map<String, Figure> other = new LinkedHashMap<>();
        other.put("outcome.total.total", Figure.of(new BigDecimal("7.5"), Bound.AT_LEAST, Source.submitted()));
        other.put("requests.new.total", Figure.of(new BigDecimal("2.0"), Bound.EXACT, Source.submitted()));
        CanonicalReport a = new CanonicalReport("平潭县人民政府", "350128", 2021, ReportFormat.F2021, null, null, one, null);
        CanonicalReport b = new CanonicalReport("平潭县人民政府", "350128", 2021, ReportFormat.F2021, null, null, other, null);
        assertThat(ContentHash.of(a)).isEqualTo(ContentHash.of(b));
        Map<String, Figure> changed = new LinkedHashMap<>(other);
        changed.put("requests.new.total", Figure.of(new BigDecimal("3"), Bound.EXACT, Source.submitted()));
        CanonicalReport c =
                new CanonicalReport("平潭县人民政府", "350128", 2021, ReportFormat.F2021, null, null, changed, null);
        assertThat(ContentHash.of(c)).isNotEqualTo(ContentHash.of(a));
    }
}
