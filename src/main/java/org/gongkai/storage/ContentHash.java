package org.gongkai.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gongkai.canonical.Bound;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Part;
import org.gongkai.canonical.Source;
import org.gongkai.canonical.SourceKind;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/**
 * The SHA-256 of a canonical report's content ({@code report.content_sha256}): its JSON with properties and figure keys
 * sorted and numbers without trailing zeros (2 and 2.0 are one figure), so the same report sent again, in any key
 * order, has the same hash and creates no revision.
 *
 * <p>The JSON is the one Jackson's databind writes for the records with properties sorted, map entries ordered by key,
 * ISO dates and each record's {@code @JsonInclude} (what every stored hash was made from), written here straight to
 * the digest through Jackson's generator: databind's reflection and the sorted copy of every figure map were a fifth of
 * a bulk load's validation. {@code ContentHashTest} holds the two byte for byte equal on real and generated reports.
 */
public final class ContentHash {

    private static final JsonFactory JSON = new JsonFactory();

    // property names, codes and metric keys as quoted bytes made once, as databind keeps its property names
    private static final SerializedString ACTUAL = new SerializedString("actual");
    private static final SerializedString AGENCY_NAME = new SerializedString("agencyName");
    private static final SerializedString BOUND = new SerializedString("bound");
    private static final SerializedString COLUMN = new SerializedString("column");
    private static final SerializedString END = new SerializedString("end");
    private static final SerializedString EXPECTED = new SerializedString("expected");
    private static final SerializedString FIGURE = new SerializedString("figure");
    private static final SerializedString FIGURES = new SerializedString("figures");
    private static final SerializedString FINDINGS = new SerializedString("findings");
    private static final SerializedString FORMAT = new SerializedString("format");
    private static final SerializedString KIND = new SerializedString("kind");
    private static final SerializedString LABEL = new SerializedString("label");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString METHOD = new SerializedString("method");
    private static final SerializedString NOTE = new SerializedString("note");
    private static final SerializedString PAGE = new SerializedString("page");
    private static final SerializedString PARTS = new SerializedString("parts");
    private static final SerializedString PASSED = new SerializedString("passed");
    private static final SerializedString REGION_CODE = new SerializedString("regionCode");
    private static final SerializedString ROW = new SerializedString("row");
    private static final SerializedString RULE = new SerializedString("rule");
    private static final SerializedString SOURCE = new SerializedString("source");
    private static final SerializedString SOURCE_URL = new SerializedString("sourceUrl");
    private static final SerializedString START = new SerializedString("start");
    private static final SerializedString TEXT = new SerializedString("text");
    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString YEAR = new SerializedString("year");

    private static final SerializedString[] BOUNDS = codes(Bound.values(), Bound::code);

    private static final SerializedString[] KINDS = codes(SourceKind.values(), SourceKind::code);

    /**
     * The catalogue's metric keys (the keys of nearly every figure map) in {@link String#compareTo} order, quoted once,
     * and each key's place in that order: a map whose keys are all here is written in that order without sorting it
     * (sorting a report's ~150 keys, which share long prefixes, was most of the hash's time). Other keys are sorted and
     * quoted as they come.
     */
    private static final SerializedString[] CATALOGUE_KEYS;

    private static final Map<String, Integer> RANKS = new HashMap<>();

    static {
        List<String> keys = new ArrayList<>();
        for (Metric m : MetricCatalogue.standard().all()) keys.add(m.key());
        Collections.sort(keys);
        CATALOGUE_KEYS = new SerializedString[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            CATALOGUE_KEYS[i] = new SerializedString(keys.get(i));
            RANKS.put(keys.get(i), i);
        }
    }

    private ContentHash() {}

