package org.gongkai.parsing;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns HTML into plain lines: block elements end lines, and each table row becomes one line of tab-separated cells
 * with rowspan and colspan expanded, so every cell sits under its column labels and beside its row labels.
 */
final class HtmlFlattener {

    private static final Pattern HTML_START =
            Pattern.compile("(?i)<(html|table|body|!doctype\\s+html|head|tr|td|div|p)[\\s>]");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "noscript", "template", "svg");
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "td",
            "th",
            "table",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "section",
            "article",
            "header",
            "footer",
            "tr",
            "dd",
            "dt",
            "dl",
            "blockquote",
            "pre",
            "hr",
            "form",
            "center",
            "address",
            "caption",
            "nav",
            "aside",
            "main",
            "figure",
            "figcaption");
    /** Caps keep a hostile rowspan="99999" from allocating millions of cells; real forms span far less. */
    private static final int MAX_COLSPAN = 30;

    private static final int MAX_ROWSPAN = 200;

    private static final int MAX_COLUMNS = 200;

    /** A cell longer than this holds prose, so its table lays out a page rather than holding data. */
    private static final int MAX_DATA_CELL = 150;

    private HtmlFlattener() {}

    static boolean looksLikeHtml(String head) {
        return HTML_START.matcher(head).find();
    }

    /** The page title (from {@code <title>}) and the flattened body text. */
    record Flattened(String title, String text) {}

    static Flattened flatten(String html) {
        Document doc = Jsoup.parse(html);
        StringBuilder out = new StringBuilder(html.length() / 2);
        Element body = doc.body();
        if (body != null) {
            NodeTraversor.filter(
                    new NodeFilter() {
                        @Override
                        public FilterResult head(Node node, int depth) {
                            if (node instanceof TextNode t) {
                                appendInline(out, t.getWholeText());
                                return FilterResult.CONTINUE;
                            }
                            if (node instanceof Element e) {
                                String tag = e.normalName();
                                if (SKIPPED.contains(tag)) return FilterResult.SKIP_ENTIRELY;
                                // A layout table (holding other tables or paragraphs) is read as blocks, not as a grid.
                                if (tag.equals("table")
                                        && e.getElementsByTag("table").size() == 1
                                        && appendTable(out, e)) {
                                    return FilterResult.SKIP_ENTIRELY;
                                }
                                if (BLOCKS.contains(tag)) newline(out);
                            }
                            return FilterResult.CONTINUE;
                        }

                        @Override
                        public FilterResult tail(Node node, int depth) {
                            if (node instanceof Element e && BLOCKS.contains(e.normalName())) newline(out);
                            return FilterResult.CONTINUE;
                        }
                    },
                    body);
        }
        return new Flattened(doc.title(), out.toString());
    }

    private static void appendInline(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
        }
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
    }

    /**
     * Appends a data table as tab-separated grid lines; returns false, appending nothing, for a layout table (one
     * whose cells hold whole paragraphs), which the caller then reads as blocks.
     */
    private static boolean appendTable(StringBuilder out, Element table) {
        List<Element> rows = rowsOf(table);
        Map<Element, String> texts = new IdentityHashMap<>();
        for (Element row : rows) {
            for (Element cell : row.children()) {
                String tag = cell.normalName();
                if (!tag.equals("td") && !tag.equals("th")) continue;
                String text = cellText(cell);
                if (text.length() > MAX_DATA_CELL) return false;
                texts.put(cell, text);
            }
        }
        newline(out);
        String[] carriedText = new String[MAX_COLUMNS];
        int[] carriedRows = new int[MAX_COLUMNS];
        List<String> line = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            line.clear();
            int col = 0;
            for (Element cell : rows.get(r).children()) {
                String tag = cell.normalName();
                if (!tag.equals("td") && !tag.equals("th")) continue;
                col = fillCarried(line, col, carriedText, carriedRows);
                String text = texts.get(cell);
                int colspan = span(cell.attr("colspan"), MAX_COLSPAN);
                int rowspan = span(cell.attr("rowspan"), Math.min(MAX_ROWSPAN, rows.size() - r));
                for (int k = 0; k < colspan && col < MAX_COLUMNS; k++, col++) {
                    line.add(text);
                    if (rowspan > 1) {
                        carriedText[col] = text;
                        carriedRows[col] = rowspan - 1;
                    }
                }
            }
            // Cells carried down at the end of the row.
            for (int c = col; c < MAX_COLUMNS; c++) {
                if (carriedRows[c] > 0) {
                    while (col < c) {
                        line.add("");
                        col++;
                    }
                    col = fillCarried(line, col, carriedText, carriedRows);
                }
            }
            if (line.isEmpty()) continue;
            out.append(String.join("\t", line)).append('\n');
        }
        return true;
    }

    private static int fillCarried(List<String> line, int col, String[] carriedText, int[] carriedRows) {
        while (col < MAX_COLUMNS && carriedRows[col] > 0) {
            line.add(carriedText[col]);
            carriedRows[col]--;
            col++;
        }
        return col;
    }

    private static List<Element> rowsOf(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            String tag = child.normalName();
            if (tag.equals("tr")) rows.add(child);
            else if (tag.equals("thead") || tag.equals("tbody") || tag.equals("tfoot")) {
                for (Element tr : child.children()) if (tr.normalName().equals("tr")) rows.add(tr);
            }
        }
        return rows;
    }

    private static String cellText(Element cell) {
        String text = cell.text();
        return text.indexOf('\t') >= 0 ? text.replace('\t', ' ') : text;
    }

    private static int span(String attr, int max) {
        if (attr == null || attr.isEmpty()) return 1;
        int v = 0;
        for (int i = 0; i < attr.length() && i < 6; i++) {
            char c = attr.charAt(i);
            if (c < '0' || c > '9') break;
            v = v * 10 + (c - '0');
        }
        return Math.max(1, Math.min(v, Math.max(1, max)));
    }
}
