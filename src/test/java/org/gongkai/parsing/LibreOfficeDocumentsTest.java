package org.gongkai.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.exports.LibreOffice;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.tools.rendering.Layout;
import org.gongkai.tools.rendering.RandomReports;
import org.gongkai.tools.rendering.ReportRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known reports printed by a real tool and read back: random reports of both formats rendered as HTML, dressed for
 * an A5 page ({@link PrintedHtml}: header labels wrapped, 三、本年度办理结果 stacked one character per line, the
 * section-三 table broken across pages), then turned by headless LibreOffice Writer into a PDF, into a .docx, and
 * that .docx into a PDF. Every figure must come back with its value and bound, every PDF figure with its page.
 * Needs LibreOffice Writer ({@code scripts/install-libreoffice.sh}) and the CJK font
 * ({@code scripts/install-cjk-font.sh}); skipped, saying so, without them.
 */
class LibreOfficeDocumentsTest {

    private static final File CJK_FONT = new File("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    private static final String HTML_IMPORT = "HTML (StarWriter)";
    private static final String PDF_EXPORT = "pdf:writer_pdf_Export";
    private static final String DOCX_EXPORT = "docx:MS Word 2007 XML";
    private static final int TIMEOUT_SECONDS = 120;

    @TempDir
    static Path dir;

    private static final MetricCatalogue CATALOGUE = MetricCatalogue.standard();
    private static final DocumentParser PARSER = DocumentParser.standard();
    /** The known reports by name: one of each table format, seeds whose section-三 tables break across pages. */
    private static final Map<String, CanonicalReport> REPORTS = new LinkedHashMap<>();

    private static final Map<String, Path> HTML_PDFS = new LinkedHashMap<>();
    private static final Map<String, Path> DOCXS = new LinkedHashMap<>();
    private static final Map<String, Path> DOCX_PDFS = new LinkedHashMap<>();

    @BeforeAll
    static void printReports() throws Exception {
        String soffice = LibreOffice.find();
        assumeTrue(soffice != null, LibreOffice.MISSING.replace("Calc", "Writer"));
        assumeTrue(
                CJK_FONT.isFile(),
                "no CJK font at " + CJK_FONT
                        + ": run scripts/install-cjk-font.sh, LibreOffice needs it to set Chinese");
        REPORTS.put("r2021", new RandomReports(CATALOGUE, 42L).tableReport(ReportFormat.F2021));
        REPORTS.put("r2019", new RandomReports(CATALOGUE, 11L).tableReport(ReportFormat.F2019));
        ReportRenderer renderer = new ReportRenderer(CATALOGUE);
        Path out = dir.resolve("out");
        for (Map.Entry<String, CanonicalReport> e : REPORTS.entrySet()) {
            Path html = dir.resolve(e.getKey() + ".html");
            Files.writeString(html, PrintedHtml.styled(renderer.render(e.getValue(), Layout.HTML_TABLE)));
            HTML_PDFS.put(e.getKey(), convert(soffice, html, HTML_IMPORT, PDF_EXPORT, "pdf", out));
            Path docx = convert(soffice, html, HTML_IMPORT, DOCX_EXPORT, "docx", out);
            DOCXS.put(e.getKey(), docx);
            Path word = Files.copy(docx, dir.resolve(e.getKey() + "-word.docx"));
            DOCX_PDFS.put(e.getKey(), convert(soffice, word, null, PDF_EXPORT, "pdf", out));
        }
    }

    private static Path convert(String soffice, Path in, String importFilter, String export, String ext, Path out)
            throws IOException, InterruptedException {
        return LibreOffice.convert(soffice, in, importFilter, export, ext, out, TIMEOUT_SECONDS);
    }

    @Test
    void pdfPrintedFromHtmlReadsBackEveryFigureWithItsPage() throws IOException {
        for (String name : REPORTS.keySet()) assertReadsBack(name, HTML_PDFS.get(name), true);
    }

    @Test
    void docxSavedFromHtmlReadsBackEveryFigure() throws IOException {
        for (String name : REPORTS.keySet()) assertReadsBack(name, DOCXS.get(name), false);
    }

    @Test
    void pdfPrintedFromTheDocxReadsBackEveryFigureWithItsPage() throws IOException {
        for (String name : REPORTS.keySet()) assertReadsBack(name, DOCX_PDFS.get(name), true);
    }

    @Test
    void thePrintedPdfsWrapHeaderLabelsAndStackTheOutcomeLabel() throws IOException {
        // The features the round trips are about, checked on the PDFs LibreOffice wrote: 社会公益组织 set on more
        // than one line, 三、本年度办理结果 one character per line.
        // (The stacked label may itself be cut by the page break: lines are counted across pages.)
        for (Path pdf : allPdfs()) {
            Glyphs glyphs = glyphs(pdf);
            assertThat(glyphs.lines("社会公益组织")).as(pdf + ": lines of 社会公益组织").isGreaterThanOrEqualTo(2);
            assertThat(glyphs.lines("结果维持")).as(pdf + ": lines of 结果维持").isGreaterThanOrEqualTo(2);
            assertThat(glyphs.lines("三、本年度办理结果"))
                    .as(pdf + ": lines of 三、本年度办理结果")
                    .isEqualTo("三、本年度办理结果".length());
        }
    }

    private void assertReadsBack(String name, Path file, boolean paged) throws IOException {
        CanonicalReport known = REPORTS.get(name);
        ParsedDocument parsed = PARSER.parse(Files.readAllBytes(file), "application/octet-stream", Hints.none());
        String context = name + " from " + file.getFileName() + ":\n" + parsed.text();
        assertThat(parsed.report()).as(context).isNotNull();
        CanonicalReport back = parsed.report();
        assertThat(back.format()).as(context).isEqualTo(known.format());
        assertThat(back.agencyName()).as(context).isEqualTo(known.agencyName());
        assertThat(back.year()).as(context).isEqualTo(known.year());
        assertThat(values(back.figures())).as(context).isEqualTo(values(known.figures()));
        TreeSet<Integer> tablePages = new TreeSet<>();
        for (Map.Entry<String, Figure> e : back.figures().entrySet()) {
            Integer page = e.getValue().source().page();
            if (!paged) {
                assertThat(page).as(context + "\n" + e.getKey()).isNull();
                continue;
            }
            assertThat(page).as(context + "\n" + e.getKey()).isNotNull().isPositive();
            if (e.getKey().startsWith("requests.") || e.getKey().startsWith("outcome.")) tablePages.add(page);
        }
        // The section-三 table is broken across pages, and each of its rows keeps the page it is printed on.
        if (paged) assertThat(tablePages).as(context).hasSizeGreaterThanOrEqualTo(2);
    }

    /** Value and bound per key: what a round trip must preserve. */
    private static Map<String, String> values(Map<String, Figure> figures) {
        Map<String, String> out = new TreeMap<>();
        figures.forEach(
                (k, f) -> out.put(k, f.value().toPlainString() + " " + f.bound().code()));
        return out;
    }

    private static List<Path> allPdfs() {
        List<Path> pdfs = new ArrayList<>(HTML_PDFS.values());
        pdfs.addAll(DOCX_PDFS.values());
        return pdfs;
    }

    /**
     * A PDF's characters in the order its content streams draw them, with their baselines (offset by page, so that
     * lines of different pages never coincide).
     */
    private record Glyphs(String text, float[] baselines) {

        /** Glyphs of other cells of a row may be drawn between two lines of a cell; never this many. */
        private static final int MAX_SKIP = 80;

        /**
         * The most lines any drawing of {@code label} is set over: its characters in drawing order, each on the
         * line of the one before or a later one, with at most a row's other cells drawn in between.
         */
        int lines(String label) {
            int most = 0;
            for (int i = text.indexOf(label.charAt(0)); i >= 0; i = text.indexOf(label.charAt(0), i + 1)) {
                TreeSet<Integer> ys = new TreeSet<>();
                ys.add(Math.round(baselines[i]));
                int at = i;
                for (int k = 1; k < label.length() && at >= 0; k++) {
                    int next = -1;
                    for (int j = at + 1; j < text.length() && j <= at + MAX_SKIP; j++) {
                        if (text.charAt(j) == label.charAt(k) && baselines[j] >= baselines[at] - 0.5f) {
                            next = j;
                            break;
                        }
                    }
                    at = next;
                    if (at >= 0) ys.add(Math.round(baselines[at]));
                }
                if (at >= 0) most = Math.max(most, ys.size());
            }
            return most;
        }
    }

    private static Glyphs glyphs(Path pdf) throws IOException {
        StringBuilder text = new StringBuilder();
        List<Float> ys = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                float offset = p * 10_000f;
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String s, List<TextPosition> positions) {
                        for (TextPosition t : positions) {
                            String u = t.getUnicode();
                            for (int k = 0; k < u.length(); k++) {
                                text.append(u.charAt(k));
                                ys.add(offset + t.getYDirAdj());
                            }
                        }
                    }
                };
                stripper.setSortByPosition(false);
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                stripper.getText(doc);
            }
        }
        float[] baselines = new float[ys.size()];
        for (int i = 0; i < baselines.length; i++) baselines[i] = ys.get(i);
        return new Glyphs(text.toString(), baselines);
    }
}
