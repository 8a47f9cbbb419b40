package org.gongkai.parsing.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.gongkai.parsing.input.NeedsOcrException;
import org.gongkai.parsing.input.RawPages;
import org.gongkai.parsing.input.UnreadableDocumentException;

/**
 * A PDF's text layer as the flattened text every other format becomes (the parser's PagedText), page by page:
 * characters with their positions and the ruling lines come from PDFBox, tables are rebuilt from the lines
 * ({@link PdfTableGrid}), a table broken across pages continues without its repeated header, and the large lines
 * heading the first page (all in the first line's size) are joined into one title line.
 */
public final class PdfText {

    /** More pages than any annual report has; a longer PDF is refused rather than read for minutes. */
    static final int MAX_PAGES = 300;
    /** Main memory PDFBox may use for the streams it creates while reading (decoded images, scratch). */
    static final long MAX_STREAM_CACHE = 32L * 1024 * 1024;
    /** Fewer printable characters than this in the whole file: no text layer (a scan). */
    private static final int MIN_CHARACTERS = 20;
    /** A title line is set this much larger than the body text. */
    private static final float TITLE_SCALE = 1.15f;

    private PdfText() {}

    /**
     * Reads the text layer of a PDF.
     *
     * @throws NeedsOcrException when the PDF has no text layer (pages of images)
     * @throws UnreadableDocumentException when the bytes are not a PDF PDFBox can open, or it is encrypted
     */
    public static RawPages read(byte[] bytes) {
        PdfBounds.checkStreams(bytes);
        // Streams PDFBox creates are cached in main memory, up to a bound; reading the file itself never copies it.
        try (PDDocument document = Loader.loadPDF(
                bytes, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(MAX_STREAM_CACHE).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) throw new UnreadableDocumentException("the PDF has no pages");
            if (pages > MAX_PAGES) {
                throw new UnreadableDocumentException(
                        "the PDF has " + pages + " pages, more than the " + MAX_PAGES + " an annual report may have");
            }
            PdfBounds.check(document);
            List<PageContent> contents = new ArrayList<>(pages);
            GlyphCollector glyphs = new GlyphCollector();
            int characters = 0;
            int images = 0;
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                PDRectangle box = page.getCropBox();
                RulingCollector rulings = new RulingCollector(page);
                List<Ruling> lines = rulings.collect();
                images += rulings.images();
                // Lines are in the page's own coordinates, the text in the displayed ones: on a rotated page the
                // two disagree, so its tables are read as text lines (space-separated cells) instead.
                if (page.getRotation() % 360 != 0) lines = List.of();
                List<Glyph> g = glyphs.collect(document, i + 1);
                characters += g.size();
                contents.add(new PageContent(i + 1, box.getWidth(), box.getHeight(), g, lines));
            }
            int unmapped = unmapped(contents);
            if (characters >= MIN_CHARACTERS && unmapped * 2 > characters) {
                throw new NeedsOcrException("the PDF's text layer does not map its fonts to Unicode (" + unmapped
                        + " of " + characters + " characters unreadable): only OCR could read it, which this service"
                        + " does not do");
            }
            if (characters < MIN_CHARACTERS) {
                throw new NeedsOcrException("the PDF has no text layer (" + pages + " page(s), " + characters
                        + " character(s), " + images + " image(s)): it is a scan and needs OCR, which this service"
                        + " does not do; send the text or a PDF with a text layer");
            }
            return layOut(contents);
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("the PDF is encrypted with a password: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UnreadableDocumentException("not a readable PDF: " + e.getMessage(), e);
        }
    }

    static RawPages layOut(List<PageContent> pages) {
        float bodySize = bodySize(pages.get(0));
        List<StringBuilder> texts = new ArrayList<>(pages.size());
        String title = null;
        List<List<String>> chainHeader = null;
        boolean previousEndedInTable = false;
        List<String> lastRow = null;
        for (PageContent page : pages) {
            List<PageLayout.Block> blocks = PageLayout.blocks(page);
            StringBuilder out = new StringBuilder();
            float margin = rightMargin(blocks);
            TextLines.Line previousLine = null;
            int first = 0;
            if (page.number() == 1) {
                StringBuilder t = new StringBuilder();
                float titleSize = blocks.isEmpty() || !(blocks.get(0) instanceof PageLayout.TextBlock tb0)
                        ? 0
                        : tb0.line().size();
                while (titleSize >= bodySize * TITLE_SCALE
                        && first < blocks.size()
                        && blocks.get(first) instanceof PageLayout.TextBlock tb
                        && Math.abs(tb.line().size() - titleSize) <= 0.5f) {
                    t.append(tb.line().text());
                    first++;
                }
                if (t.length() > 0) {
                    title = t.toString();
                    out.append(title).append('\n');
                }
            }
            for (int b = first; b < blocks.size(); b++) {
                PageLayout.Block block = blocks.get(b);
                if (block instanceof PageLayout.TableBlock tb) {
                    List<List<String>> rows = tb.table().rows();
                    boolean continuesTable = b == 0 && previousEndedInTable && chainHeader != null;
                    if (continuesTable) rows = withoutRepeatedHeader(rows, chainHeader);
                    else chainHeader = rows;
                    if (continuesTable && !rows.isEmpty() && lastRow != null && splitRow(lastRow, rows.get(0))) {
                        // The row the page break cut in two: its second half joins the first, on the page where
                        // the row's numbers are.
                        StringBuilder previous = texts.get(texts.size() - 1);
                        String line = String.join("\t", lastRow) + "\n";
                        if (previous.length() >= line.length()
                                && previous.substring(previous.length() - line.length())
                                        .equals(line)) {
                            previous.setLength(previous.length() - line.length());
                            previous.append(String.join("\t", joinedRow(lastRow, rows.get(0))))
                                    .append('\n');
                            rows = rows.subList(1, rows.size());
                        }
                    }
                    newline(out);
                    for (List<String> row : rows)
                        out.append(String.join("\t", row)).append('\n');
                    if (!rows.isEmpty()) lastRow = rows.get(rows.size() - 1);
                    previousLine = null;
                } else if (block instanceof PageLayout.TextBlock tb) {
                    TextLines.Line line = tb.line();
                    if (previousLine != null && PageLayout.continues(previousLine, line, margin)) {
                        char last = out.length() == 0 ? ' ' : out.charAt(out.length() - 1);
                        String text = line.text();
                        if (TextLines.isLatin(last) && TextLines.isLatin(text.charAt(0))) out.append(' ');
                        out.append(text);
                    } else {
                        newline(out);
                        out.append(line.text());
                    }
                    previousLine = line;
                }
            }
            previousEndedInTable = !blocks.isEmpty() && blocks.get(blocks.size() - 1) instanceof PageLayout.TableBlock;
            texts.add(out);
        }
        return new RawPages(texts.stream().map(StringBuilder::toString).toList(), title, true);
    }

