package org.gongkai.parsing.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.parsing.pdf.DrawnPdf.Cell.of;
import static org.gongkai.parsing.pdf.DrawnPdf.Cell.span;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.ReportFormat;
import org.gongkai.parsing.DocumentParser;
import org.gongkai.parsing.Hints;
import org.gongkai.parsing.ParsedDocument;
import org.gongkai.parsing.input.NeedsOcrException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PDFs drawn here with PDFBox, read back through the whole parser: a 2021-format section-三 table with ruling lines,
 * header labels wrapped inside their cells (商业企 / 业), the 三、本年度办理结果 label stacked one character per line
 * in a merged cell, the table broken across two pages with its header repeated, and the section-四 table. The
 * expected values are those drawn, which satisfy the form's own arithmetic (一 + 二 = 三(七) + 四 per column).
 */
class PdfTablesTest {

    private static final DocumentParser PARSER = DocumentParser.standard();
    private static ParsedDocument drawn;

    @BeforeAll
    static void drawReport() throws Exception {
        Optional<DrawnPdf> pdf = DrawnPdf.withCjkFont();
        if (pdf.isEmpty()) return;
        try (DrawnPdf d = pdf.get()) {
            float[] cols = {24, 150, 40, 40, 40, 40, 40, 40, 40};
            d.newPage()
                    .text("溪湖区人民政府", 16)
                    .text("2023年政府信息公开工作年度报告", 16)
                    .text("本报告由溪湖区人民政府办公室编制。", 10)
                    .text("三、收到和处理政府信息公开申请情况", 10);
            List<DrawnPdf.Cell> first = new ArrayList<>(header());
            first.add(span(2, 0, 1, 2, "一、本年新收政府信息公开申请数量"));
            values(first, 2, 5, 1, 0, 0, 0, 0, 6);
            first.add(span(3, 0, 1, 2, "二、上年结转政府信息公开申请数量"));
            values(first, 3, 1, 0, 0, 0, 0, 0, 1);
            first.add(span(4, 0, 3, 1, "三", "、", "本", "年", "度", "办", "理", "结", "果"));
            first.add(of(4, 1, "（一）予以公开"));
            values(first, 4, 3, 1, 0, 0, 0, 0, 4);
            first.add(of(5, 1, "（二）部分公开（区分处理的，", "只计这一情形，不计其他情形）"));
            values(first, 5, 1, 0, 0, 0, 0, 0, 1);
            first.add(of(6, 1, "1.属于国家秘密"));
            values(first, 6, 0, 0, 0, 0, 0, 0, 0);
            d.table(cols, new float[] {16, 26, 16, 16, 34, 34, 34}, first);

            d.newPage();
            List<DrawnPdf.Cell> second = new ArrayList<>(header());
            second.add(span(2, 0, 2, 1));
            second.add(of(2, 1, "1.本机关不掌握相关政府信息"));
            values(second, 2, 2, 0, 0, 0, 0, 0, 2);
            second.add(of(3, 1, "（七）总计"));
            values(second, 3, 6, 1, 0, 0, 0, 0, 7);
            second.add(span(4, 0, 1, 2, "四、结转下年度继续办理"));
            values(second, 4, 0, 0, 0, 0, 0, 0, 0);
            d.table(cols, new float[] {16, 26, 16, 16, 16}, second);

            d.text("四、政府信息公开行政复议、行政诉讼情况", 10);
            List<DrawnPdf.Cell> appeals = new ArrayList<>();
            appeals.add(span(0, 0, 1, 5, "行政复议"));
            appeals.add(span(0, 5, 1, 10, "行政诉讼"));
            String[][] results = {{"结果", "维持"}, {"结果", "纠正"}, {"其他", "结果"}, {"尚未", "审结"}, {"总计"}};
            for (int c = 0; c < 5; c++) appeals.add(span(1, c, 2, 1, results[c]));
            appeals.add(span(1, 5, 1, 5, "未经复议直接起诉"));
            appeals.add(span(1, 10, 1, 5, "复议后起诉"));
            for (int c = 0; c < 10; c++) appeals.add(of(2, 5 + c, results[c % 5]));
            int[] appealValues = {1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1};
            for (int c = 0; c < 15; c++) appeals.add(of(3, c, Integer.toString(appealValues[c])));
            float[] appealCols = new float[15];
            java.util.Arrays.fill(appealCols, 30);
            d.table(appealCols, new float[] {14, 24, 24, 16}, appeals);
            d.text("五、存在的主要问题及改进情况", 10);
            d.text("依申请公开工作规范性还有待提高。", 10);
            drawn = PARSER.parse(d.bytes(), "application/pdf", Hints.none());
        }
    }

