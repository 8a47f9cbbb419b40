package org.gongkai.parsing.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.gongkai.parsing.input.UnreadableDocumentException;

/**
 * Bounds on what a PDF may make PDFBox do, checked before its pages are read, so that a hostile file (a PDF bomb)
 * is refused in milliseconds rather than read for minutes or into an overflowing stack: the page tree's depth (PDFBox
 * walks it recursively), and the bytes its content streams and form XObjects inflate to (a Flate stream of one
 * megabyte can inflate to a gigabyte of operators). Counted by streaming each one through PDFBox's own decoders,
 * never holding it; real annual reports stay far below both.
 */
final class PdfBounds {

    /** Levels of /Pages nodes above a page; real files have a handful. */
    static final int MAX_TREE_DEPTH = 32;
    /** Decoded bytes of every content stream and form XObject of the document together. */
    static final long MAX_CONTENT_BYTES = 64L * 1024 * 1024;
    /** Form XObjects nested in one another (a form that draws a form ...). */
    private static final int MAX_FORM_DEPTH = 12;

    private long contentBytes;
    private final Set<COSStream> counted = Collections.newSetFromMap(new IdentityHashMap<>());

    private PdfBounds() {}

    /** @throws UnreadableDocumentException when the document exceeds a bound */
    static void check(PDDocument document) throws IOException {
        checkPageTree(document);
        PdfBounds bounds = new PdfBounds();
        for (PDPage page : document.getPages()) {
            if (page.hasContents()) {
                try (InputStream in = page.getContents()) {
                    bounds.count(in);
                }
            }
            bounds.countForms(page.getResources(), 0);
        }
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

    private void countForms(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > MAX_FORM_DEPTH) return;
        for (COSName name : resources.getXObjectNames()) {
            COSBase raw = resources.getCOSObject().getCOSDictionary(COSName.XOBJECT) == null
                    ? null
                    : resources.getCOSObject().getCOSDictionary(COSName.XOBJECT).getItem(name);
            if (raw instanceof COSObject o) raw = o.getObject();
            if (!(raw instanceof COSStream stream) || !COSName.FORM.equals(stream.getCOSName(COSName.SUBTYPE)))
                continue;
            if (!counted.add(stream)) continue;
            try (InputStream in = stream.createInputStream()) {
                count(in);
            }
            PDXObject form = resources.getXObject(name);
            if (form instanceof PDFormXObject f) countForms(f.getResources(), depth + 1);
        }
    }

    private void count(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            contentBytes += n;
            if (contentBytes > MAX_CONTENT_BYTES) {
                throw new UnreadableDocumentException("the PDF's content streams inflate to more than "
                        + MAX_CONTENT_BYTES / (1024 * 1024) + " MB: refused as a PDF bomb");
            }
        }
    }
}
