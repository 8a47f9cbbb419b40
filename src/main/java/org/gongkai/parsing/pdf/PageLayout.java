package org.gongkai.parsing.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lays one page out as flattened text: ruled tables as tab-separated rows, the other characters as lines in
 * reading order, a paragraph's wrapped lines joined back into one line, page numbers ("- 3 -") dropped.
 */
final class PageLayout {

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[-—–]\\s*\\d{1,4}\\s*[-—–]|第\\s*\\d{1,4}\\s*页(?:\\s*共\\s*\\d{1,4}\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4})$");
    /** A bare number is a page number only in the page's bottom margin; elsewhere it may be a value. */
    private static final Pattern BARE_NUMBER = Pattern.compile("^\\d{1,4}$");

    private static final float FOOTER_SHARE = 0.9f;
    /** A line starting like this begins a new paragraph or heading, never continues the one before. */
    private static final Pattern PARAGRAPH_START =
            Pattern.compile("^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\\d]+[)）]|\\d+[.、]|附件|附表)");
    /** A line ending in one of these ends its paragraph. */
    private static final String PARAGRAPH_ENDS = "。：:；;！!？?";

    /** One block of a page, top to bottom: a text line or a table. */
    sealed interface Block permits TextBlock, TableBlock {
        float top();
    }

    record TextBlock(TextLines.Line line) implements Block {
        @Override
        public float top() {
            return line.top();
        }
    }

    record TableBlock(PdfTableGrid table) implements Block {
        @Override
        public float top() {
            return table.top();
        }
    }

    private PageLayout() {}

    /** The page's blocks in reading order; the page's characters are taken by its tables or its lines. */
    static List<Block> blocks(PageContent page) {
        List<PdfTableGrid> tables = PdfTableGrid.find(page.rulings());
        List<Glyph> free = new ArrayList<>();
        for (Glyph g : page.glyphs()) {
            boolean taken = false;
            for (PdfTableGrid t : tables) {
                if (t.take(g)) {
                    taken = true;
                    break;
                }
            }
            if (!taken) free.add(g);
        }
        List<Block> blocks = new ArrayList<>();
        for (PdfTableGrid t : tables) if (!t.rows().isEmpty()) blocks.add(new TableBlock(t));
        for (TextLines.Line l : TextLines.group(free)) {
            String t = l.text().strip();
            boolean footer = l.top() > page.height() * FOOTER_SHARE
                    && BARE_NUMBER.matcher(t).matches();
            if (!footer && !PAGE_NUMBER.matcher(t).matches()) blocks.add(new TextBlock(l));
        }
        blocks.sort((a, b) -> Float.compare(a.top(), b.top()));
        return blocks;
    }

    /**
     * Whether {@code next} continues the paragraph of {@code line}: the line runs to the right margin of the text
     * and does not end a sentence, and the next one does not start a heading.
     */
    static boolean continues(TextLines.Line line, TextLines.Line next, float rightMargin) {
        String text = line.text();
        String nextText = next.text();
        if (text.isEmpty() || nextText.isEmpty()) return false;
        if (line.right() < rightMargin - 1.5f * line.size()) return false;
        if (Math.abs(line.size() - next.size()) > 0.5f) return false;
        if (next.top() - line.bottom() > 1.5f * line.size()) return false;
        if (PARAGRAPH_ENDS.indexOf(text.charAt(text.length() - 1)) >= 0) return false;
        return !PARAGRAPH_START.matcher(nextText).find();
    }
}
