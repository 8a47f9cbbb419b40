package org.gongkai.parsing;

import java.util.List;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Part;
import org.gongkai.canonical.Source;

/**
 * Text extracted from a paged document (PDF, Word), already normalized, with the page each stretch of it was
 * printed on: the same flattened text the HTML path produces (a table row is one line of tab-separated cells), so
 * one table reader serves every format.
 *
 * @param text the normalized text every figure's offsets will refer to
 * @param pages the pages in order, each the offset range of its text; empty when the format has no pages (Word)
 * @param title the document's title when the layout shows it (the large lines heading the first page), else null
 */
public record PagedText(String text, List<Page> pages, String title) {

    /** One page: its number (1-based) and the range {@code [start, end)} of its text. */
    public record Page(int number, int start, int end) {}

    public PagedText {
        pages = List.copyOf(pages);
    }

    /** The same text without page numbers (a format whose pages are not fixed, such as Word). */
    public PagedText withoutPages() {
        return new PagedText(text, List.of(), title);
    }

    /** The page on which the character at {@code offset} was printed, or null when the text has no pages. */
    public Integer pageAt(int offset) {
        int lo = 0;
        int hi = pages.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Page p = pages.get(mid);
            if (offset < p.start()) hi = mid - 1;
            else if (offset >= p.end()) lo = mid + 1;
            else return p.number();
        }
        return null;
    }

    /** The figure with the page of its source (and of its parts' sources) filled in. */
    public Figure located(Figure figure) {
        Source source = figure.source();
        if (source != null && source.start() != null && source.page() == null) {
            Integer page = pageAt(source.start());
            if (page != null) source = source.onPage(page);
        }
        List<Part> parts = figure.parts().isEmpty()
                ? figure.parts()
                : figure.parts().stream()
                        .map(p -> new Part(p.label(), located(p.figure())))
                        .toList();
        return new Figure(figure.value(), figure.bound(), source, parts, figure.note());
    }

    /** Joins pages of normalized text with one blank line between them, recording each page's range. */
    public static PagedText ofPages(List<String> pageTexts, String title) {
        StringBuilder out = new StringBuilder();
        List<Page> pages = new java.util.ArrayList<>();
        for (int i = 0; i < pageTexts.size(); i++) {
            String page = TextNormalizer.normalize(pageTexts.get(i));
            if (page.isEmpty()) continue;
            if (out.length() > 0) out.append('\n');
            int start = out.length();
            out.append(page);
            pages.add(new Page(i + 1, start, out.length()));
        }
        return new PagedText(out.toString(), pages, title);
    }
}
