package org.gongkai.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gongkai.canonical.ReportFormat;
import org.junit.jupiter.api.Test;

/** The type of a document comes from its bytes, whatever the Content-Type claims. */
class DocumentTypeTest {

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write("<x/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void tellsFilesByTheirMagicNumbers() throws IOException {
        assertThat(DocumentType.sniff("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(DocumentType.PDF);
        assertThat(DocumentType.sniff("\r\n\r\n%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
                .as("junk before the header, as some servers send it")
                .isEqualTo(DocumentType.PDF);
        assertThat(DocumentType.sniff(zip("word/document.xml"))).isEqualTo(DocumentType.DOCX);
        assertThat(DocumentType.sniff(zip("xl/workbook.xml")))
                .as("a zip that is not Word")
                .isEqualTo(DocumentType.TEXT);
        assertThat(DocumentType.sniff(new byte[] {
                    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0
                }))
                .isEqualTo(DocumentType.DOC);
        assertThat(DocumentType.sniff("<html><body>PDF</body></html>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(DocumentType.TEXT);
        assertThat(DocumentType.sniff(new byte[0])).isEqualTo(DocumentType.TEXT);
    }

    @Test
    void readsTheCorpusPdfSentWithAWrongContentType() {
        byte[] pdf = CorpusDocumentsTest.bytes("18_hongze-district-2023.pdf");
        for (String wrong : new String[] {"text/html; charset=GBK", "application/octet-stream", null}) {
            ParsedDocument doc = DocumentParser.standard().parse(pdf, wrong, Hints.none());
            assertThat(doc.report().format()).as(wrong).isEqualTo(ReportFormat.F2021);
            assertThat(doc.report().figures().get("requests.new.total").value())
                    .as(wrong)
                    .isEqualByComparingTo("21");
        }
    }
}
