package org.gongkai.parsing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.parsing.input.UnreadableDocumentException;

/**
 * Turns bytes into text: the charset the content type (or an HTML meta tag) names, else strict UTF-8, else GB18030
 * (a superset of GBK and GB2312, the other encoding Chinese government sites use).
 */
final class TextDecoder {

    static final Charset GB18030 = Charset.forName("GB18030");

    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
    /** Share of control or replacement characters above which the bytes are not text. */
    private static final double MAX_GARBAGE_SHARE = 0.05;

    DecodedText decode(byte[] bytes, String contentType) {
        if (bytes == null || bytes.length == 0) throw new UnreadableDocumentException("empty document: no bytes");
        DecodedText decoded = decodeWithBestCharset(bytes, contentType);
        rejectGarbage(decoded);
        if (decoded.text().isBlank()) throw new UnreadableDocumentException("empty document: only whitespace");
        return decoded;
    }

    private DecodedText decodeWithBestCharset(byte[] bytes, String contentType) {
        DecodedText bom = decodeByteOrderMark(bytes);
        if (bom != null) return bom;
        Charset declared = declaredCharset(contentType);
        if (declared == null && looksLikeHtml(bytes)) declared = metaCharset(bytes);
        // Servers label pages ISO-8859-1 by default; for Chinese bytes that label is never true.
        if (declared != null && isSingleByteWestern(declared) && hasHighBytes(bytes)) declared = null;
        if (declared != null) {
            String text = lenient(bytes, 0, declared);
            // A declared charset that leaves many replacement characters is wrong; detect instead.
            if (replacementShare(text) < 0.01) return new DecodedText(text, declared);
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) return new DecodedText(utf8, StandardCharsets.UTF_8);
        return new DecodedText(lenient(bytes, 0, GB18030), GB18030);
    }

    private static DecodedText decodeByteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new DecodedText(lenient(b, 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new DecodedText(lenient(b, 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new DecodedText(lenient(b, 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
        }
        return null;
    }

    static Charset declaredCharset(String contentType) {
        if (contentType == null) return null;
        Matcher m = CHARSET_PARAM.matcher(contentType);
        return m.find() ? charsetNamed(m.group(1)) : null;
    }

    private static Charset metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = CHARSET_PARAM.matcher(head);
        return m.find() ? charsetNamed(m.group(1)) : null;
    }

    private static Charset charsetNamed(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        // GB2312 and GBK pages routinely contain characters only GB18030 has.
        if (n.equals("gb2312") || n.equals("gbk") || n.equals("x-gbk") || n.equals("cp936")) return GB18030;
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknownOrIllegal) {
            return null;
        }
    }

    static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        return HtmlFlattener.looksLikeHtml(head);
    }

    private static boolean isSingleByteWestern(Charset c) {
        String n = c.name();
        return n.equals("ISO-8859-1") || n.equals("US-ASCII") || n.equals("windows-1252");
    }

    private static boolean hasHighBytes(byte[] bytes) {
        for (byte b : bytes) if (b < 0) return true;
        return false;
    }

    private static String strict(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String lenient(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            // REPLACE never reports; kept for the checked signature.
            throw new UnreadableDocumentException("cannot decode document as " + charset, e);
        }
    }

    private static double replacementShare(String text) {
        if (text.isEmpty()) return 0;
        int bad = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\uFFFD') bad++;
        return (double) bad / text.length();
    }

    private static void rejectGarbage(DecodedText decoded) {
        String text = decoded.text();
        int control = 0;
        int replacement = 0;
        int first = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = c == '\uFFFD'
                    || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
                    || (c >= 0x7F && c <= 0x9F);
            if (!bad) continue;
            if (first < 0) first = i;
            if (c == '\uFFFD') replacement++;
            else control++;
        }
        double share = text.isEmpty() ? 1 : (double) (control + replacement) / text.length();
        if (share > MAX_GARBAGE_SHARE) {
            throw new UnreadableDocumentException(String.format(
                    Locale.ROOT,
                    "not a text document: %.0f%% of the %d characters decoded as %s are control or undecodable"
                            + " bytes (%d control, %d undecodable; the first at character %d)",
                    share * 100,
                    text.length(),
                    decoded.charset(),
                    control,
                    replacement,
                    first));
        }
    }
}
