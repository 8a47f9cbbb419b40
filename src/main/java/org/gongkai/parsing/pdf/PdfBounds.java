package org.gongkai.parsing.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.gongkai.parsing.input.UnreadableDocumentException;

/**
 * Bounds on what a PDF may make PDFBox do, checked before its pages are read, so that a hostile file (a PDF bomb)
 * is refused in milliseconds rather than read for minutes or into an overflowing stack: the page tree's depth (PDFBox
 * walks it recursively), and the bytes its Flate streams inflate to (one megabyte can inflate to a gigabyte, which
 * PDFBox would hold whole). Real annual reports stay far below both.
 */
final class PdfBounds {

    /** Levels of /Pages nodes above a page; real files have a handful. */
    static final int MAX_TREE_DEPTH = 32;
    /** Inflated bytes of the document's Flate streams together (images aside). */
    static final long MAX_CONTENT_BYTES = 64L * 1024 * 1024;

    private PdfBounds() {}

    /**
     * Counts what the file's Flate streams inflate to, from its raw bytes and before PDFBox parses it: PDFBox 3
     * inflates a stream whole into memory (object streams while loading, content streams and fonts while reading
     * pages), so a bomb must be refused before PDFBox sees it. Every stream whose dictionary names FlateDecode is
     * inflated through a bounded buffer (once per FlateDecode in its filter chain) and never held; images are skipped,
     * as nothing here decodes them.
     *
     * @throws UnreadableDocumentException when the streams inflate to more than {@link #MAX_CONTENT_BYTES}
     */
    static void checkStreams(byte[] pdf) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int at = indexOf(pdf, STREAM, 0); at >= 0; at = indexOf(pdf, STREAM, at + STREAM.length)) {
            int data = at + STREAM.length;
            if (data < pdf.length && pdf[data] == '\r') data++;
            if (data >= pdf.length || pdf[data] != '\n') continue; // "endstream", or not a stream keyword
            if (at >= 3 && pdf[at - 3] == 'e' && pdf[at - 2] == 'n' && pdf[at - 1] == 'd') continue;
            String dictionary = dictionaryBefore(pdf, at);
            int flates = count(dictionary, "/FlateDecode") + count(dictionary, "/Fl ") + count(dictionary, "/Fl]");
            if (flates == 0 || dictionary.contains("/Image")) continue;
            try {
                InputStream in = new ByteArrayInputStream(pdf, data + 1, pdf.length - data - 1);
                for (int k = 0; k < Math.min(flates, 4); k++) in = new InflaterInputStream(in);
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > MAX_CONTENT_BYTES) {
                        throw new UnreadableDocumentException("the PDF's streams inflate to more than "
                                + MAX_CONTENT_BYTES / (1024 * 1024) + " MB: refused as a PDF bomb");
                    }
                }
            } catch (IOException e) {
                // Corrupt or encrypted data: PDFBox reports it, or reads what it can, within the same bound.
            }
        }
    }

    private static final byte[] STREAM = "stream".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** How far back from "stream" its dictionary is looked for. */
    private static final int DICTIONARY_REACH = 4096;

    /** The text from the last "obj" (or the reach) up to the stream keyword: the stream's dictionary. */
    private static String dictionaryBefore(byte[] pdf, int at) {
        int from = Math.max(0, at - DICTIONARY_REACH);
        for (int i = at - 3; i >= from; i--) {
            if (pdf[i] == 'o' && pdf[i + 1] == 'b' && pdf[i + 2] == 'j') {
                from = i;
                break;
            }
        }
        return new String(pdf, from, at - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) n++;
        return n;
    }

    private static int indexOf(byte[] data, byte[] word, int from) {
        outer:
        for (int i = from; i <= data.length - word.length; i++) {
            for (int k = 0; k < word.length; k++) if (data[i + k] != word[k]) continue outer;
            return i;
        }
        return -1;
    }

    /** @throws UnreadableDocumentException when the page tree is too deep */
    static void check(PDDocument document) {
        checkPageTree(document);
    }

    /** Walks the page tree from the root without recursion, refusing one deeper than {@link #MAX_TREE_DEPTH}. */
    private static void checkPageTree(PDDocument document) {
        COSBase root = document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.PAGES);
        if (!(root instanceof COSDictionary pages)) return;
        Deque<COSDictionary> level = new ArrayDeque<>();
        level.add(pages);
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int depth = 0; !level.isEmpty(); depth++) {
            if (depth > MAX_TREE_DEPTH) {
                throw new UnreadableDocumentException("the PDF's page tree is nested more than " + MAX_TREE_DEPTH
                        + " levels deep: refused as a PDF bomb");
            }
            Deque<COSDictionary> next = new ArrayDeque<>();
            for (COSDictionary node : level) {
                if (!seen.add(node)) continue;
                if (!(node.getDictionaryObject(COSName.KIDS) instanceof COSArray kids)) continue;
                for (int i = 0; i < kids.size(); i++) {
                    COSBase kid = kids.getObject(i);
                    if (kid instanceof COSDictionary d && d.containsKey(COSName.KIDS)) next.add(d);
                }
                if (seen.size() > PdfText.MAX_PAGES * 8) {
                    throw new UnreadableDocumentException("the PDF's page tree has more than " + PdfText.MAX_PAGES * 8
                            + " nodes: refused as a PDF bomb");
                }
            }
            level = next;
        }
    }
}
