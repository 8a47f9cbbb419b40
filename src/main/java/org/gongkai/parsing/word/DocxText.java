package org.gongkai.parsing.word;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.gongkai.parsing.input.RawPages;
import org.gongkai.parsing.input.UnreadableDocumentException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A Word 2007+ file ({@code .docx}) as flattened text through Apache POI: paragraphs as lines, tables as tables,
 * each row one line of tab-separated cells with horizontal merges ({@code w:gridSpan}) repeated across the columns
 * they span and vertical merges ({@code w:vMerge}) carried down, as the HTML path expands colspan and rowspan. A
 * .docx has no fixed pages, so its figures have none.
 */
public final class DocxText {

    /**
     * An inflated part larger than this is a zip bomb, not a report: a report's document.xml is a few hundred
     * kilobytes, and POI holds the part's XML tree in memory (several times its size).
     */
    static final long MAX_ENTRY_BYTES = 16L * 1024 * 1024;
    /** A part inflating more than 100-fold (compressed size under 1 % of the inflated one) is a zip bomb. */
    static final double MIN_INFLATE_RATIO = 0.01;

    private static final int MAX_COLUMNS = 200;
    /** A cell longer than this holds prose: its table lays out a page rather than holding data. */
    private static final int MAX_DATA_CELL = 150;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    }

    private DocxText() {}

    public static RawPages read(byte[] bytes) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder out = new StringBuilder();
            for (IBodyElement element : doc.getBodyElements()) append(out, element);
            return new RawPages(List.of(out.toString()), null, false);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException("not a readable Word (.docx) document: " + e.getMessage(), e);
        }
    }

    private static void append(StringBuilder out, IBodyElement element) {
        if (element instanceof XWPFParagraph p) {
            line(out, p.getText());
        } else if (element instanceof XWPFTable t) {
            appendTable(out, t);
        } else if (element instanceof XWPFSDT sdt) {
            for (String l : sdt.getContent().getText().split("\n")) line(out, l);
        }
    }

    private static void line(StringBuilder out, String text) {
        out.append(text.replace('\t', ' ')).append('\n');
    }

    private static void appendTable(StringBuilder out, XWPFTable table) {
        List<List<String>> rows = new ArrayList<>();
        String[] above = new String[MAX_COLUMNS];
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            int col = 0;
            for (int k = 0; k < gridBefore(row); k++) cells.add(""); // cells the row skips at its start
            col = cells.size();
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr pr = cell.getCTTc().getTcPr();
                int span = pr != null && pr.getGridSpan() != null
                        ? span(pr.getGridSpan().getVal())
                        : 1;
                boolean continued = pr != null
                        && pr.getVMerge() != null
                        && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE);
                String text = continued && col < MAX_COLUMNS && above[col] != null ? above[col] : cellText(cell);
                for (int k = 0; k < span && col < MAX_COLUMNS; k++, col++) {
                    cells.add(text);
                    above[col] = text;
                }
            }
            rows.add(cells);
        }
        boolean layout = rows.stream().flatMap(List::stream).anyMatch(c -> c.length() > MAX_DATA_CELL);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
        for (List<String> cells : rows) {
            if (layout) {
                // A layout table (whole paragraphs in its cells) reads as the paragraphs it holds.
                for (String c : cells) line(out, c);
            } else if (cells.stream().anyMatch(c -> !c.isBlank())) {
                out.append(String.join("\t", cells)).append('\n');
            }
        }
    }

    /** A cell's paragraphs joined as one label: a label wrapped by hand (商业企 / 业) is one word again. */
    private static String cellText(XWPFTableCell cell) {
        StringBuilder b = new StringBuilder();
        for (XWPFParagraph p : cell.getParagraphs()) {
            // A line break inside a cell wraps its label (结果 / 纠正): one word again, as in the PDF path.
            String t = p.getText()
                    .replace('\t', ' ')
                    .replace("\n", "")
                    .replace("\r", "")
                    .strip();
            if (t.isEmpty()) continue;
            if (b.length() > 0 && isLatin(b.charAt(b.length() - 1)) && isLatin(t.charAt(0))) b.append(' ');
            b.append(t);
        }
        for (XWPFTable nested : cell.getTables()) {
            for (XWPFTableRow r : nested.getRows())
                for (XWPFTableCell c : r.getTableCells()) b.append(' ').append(cellText(c));
        }
        return b.toString().strip();
    }

    private static int gridBefore(XWPFTableRow row) {
        CTTrPr pr = row.getCtRow().getTrPr();
        if (pr == null || pr.sizeOfGridBeforeArray() == 0) return 0;
        return span(pr.getGridBeforeArray(0).getVal());
    }

    private static int span(BigInteger v) {
        if (v == null) return 1;
        return Math.max(1, Math.min(v.intValue(), 30));
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
