package org.gongkai.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.Figure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real documents of {@code shared/corpus} (copied to the test resources with their hand-read
 * {@code expected.json}): every expected classification, identity, figure and absent key, checked the way
 * {@code shared/corpus/score} checks the running service. The values come from the documents as read by a person,
 * not from this code.
 */
public class CorpusDocumentsTest {

    private static final DocumentParser PARSER = DocumentParser.standard();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** File types that the parser reads: every type of the corpus. */
    private static final List<String> READ_TODAY = List.of(".txt", ".html", ".htm", ".pdf", ".docx", ".doc");

    static Stream<String> documents() {
        List<String> names = new ArrayList<>();
        expected().forEach(e -> {
            String name = e.get("file").asText();
            if (READ_TODAY.stream().anyMatch(name.toLowerCase(Locale.ROOT)::endsWith)) names.add(name);
        });
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void readsEveryExpectedValue(String name) {
        JsonNode exp = entry(name);
        ParsedDocument doc = PARSER.parse(bytes(name), contentType(name), Hints.none());
        List<String> misses = misses(exp, doc);
        assertThat(misses).as(name).isEmpty();
    }

    /** Every way the parse differs from the hand-read values, one line each (as {@code score} prints them). */
    static List<String> misses(JsonNode exp, ParsedDocument doc) {
        List<String> misses = new ArrayList<>();
        String classification = exp.get("classification").asText();
        if (!classification.equals(doc.classification().code()))
            misses.add("classification " + doc.classification().code() + " ("
                    + doc.classification().reason() + "), expected " + classification);
        if (classification.equals("not-a-report")) {
            if (doc.report() != null) misses.add("not a report, yet a report was read");
            return misses;
        }
        CanonicalReport r = doc.report();
        if (r == null) {
            misses.add("no report read");
            return misses;
        }
        List<String> agencies = new ArrayList<>();
        JsonNode any = exp.get("agencyAny");
        if (any != null) any.forEach(a -> agencies.add(a.asText()));
        else if (exp.hasNonNull("agency")) agencies.add(exp.get("agency").asText());
        if (!agencies.isEmpty() && !agencies.contains(r.agencyName()))
            misses.add("agency " + r.agencyName() + ", expected one of " + agencies);
        if (exp.hasNonNull("regionCode") && !exp.get("regionCode").asText().equals(r.regionCode()))
            misses.add("regionCode " + r.regionCode() + ", expected "
                    + exp.get("regionCode").asText());
        if (exp.hasNonNull("year") && exp.get("year").asInt() != r.year())
            misses.add("year " + r.year() + ", expected " + exp.get("year").asInt());
        exp.get("figures").fields().forEachRemaining(e -> {
            Figure got = r.figures().get(e.getKey());
            JsonNode want = e.getValue();
            BigDecimal value = new BigDecimal((want.isObject() ? want.get("value") : want).asText());
            Bound bound = want.isObject() && want.has("bound")
                    ? Bound.fromCode(want.get("bound").asText()).orElseThrow()
                    : Bound.EXACT;
            if (got == null) misses.add(e.getKey() + " missing, expected " + want);
            else if (got.value().compareTo(value) != 0 || got.bound() != bound)
                misses.add(e.getKey() + " = " + got.value() + " (" + got.bound().code() + "), expected " + want
                        + "  WRONG VALUE");
        });
        exp.path("absent").forEach(k -> {
            if (r.figures().containsKey(k.asText()))
                misses.add(k.asText() + " stored as "
                        + r.figures().get(k.asText()).value() + "; the document does not state it");
        });
        return misses;
    }

    public static String contentType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".html") || n.endsWith(".htm")) return "text/html";
        if (n.endsWith(".pdf")) return "application/pdf";
        if (n.endsWith(".docx")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        if (n.endsWith(".doc")) return "application/msword";
        return "text/plain";
    }

    static JsonNode expected() {
        try (InputStream in = CorpusDocumentsTest.class.getResourceAsStream("/corpus/expected.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode entry(String name) {
        for (JsonNode e : expected()) if (e.get("file").asText().equals(name)) return e;
        throw new IllegalArgumentException("no expected.json entry for " + name);
    }

    static byte[] bytes(String name) {
        try (InputStream in = CorpusDocumentsTest.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) throw new IllegalStateException("missing corpus document " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
