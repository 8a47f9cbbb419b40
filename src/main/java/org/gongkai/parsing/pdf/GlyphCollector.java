package org.gongkai.parsing.pdf;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Collects every character a page prints with its position, through PDFBox's text stripper (which already maps
 * fonts to Unicode and drops the duplicate glyphs of fake bold); the layout is rebuilt by {@link PageLayout}.
 */
final class GlyphCollector extends PDFTextStripper {

    private final List<Glyph> glyphs = new ArrayList<>();

    /** The characters of one page (1-based), in content-stream order. */
    List<Glyph> collect(PDDocument document, int page) throws IOException {
        glyphs.clear();
        setStartPage(page);
        setEndPage(page);
        writeText(document, Writer.nullWriter());
        return List.copyOf(glyphs);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        for (TextPosition p : positions) {
            String unicode = p.getUnicode();
            if (unicode == null || unicode.isBlank()) continue;
            float size = p.getFontSizeInPt();
            float height = Math.max(p.getHeightDir(), size * 0.7f);
            // Character spacing inflates the advance width of spaced-out (stacked) labels; the glyph itself is at
            // most an em wide, and its middle must fall in the cell it is printed in.
            float width = size > 0 ? Math.min(p.getWidthDirAdj(), size) : p.getWidthDirAdj();
            // getYDirAdj is the baseline; the glyph's box reaches up from it.
            glyphs.add(new Glyph(unicode, p.getXDirAdj(), p.getYDirAdj() - height, width, height, size));
        }
    }
}