    /**
     * Whether {@code first}, the first row of a table continued on a new page, is the rest of {@code last}, the
     * row the page break cut (a label wrapped over more lines than fit): it holds no number, the cut row holds
     * some, and it has text only in the cut row's label cells (never under a number). A row of its own, even a
     * label-only one, starts with its item number (3.其他) or prints where the cut row has numbers.
     */
    static boolean splitRow(List<String> last, List<String> first) {
        if (last.size() != first.size()) return false;
        boolean numbers = false;
        boolean text = false;
        for (int c = 0; c < last.size(); c++) {
            String above = last.get(c);
            String below = first.get(c);
            boolean number = NUMBER.matcher(above.strip()).matches();
            numbers |= number;
            if (below.isBlank()) continue;
            if (hasDigitOnly(below) || number || above.isBlank()) return false;
            if (ITEM.matcher(below.strip()).find()) return false; // 3.其他, （七）总计: a row label of its own
            text = true;
        }
        return numbers && text;
    }

    private static final java.util.regex.Pattern ITEM =
            java.util.regex.Pattern.compile("^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\\d]+[)）]|\\d+[.、．])");

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+\\-]?\\d[\\d,.]*%?");

    private static boolean hasDigitOnly(String cell) {
        return NUMBER.matcher(cell.strip()).matches();
    }

    /** The two halves of a cut row as one row: each cell's text continued by the text below it. */
    static List<String> joinedRow(List<String> last, List<String> first) {
        List<String> row = new ArrayList<>(last.size());
        for (int c = 0; c < last.size(); c++) {
            String a = last.get(c);
            String b = first.get(c);
            boolean space = !a.isEmpty()
                    && !b.isEmpty()
                    && TextLines.isLatin(a.charAt(a.length() - 1))
                    && TextLines.isLatin(b.charAt(0));
            row.add(b.isEmpty() ? a : a + (space ? " " : "") + b);
        }
        return row;
    }

    /**
     * A table continued on a new page often repeats its header rows; they are dropped when they equal the first
     * rows of the table as it began, and hold no number, so that no data row is ever dropped.
     */
    static List<List<String>> withoutRepeatedHeader(List<List<String>> rows, List<List<String>> header) {
        int k = 0;
        while (k < rows.size() && k < header.size() && rows.get(k).equals(header.get(k)) && !hasDigit(rows.get(k))) {
            k++;
        }
        return rows.subList(k, rows.size());
    }

    private static boolean hasDigit(List<String> row) {
        for (String cell : row)
            for (int i = 0; i < cell.length(); i++) if (Character.isDigit(cell.charAt(i))) return true;
        return false;
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
    }

    /** Characters that a font without a Unicode map leaves as private-use, replacement or control codes. */
    private static int unmapped(List<PageContent> pages) {
        int n = 0;
        for (PageContent page : pages) {
            for (Glyph g : page.glyphs()) {
                char c = g.text().charAt(0);
                if (c == '\uFFFD' || (c >= '\uE000' && c <= '\uF8FF') || Character.isISOControl(c)) n++;
            }
        }
        return n;
    }

    /** The right edge of the page's text lines: a line reaching it was wrapped. */
    private static float rightMargin(List<PageLayout.Block> blocks) {
        float margin = 0;
        for (PageLayout.Block b : blocks) {
            if (b instanceof PageLayout.TextBlock tb)
                margin = Math.max(margin, tb.line().right());
        }
        return margin;
    }

    /** The median font size of the first page: the body text's. */
    private static float bodySize(PageContent page) {
        if (page.glyphs().isEmpty()) return Float.MAX_VALUE;
        float[] sizes = new float[page.glyphs().size()];
        for (int i = 0; i < sizes.length; i++) sizes[i] = page.glyphs().get(i).size();
        Arrays.sort(sizes);
        return sizes[sizes.length / 2];
    }
}