    private static List<DrawnPdf.Cell> header() {
        return List.of(
                span(0, 0, 2, 2),
                span(0, 2, 2, 1, "自然人"),
                span(0, 3, 1, 5, "法人或其他组织"),
                span(0, 8, 2, 1, "总计"),
                of(1, 3, "商业企", "业"),
                of(1, 4, "科研", "机构"),
                of(1, 5, "社会公", "益组织"),
                of(1, 6, "法律服", "务机构"),
                of(1, 7, "其他"));
    }

    private static void values(List<DrawnPdf.Cell> cells, int row, int... values) {
        for (int k = 0; k < values.length; k++) cells.add(of(row, 2 + k, Integer.toString(values[k])));
    }

    private static Figure figure(String key) {
        Assumptions.assumeTrue(
                drawn != null,
                "no CJK TrueType font at " + DrawnPdf.CJK_FONT + ": run scripts/install-cjk-font.sh (CI does)");
        Figure f = drawn.report().figures().get(key);
        assertThat(f).as(key).isNotNull();
        return f;
    }

    private static void assertCell(String key, int value, int page) {
        Figure f = figure(key);
        assertThat(f.value()).as(key).isEqualByComparingTo(Integer.toString(value));
        assertThat(f.source().page()).as(key + " page").isEqualTo(page);
    }

    @Test
    void readsTheRuledTableOnTheFirstPageWithItsPage() {
        assertCell("requests.new.natural_person", 5, 1);
        assertCell("requests.new.commercial", 1, 1);
        assertCell("requests.new.total", 6, 1);
        assertCell("requests.carried_over.total", 1, 1);
        assertCell("outcome.granted.total", 4, 1);
        assertCell("outcome.granted.commercial", 1, 1);
        assertCell("outcome.partial.total", 1, 1);
        assertCell("outcome.denied.state_secret.total", 0, 1);
        assertThat(drawn.report().format()).isEqualTo(ReportFormat.F2021);
        assertThat(drawn.report().year()).isEqualTo(2023);
    }

    @Test
    void continuesTheTableOnTheNextPageWithoutReadingTheRepeatedHeaderTwice() {
        assertCell("outcome.unavailable.not_held.total", 2, 2);
        assertCell("outcome.total.natural_person", 6, 2);
        assertCell("outcome.total.commercial", 1, 2);
        assertCell("outcome.total.total", 7, 2);
        assertCell("requests.carried_forward.total", 0, 2);
        // The header rows printed again at the top of page 2 are dropped: the label appears once.
        assertThat(drawn.text().split("商业企业", -1)).hasSize(2);
    }

    @Test
    void joinsWrappedHeaderLabelsAndTheStackedRowLabel() {
        assertThat(figure("requests.new.commercial").source().column()).isEqualTo("商业企业");
        assertThat(figure("requests.new.social_org").source().column()).isEqualTo("社会公益组织");
        assertThat(figure("outcome.partial.total").source().row()).startsWith("(二)部分公开(区分处理的,只计这一情形,不计其他情形)");
        assertThat(drawn.text()).contains("三、本年度办理结果\t(一)予以公开");
        assertThat(drawn.title()).isEqualTo("溪湖区人民政府2023年政府信息公开工作年度报告");
    }

    @Test
    void readsTheAppealsTableUnderItsWrappedHeaders() {
        assertCell("review.upheld", 1, 2);
        assertCell("review.total", 1, 2);
        assertCell("litigation.direct.total", 0, 2);
        assertCell("litigation.after_review.other", 1, 2);
        assertCell("litigation.after_review.total", 1, 2);
    }

    @Test
    void everyTableFigureQuotesItsTextAtItsOffsets() {
        figure("requests.new.total");
        drawn.report().figures().forEach((key, f) -> {
            if (f.source() == null || f.source().start() == null) return;
            assertThat(drawn.text().substring(f.source().start(), f.source().end()))
                    .as(key)
                    .isEqualTo(f.source().text());
            assertThat(f.source().page()).as(key).isNotNull();
        });
    }

    @Test
    void answersAScanWithoutATextLayerWithNeedsOcr() throws Exception {
        byte[] scan;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            BufferedImage image = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
            image.getGraphics().fillRect(20, 20, 160, 10);
            PDImageXObject x = LosslessFactory.createFromImage(doc, image);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            scan = out.toByteArray();
        }
        assertThatThrownBy(() -> PARSER.parse(scan, "application/pdf", Hints.none()))
                .isInstanceOf(NeedsOcrException.class)
                .hasMessageContaining("no text layer")
                .hasMessageContaining("1 image");
    }
}
