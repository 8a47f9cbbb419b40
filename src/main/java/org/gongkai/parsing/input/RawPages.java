package org.gongkai.parsing.input;

import java.util.List;

/**
 * The text a PDF or Word reader took from a file, before the parser normalizes it: one string a page (the flattened
 * rows of cells the HTML path also produces), the title as printed, and whether the pages are real printed pages
 * (a PDF) or one flow with no pages (Word).
 */
public record RawPages(List<String> pages, String title, boolean paged) {

    public RawPages {
        pages = List.copyOf(pages);
    }
}
