package org.gongkai.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.parsing.input.UnreadableDocumentException;
import org.gongkai.tools.rendering.Layout;
import org.gongkai.tools.rendering.RandomReports;
import org.gongkai.tools.rendering.ReportRenderer;
import org.junit.jupiter.api.Test;

/**
 * Mangled documents (cut, shuffled, duplicated, with random bytes, mixed encodings, hostile HTML, megabytes long)
 * either parse, with every offset pointing at its quoted text, or fail with {@link UnreadableDocumentException}.
 */
class ParserFuzzTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int ROUNDS = 4000;

    private final DocumentParser parser = DocumentParser.standard();
    private final Random random = new Random(424242L);
    private int parsed;
    private int rejected;

    @Test
    void mangledDocumentsParseOrFailOnlyWithTheDeclaredException() {
        List<String> originals = originals();
        for (int i = 0; i < ROUNDS; i++) {
            String original = originals.get(random.nextInt(originals.size()));
            byte[] bytes = mangle(original, i % 9);
            String type =
                    random.nextBoolean() ? null : (random.nextBoolean() ? "text/html" : "text/plain; charset=UTF-8");
            check(bytes, type, "round " + i + " mutation " + (i % 9));
        }
        assertThat(parsed).as("most mangled documents still parse").isGreaterThan(ROUNDS / 2);
    }

    @Test
    void hugeAndHostileInputsStayWithinTheContract() {
        String report = new String(Seeds.bytes(Seeds.MUDANJIANG_2019), StandardCharsets.UTF_8);
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 4_000_000) huge.append(report);
        check(huge.toString().getBytes(StandardCharsets.UTF_8), null, "4 MB of repeated report");
        check("0\t".repeat(1_500_000).getBytes(StandardCharsets.UTF_8), null, "one line of 1.5 million cells");
        check(
                ("<div>".repeat(200_000) + "二、主动公开政府信息情况" + "</div>".repeat(10)).getBytes(StandardCharsets.UTF_8),
                "text/html",
                "deep HTML");
        check(
                ("<table><tr><td rowspan=999999 colspan=999999>规章</td><td>1</td></tr>"
                                + "<tr><td>2</td></tr>".repeat(20_000) + "</table>")
                        .getBytes(StandardCharsets.UTF_8),
                "text/html",
                "huge spans");
        check("一".repeat(3_000_000).getBytes(GB18030), null, "three million numerals");
        check("其中".repeat(500_000).getBytes(StandardCharsets.UTF_8), null, "half a million 其中");
        check(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, null, "bare byte-order mark");
        check("x".getBytes(StandardCharsets.UTF_8), "text/plain; charset=no-such-charset", "unknown charset");
        check(null, null, "null bytes");
    }

    private void check(byte[] bytes, String type, String what) {
        try {
            ParsedDocument doc = parser.parse(bytes, type, Hints.none());
            parsed++;
            assertThat(doc.classification()).as(what).isNotNull();
            if (doc.report() == null) return;
            assertThat(doc.report().format()).isIn((Object[]) ReportFormat.values());
            for (Figure f : doc.report().figures().values()) {
                assertThat(doc.text().substring(f.source().start(), f.source().end()))
                        .as(what)
                        .isEqualTo(f.source().text());
            }
        } catch (UnreadableDocumentException e) {
            rejected++;
            if (e.getMessage().startsWith("parser failure")) fail(what + ": the parser itself failed", e.getCause());
        } catch (RuntimeException | Error e) {
            fail(what + ": undeclared " + e, e);
        }
    }

    private List<String> originals() {
        List<String> out = new ArrayList<>();
        for (String seed : Seeds.ALL) out.add(new String(Seeds.bytes(seed), StandardCharsets.UTF_8));
        RandomReports reports = new RandomReports(MetricCatalogue.standard(), 9L);
        ReportRenderer renderer = ReportRenderer.standard();
        for (int i = 0; i < 12; i++) {
            out.add(renderer.render(
                    reports.tableReport(i % 2 == 0 ? ReportFormat.F2019 : ReportFormat.F2021), Layout.values()[i % 3]));
        }
        out.add(renderer.render(reports.narrativeReport(), Layout.PROSE));
        return out;
    }

    private byte[] mangle(String text, int mutation) {
        return switch (mutation) {
            case 0 -> utf8(text.substring(0, random.nextInt(text.length() + 1)));
            case 1 -> utf8(String.join("\n", shuffled(lines(text))));
            case 2 -> utf8(String.join("\n", deleted(lines(text))));
            case 3 -> utf8(String.join("\n", duplicated(lines(text))));
            case 4 -> injectBytes(utf8(text));
            case 5 -> mixedEncodings(text);
            case 6 -> utf8(hostileMarkup(text));
            case 7 -> utf8(scrambleCharacters(text));
            default -> cutBytes(text.getBytes(random.nextBoolean() ? StandardCharsets.UTF_8 : GB18030));
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    private List<String> shuffled(List<String> lines) {
        Collections.shuffle(lines, random);
        return lines;
    }

    private List<String> deleted(List<String> lines) {
        lines.removeIf(l -> random.nextInt(4) == 0);
        return lines;
    }

    private List<String> duplicated(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l);
            if (random.nextInt(5) == 0) out.add(l);
            if (random.nextInt(50) == 0) out.add(lines.get(random.nextInt(lines.size())));
        }
        return out;
    }

    private byte[] injectBytes(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
        int injections = 1 + random.nextInt(bytes.length < 100 ? 5 : 60);
        for (byte b : bytes) {
            out.write(b);
            if (random.nextInt(Math.max(1, bytes.length / injections)) == 0) {
                for (int k = random.nextInt(4); k >= 0; k--) out.write(random.nextInt(256));
            }
        }
        return out.toByteArray();
    }

    private byte[] mixedEncodings(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < text.length()) {
            int end = Math.min(text.length(), pos + 1 + random.nextInt(400));
            byte[] chunk = text.substring(pos, end).getBytes(random.nextBoolean() ? StandardCharsets.UTF_8 : GB18030);
            out.write(chunk, 0, chunk.length);
            pos = end;
        }
        return out.toByteArray();
    }

    private String hostileMarkup(String text) {
        String[] junk = {
            "<table>",
            "</table>",
            "<tr>",
            "<td rowspan=\"70000\">",
            "<td colspan=-3>",
            "<th colspan=abc>",
            "</td>",
            "<script>",
            "<!--",
            "<br>",
            "&nbsp;",
            "&#xFF10;",
            "<td rowspan=2147483648>",
            "<p",
            "</tr></tr>"
        };
        StringBuilder b = new StringBuilder("<html><body>");
        for (String line : text.split("\n")) {
            b.append(line);
            if (random.nextInt(3) == 0) b.append(junk[random.nextInt(junk.length)]);
            b.append('\n');
        }
        return b.toString();
    }

    private String scrambleCharacters(String text) {
        char[] pool = {
            '\t', '|', '—', '/', '无', '0', '9', '-', '+', '.', ',', '余', '万', '(', ')', '\u3000', '\r', '其', '中'
        };
        char[] chars = text.toCharArray();
        for (int k = 0; k < chars.length / 20; k++)
            chars[random.nextInt(chars.length)] = pool[random.nextInt(pool.length)];
        return new String(chars);
    }

    private byte[] cutBytes(byte[] bytes) {
        int from = random.nextInt(Math.max(1, bytes.length / 2));
        int to = from + random.nextInt(Math.max(1, bytes.length - from));
        return Arrays.copyOfRange(bytes, from, to);
    }
}
