package org.gongkai.parsing.word;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.gongkai.canonical.Figure;
import org.gongkai.parsing.DocumentParser;
import org.gongkai.parsing.Hints;
import org.gongkai.parsing.ParsedDocument;
import org.gongkai.parsing.input.UnreadableDocumentException;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Word files built here with POI, read back through the whole parser: a section-三 table whose header and row labels
 * are merged cells (w:gridSpan across columns, w:vMerge down rows), and a legacy .doc that HWPF cannot read.
 */
class WordDocumentsTest {

    private static final DocumentParser PARSER = DocumentParser.standard();

    /** A cell to write: its text (paragraphs), how many grid columns it spans, and its vertical merge. */
    private record Spec(String[] paragraphs, int gridSpan, STMerge.Enum vMerge) {}

    private static Spec c(String... paragraphs) {
        return new Spec(paragraphs, 1, null);
    }

    private static Spec wide(int span, String text) {
        return new Spec(new String[] {text}, span, null);
    }

    private static Spec down(String... paragraphs) {
        return new Spec(paragraphs, 1, STMerge.RESTART);
    }

    private static Spec continued() {
        return new Spec(new String[0], 1, STMerge.CONTINUE);
    }

    private static Spec[] row(Spec first, Spec second, int... values) {
        Spec[] out = new Spec[(second == null ? 1 : 2) + values.length];
        int k = 0;
        out[k++] = first;
        if (second != null) out[k++] = second;
        for (int v : values) out[k++] = c(Integer.toString(v));
        return out;
    }

    static byte[] report() throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("溪湖区人民政府2023年政府信息公开工作年度报告");
            doc.createParagraph().createRun().setText("三、收到和处理政府信息公开申请情况");
            List<Spec[]> rows = List.of(
                    new Spec[] {
                        new Spec(new String[] {""}, 2, STMerge.RESTART), down("自然人"), wide(5, "法人或其他组织"), down("总计")
                    },
                    new Spec[] {
                        new Spec(new String[0], 2, STMerge.CONTINUE),
                        continued(),
                        c("商业企", "业"),
                        c("科研机构"),
                        c("社会公益组织"),
                        c("法律服务机构"),
                        c("其他"),
                        continued()
                    },
                    row(wide(2, "一、本年新收政府信息公开申请数量"), null, 5, 1, 0, 0, 0, 0, 6),
                    row(wide(2, "二、上年结转政府信息公开申请数量"), null, 1, 0, 0, 0, 0, 0, 1),
                    row(down("三、本年度办理结果"), c("（一）予以公开"), 3, 1, 0, 0, 0, 0, 4),
                    row(continued(), c("（二）部分公开"), 1, 0, 0, 0, 0, 0, 1),
                    row(continued(), c("1.本机关不掌握相关政府信息"), 2, 0, 0, 0, 0, 0, 2),
                    row(continued(), c("（七）总计"), 6, 1, 0, 0, 0, 0, 7),
                    row(wide(2, "四、结转下年度继续办理"), null, 0, 0, 0, 0, 0, 0, 0));
            XWPFTable table = doc.createTable();
            for (int r = 0; r < rows.size(); r++) {
                XWPFTableRow tr = r == 0 ? table.getRow(0) : table.createRow();
                while (!tr.getTableCells().isEmpty()) tr.removeCell(0);
                for (Spec s : rows.get(r)) write(tr.addNewTableCell(), s);
            }
            doc.createParagraph().createRun().setText("溪湖区人民政府办公室");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void write(XWPFTableCell cell, Spec s) {
        CTTcPr pr = cell.getCTTc().isSetTcPr()
                ? cell.getCTTc().getTcPr()
                : cell.getCTTc().addNewTcPr();
        if (s.gridSpan() > 1) pr.addNewGridSpan().setVal(BigInteger.valueOf(s.gridSpan()));
        if (s.vMerge() != null) pr.addNewVMerge().setVal(s.vMerge());
        for (int i = 0; i < s.paragraphs().length; i++) {
            var p = i == 0 && !cell.getParagraphs().isEmpty()
                    ? cell.getParagraphs().get(0)
                    : cell.addParagraph();
            p.createRun().setText(s.paragraphs()[i]);
        }
    }

    private static String value(ParsedDocument doc, String key) {
        Figure f = doc.report().figures().get(key);
        return f == null ? null : f.value().toPlainString();
    }

    @Test
    void readsADocxTableWithGridSpanAndVMergeCells() throws IOException {
        ParsedDocument doc = PARSER.parse(report(), "application/octet-stream", Hints.none());

        assertThat(doc.classification().code()).isEqualTo("report-2021");
        assertThat(value(doc, "requests.new.natural_person")).isEqualTo("5");
        assertThat(value(doc, "requests.new.commercial")).isEqualTo("1");
        assertThat(value(doc, "requests.new.total")).isEqualTo("6");
        assertThat(value(doc, "requests.carried_over.total")).isEqualTo("1");
        assertThat(value(doc, "outcome.granted.total")).isEqualTo("4");
        assertThat(value(doc, "outcome.partial.total")).isEqualTo("1");
        assertThat(value(doc, "outcome.unavailable.not_held.total")).isEqualTo("2");
        assertThat(value(doc, "outcome.total.total")).isEqualTo("7");
        assertThat(value(doc, "requests.carried_forward.total")).isEqualTo("0");
        Figure commercial = doc.report().figures().get("requests.new.commercial");
        // The header wrapped over two paragraphs is one label; a .docx has no fixed pages.
        assertThat(commercial.source().column()).isEqualTo("商业企业");
        assertThat(commercial.source().page()).isNull();
        // The vertically merged label is carried down to every row it spans, as HTML rowspan is.
        assertThat(doc.text()).contains("三、本年度办理结果\t(七)总计\t6");
    }

    @Test
    void refusesALegacyDocThatHwpfCannotRead() throws IOException {
        // A valid OLE2 container without a WordDocument stream: sniffed as .doc, unreadable by HWPF.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), "Workbook");
            fs.writeFilesystem(out);
        }
        assertThatThrownBy(() -> PARSER.parse(out.toByteArray(), "text/plain", Hints.none()))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("legacy Word (.doc)")
                .hasMessageContaining("HWPF");
    }
}
