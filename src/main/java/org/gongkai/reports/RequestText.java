package org.gongkai.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;

/**
 * The text of a posted JSON body, taken as strictly as PostgreSQL will store it: bytes decoded in the declared charset
 * (UTF-8 when none) with a malformed byte refused at its offset, never replaced by U+FFFD or "?", and no string holding
 * a NUL or a lone surrogate (PostgreSQL text cannot hold the one, UTF-8 cannot encode the other).
 */
public final class RequestText {

    private RequestText() {}

    /** The charset a {@code Content-Type} declares, UTF-8 when it declares none; 415 for one this JVM cannot read. */
    public static Charset charsetOf(String contentType) {
        if (contentType == null) return StandardCharsets.UTF_8;
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (!p.regionMatches(true, 0, "charset=", 0, 8)) continue;
            String name = p.substring(8).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\""))
                name = name.substring(1, name.length() - 1);
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new ProblemException(
                        415,
                        "unsupported-charset",
                        "Unsupported charset",
                        "the charset \"" + printable(name) + "\" of the Content-Type is not known; send UTF-8",
                        List.of(new FieldError("", "unknown charset")));
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Decodes {@code bytes} strictly: 400 naming the byte offset of the first byte that is not valid text. */
    public static String decode(byte[] bytes, Charset charset) {
        return decode(bytes, 0, bytes.length, charset);
    }

    public static String decode(byte[] bytes, int offset, int length, Charset charset) {
        Decoded d = tryDecode(bytes, offset, length, charset);
        if (d.text() == null) throw invalidText(d.badByte(), charset);
        return d.text();
    }

    /** Decoded text, or (text null) the offset of the first byte that is not valid text in the charset. */
    public record Decoded(String text, int badByte) {}

    /** Decodes strictly without throwing: for callers that answer per line (the bulk stream). */
    public static Decoded tryDecode(byte[] bytes, int offset, int length, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            // the JDK's own UTF-8 decoding, several times faster than a decoder; it replaces what is malformed with
            // U+FFFD, so text without one was valid, and text with one is decoded again below to say where
            String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) return new Decoded(text, -1);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate((int) (length * (double) decoder.maxCharsPerByte()) + 2);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) return new Decoded(null, in.position() - offset);
        out.flip();
        return new Decoded(out.toString(), -1);
    }

    /** What a line or body that is not valid text in {@code charset} is told. */
    public static String invalidTextMessage(int offset, Charset charset) {
        return "not valid " + charset.name() + " at byte offset " + offset;
    }

    private static ProblemException invalidText(int offset, Charset charset) {
        String detail = invalidTextMessage(offset, charset);
        return new ProblemException(
                400,
                "invalid-text",
                "Invalid text",
                "the body is " + detail,
                List.of(new FieldError("", detail)),
                Map.of("offset", offset));
    }

    /**
     * Every string (and field name) of a parsed JSON document holding a NUL or a lone surrogate, named by its JSON
     * Pointer; empty when there is none.
     */
    public static List<FieldError> unstorableStrings(JsonNode root) {
        List<FieldError> errors = new ArrayList<>();
        walk(root, new ArrayDeque<>(), errors);
        return errors;
    }

    /** {@code path} holds the member names and indexes down to {@code node}; a pointer is made only for an error. */
    private static void walk(JsonNode node, Deque<String> path, List<FieldError> errors) {
        if (node.isTextual()) {
            String problem = problemOf(node.textValue());
            if (problem != null) errors.add(new FieldError(pointer(path), problem));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                path.addLast(e.getKey());
                String problem = problemOf(e.getKey());
                if (problem != null)
                    errors.add(new FieldError(pointer(path), "the field name " + problem.substring(4)));
                walk(e.getValue(), path, errors);
                path.removeLast();
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.addLast(Integer.toString(i));
                walk(node.get(i), path, errors);
                path.removeLast();
            }
        }
    }

    private static String pointer(Deque<String> path) {
        return FieldError.pointer(path.toArray(String[]::new));
    }

    /** Why {@code s} cannot be stored as text, or null. */
    static String problemOf(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') return "must not contain a NUL character (U+0000), found at character " + i;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain a lone surrogate (U+" + hex(c) + "), found at character " + i;
            }
            if (Character.isLowSurrogate(c))
                return "must not contain a lone surrogate (U+" + hex(c) + "), found at character " + i;
        }
        return null;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    private static String printable(String s) {
        return s.codePoints()
                .limit(40)
                .filter(cp -> cp >= 0x20 && cp < 0x7F)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
