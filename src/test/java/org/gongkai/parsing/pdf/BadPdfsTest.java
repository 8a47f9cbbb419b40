package org.gongkai.parsing.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.gongkai.TestFiles;
import org.gongkai.parsing.DocumentParser;
import org.gongkai.parsing.Hints;
import org.gongkai.parsing.ParsedDocument;
import org.gongkai.parsing.input.UnreadableDocumentException;
import org.junit.jupiter.api.Test;

/** PDFs that cannot be read whole are refused with a message, or read as far as they go; never a 500. */
class BadPdfsTest {

    private static final DocumentParser PARSER = DocumentParser.standard();

    @Test
    void refusesAPasswordProtectedPdf() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
        }
        assertThatThrownBy(() -> PARSER.parse(out.toByteArray(), "application/pdf", Hints.none()))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("encrypted with a password");
    }

    @Test
    void readsATruncatedPdfAsFarAsItGoesOrRefusesIt() {
        byte[] full = TestFiles.bytes("corpus/18_hongze-district-2023.pdf");
        for (int cut : new int[] {16, full.length / 3, full.length / 2, full.length - 100}) {
            byte[] truncated = Arrays.copyOf(full, cut);
            try {
                ParsedDocument doc = PARSER.parse(truncated, "application/pdf", Hints.none());
                assertThat(doc.text()).as("cut at " + cut).isNotBlank();
            } catch (UnreadableDocumentException expected) {
                assertThat(expected.getMessage()).as("cut at " + cut).isNotBlank();
            }
        }
    }
}
