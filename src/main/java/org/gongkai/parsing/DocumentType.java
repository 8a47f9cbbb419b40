package org.gongkai.parsing;

import java.util.Locale;

/**
 * What kind of file a document is, told from its first bytes (magic numbers) rather than from the Content-Type or
 * the file name, which crawlers and servers get wrong (a PDF sent as {@code application/octet-stream} or even
 * {@code text/html}). The content type decides only between text and HTML, which have no magic number.
 */
public enum DocumentType {
    /** {@code %PDF-} within the first kilobyte (some generators put junk before it, which readers tolerate). */
    PDF("application/pdf"),
    /** A zip (PK\3\4) holding {@code word/document.xml}: Office Open XML, Word 2007 and later. */
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    /** An OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1): legacy Word 97–2003 (or another Office file). */
    DOC("application/msword"),
    /** Anything else: decoded as text or HTML. */
    TEXT("text/plain");

    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    private static final int PDF_SEARCH = 1024;
    private static final byte[] WORD_DOCUMENT =
            "word/document.xml".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final String mediaType;

    DocumentType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type a client should send this kind of file as. */
    public String mediaType() {
        return mediaType;
    }

    /** The kind of file the bytes are; the content type is not consulted (see the class comment). */
    public static DocumentType sniff(byte[] bytes) {
        if (bytes == null || bytes.length < 4) return TEXT;
        if (startsWith(bytes, OLE2)) return DOC;
        if (bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4 && isWordZip(bytes)) return DOCX;
        if (indexOfPdfHeader(bytes) >= 0) return PDF;
        return TEXT;
    }

    /** The kind a file name's extension suggests (for {@code gongkai ingest}), or null. */
    public static DocumentType ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".pdf")) return PDF;
        if (n.endsWith(".docx")) return DOCX;
        if (n.endsWith(".doc")) return DOC;
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (bytes[i] != prefix[i]) return false;
        return true;
    }

    private static int indexOfPdfHeader(byte[] b) {
        int limit = Math.min(b.length, PDF_SEARCH) - 5;
        for (int i = 0; i <= limit; i++) {
            if (b[i] == '%' && b[i + 1] == 'P' && b[i + 2] == 'D' && b[i + 3] == 'F' && b[i + 4] == '-') return i;
        }
        return -1;
    }

    /**
     * Looks for the entry name among the zip's bytes (names are stored uncompressed in the local and central
     * headers) rather than opening the archive, so nothing is inflated here and a zip bomb costs nothing.
     */
    private static boolean isWordZip(byte[] bytes) {
        byte[] name = WORD_DOCUMENT;
        outer:
        for (int i = 0; i <= bytes.length - name.length; i++) {
            for (int k = 0; k < name.length; k++) if (bytes[i + k] != name[k]) continue outer;
            return true;
        }
        return false;
    }
}