    public static byte[] of(CanonicalReport report) {
        MessageDigest digest = sha256();
        try (JsonGenerator g = JSON.createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
            write(g, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash a report", e);
        }
        return digest.digest();
    }

    private static <E extends Enum<E>> SerializedString[] codes(E[] values, Function<E, String> code) {
        SerializedString[] out = new SerializedString[values.length];
        for (E e : values) out[e.ordinal()] = new SerializedString(code.apply(e));
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    /** No {@code @JsonInclude}: every property, null as null. */
    private static void write(JsonGenerator g, CanonicalReport r) throws IOException {
        g.writeStartObject();
        string(g, AGENCY_NAME, r.agencyName());
        g.writeFieldName(FIGURES);
        writeFigures(g, r.figures());
        g.writeFieldName(FINDINGS);
        g.writeStartArray();
        for (CheckResult c : r.findings()) write(g, c);
        g.writeEndArray();
        string(g, FORMAT, r.format() == null ? null : r.format().code());
        g.writeStringField(
                "publishedOn", r.publishedOn() == null ? null : r.publishedOn().toString());
        string(g, REGION_CODE, r.regionCode());
        string(g, SOURCE_URL, r.sourceUrl());
        number(g, YEAR, r.year());
        g.writeEndObject();
    }

    private static void writeFigures(JsonGenerator g, Map<String, Figure> figures) throws IOException {
        g.writeStartObject();
        Figure[] byRank = new Figure[CATALOGUE_KEYS.length];
        boolean ranked = true;
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            Integer rank = RANKS.get(e.getKey());
            if (rank == null) {
                ranked = false;
                break;
            }
            byRank[rank] = e.getValue();
        }
        if (ranked) {
            for (int i = 0; i < byRank.length; i++) {
                if (byRank[i] == null) continue;
                g.writeFieldName(CATALOGUE_KEYS[i]);
                write(g, byRank[i]);
            }
        } else {
            @SuppressWarnings("unchecked")
            Map.Entry<String, Figure>[] entries = figures.entrySet().toArray(Map.Entry[]::new);
            Arrays.sort(entries, Map.Entry.comparingByKey());
            for (Map.Entry<String, Figure> e : entries) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
        }
        g.writeEndObject();
    }

    /** {@code NON_EMPTY}: no null, no empty list, no empty note. */
    private static void write(JsonGenerator g, Figure f) throws IOException {
        g.writeStartObject();
        if (f.bound() != null) {
            g.writeFieldName(BOUND);
            g.writeString(BOUNDS[f.bound().ordinal()]);
        }
        if (f.note() != null && !f.note().isEmpty()) string(g, NOTE, f.note());
        List<Part> parts = f.parts();
        if (parts != null && !parts.isEmpty()) {
            g.writeFieldName(PARTS);
            g.writeStartArray();
            for (Part p : parts) write(g, p);
            g.writeEndArray();
        }
        if (f.source() != null) {
            g.writeFieldName(SOURCE);
            write(g, f.source());
        }
        if (f.value() != null) writeNumber(g, VALUE, f.value());
        g.writeEndObject();
    }

    /** No {@code @JsonInclude}. */
    private static void write(JsonGenerator g, Part p) throws IOException {
        g.writeStartObject();
        g.writeFieldName(FIGURE);
        if (p.figure() == null) g.writeNull();
        else write(g, p.figure());
        string(g, LABEL, p.label());
        g.writeEndObject();
    }

    /** {@code NON_NULL}. */
    private static void write(JsonGenerator g, Source s) throws IOException {
        g.writeStartObject();
        if (s.column() != null) string(g, COLUMN, s.column());
        if (s.end() != null) number(g, END, s.end());
        if (s.kind() != null) {
            g.writeFieldName(KIND);
            g.writeString(KINDS[s.kind().ordinal()]);
        }
        if (s.method() != null) string(g, METHOD, s.method());
        if (s.page() != null) number(g, PAGE, s.page());
        if (s.row() != null) string(g, ROW, s.row());
        if (s.start() != null) number(g, START, s.start());
        if (s.text() != null) string(g, TEXT, s.text());
        g.writeEndObject();
    }

    /** {@code NON_NULL}. */
    private static void write(JsonGenerator g, CheckResult c) throws IOException {
        g.writeStartObject();
        if (c.actual() != null) writeNumber(g, ACTUAL, c.actual());
        if (c.column() != null) string(g, COLUMN, c.column());
        if (c.expected() != null) writeNumber(g, EXPECTED, c.expected());
        if (c.message() != null) string(g, MESSAGE, c.message());
        bool(g, PASSED, c.passed());
        if (c.row() != null) string(g, ROW, c.row());
        if (c.rule() != null) string(g, RULE, c.rule());
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, SerializedString name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) g.writeNull();
        else g.writeString(value);
    }

    private static void number(JsonGenerator g, SerializedString name, int value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    private static void bool(JsonGenerator g, SerializedString name, boolean value) throws IOException {
        g.writeFieldName(name);
        g.writeBoolean(value);
    }

    /**
     * A number as a string without trailing zeros, so 2 and 2.0 hash alike. A whole number of scale 0 (nearly every
     * figure) is already that string; stripping divides by ten for every trailing zero.
     */
    private static void writeNumber(JsonGenerator g, SerializedString name, BigDecimal value) throws IOException {
        g.writeFieldName(name);
        g.writeString(
                value.scale() == 0
                        ? value.toString()
                        : value.stripTrailingZeros().toPlainString());
    }
}
