package org.gongkai.parsing.pdf;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws test PDFs with PDFBox itself: text lines and ruled tables whose cells may span rows and columns and hold
 * several lines, in a CJK TrueType font installed by {@code scripts/install-cjk-font.sh}.
 */
final class DrawnPdf implements AutoCloseable {

    /** WenQuanYi Zen Hei (Debian fonts-wqy-zenhei): TrueType outlines, which PDFBox can embed. */
    static final File CJK_FONT = new File("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    static final float LEFT = 60;
    static final float LINE = 12;

    /** A table cell: grid position, spans, and its lines of text top to bottom. */
    record Cell(int row, int col, int rowSpan, int colSpan, List<String> lines) {
        static Cell of(int row, int col, String... lines) {
            return new Cell(row, col, 1, 1, List.of(lines));
        }

        static Cell span(int row, int col, int rowSpan, int colSpan, String... lines) {
            return new Cell(row, col, rowSpan, colSpan, List.of(lines));
        }
    }

    private final PDDocument document = new PDDocument();
    private final TrueTypeCollection collection;
    private final PDType0Font font;
    private PDPageContentStream page;
    private float y;

    private DrawnPdf(File fontFile) throws IOException {
        collection = new TrueTypeCollection(fontFile);
        TrueTypeFont ttf = collection.getFontByName("WenQuanYiZenHei");
        if (ttf == null) {
            List<TrueTypeFont> all = new ArrayList<>();
            collection.processAllFonts(all::add);
            ttf = all.get(0);
        }
        font = PDType0Font.load(document, ttf, true);
    }

    /** A drawing with the CJK font, or empty when the font is not installed on this machine. */
    static Optional<DrawnPdf> withCjkFont() {
        if (!CJK_FONT.isFile()) return Optional.empty();
        try {
            return Optional.of(new DrawnPdf(CJK_FONT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DrawnPdf newPage() throws IOException {
        if (page != null) page.close();
        PDPage p = new PDPage(PDRectangle.A4);
        document.addPage(p);
        page = new PDPageContentStream(document, p);
        y = PDRectangle.A4.getHeight() - 60;
        return this;
    }

    DrawnPdf text(String s, float size) throws IOException {
        y -= size * 1.6f;
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(LEFT, y);
        page.showText(s);
        page.endText();
        return this;
    }

    /**
     * A ruled table below the current position: {@code widths} per column, {@code heights} per row; each cell's
     * border is stroked, so a merged cell has no line inside it.
     */
    DrawnPdf table(float[] widths, float[] heights, List<Cell> cells) throws IOException {
        float top = y - 8;
        float[] xs = new float[widths.length + 1];
        xs[0] = LEFT;
        for (int i = 0; i < widths.length; i++) xs[i + 1] = xs[i] + widths[i];
        float[] ys = new float[heights.length + 1];
        ys[0] = top;
        for (int i = 0; i < heights.length; i++) ys[i + 1] = ys[i] - heights[i];
        page.setLineWidth(0.5f);
        for (Cell c : cells) {
            float x0 = xs[c.col()];
            float x1 = xs[c.col() + c.colSpan()];
            float y0 = ys[c.row()];
            float y1 = ys[c.row() + c.rowSpan()];
            page.addRect(x0, y1, x1 - x0, y0 - y1);
            page.stroke();
            float ty = y0 - 3;
            for (String line : c.lines()) {
                ty -= 9;
                page.beginText();
                page.setFont(font, 8);
                page.newLineAtOffset(x0 + 2, ty);
                page.showText(line);
                page.endText();
                ty -= 1;
            }
        }
        y = ys[ys.length - 1] - 6;
        return this;
    }

    byte[] bytes() throws IOException {
        if (page != null) page.close();
        page = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        document.close();
        collection.close();
    }
}
