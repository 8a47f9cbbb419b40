package org.gongkai.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.gongkai.TestFiles;
import org.junit.jupiter.api.Test;

/** {@code gongkai ingest} sends PDF and Word files with their own content type, told from their bytes first. */
class IngestContentTypeTest {

    @Test
    void sendsPdfAndWordFilesAsWhatTheirBytesAre() {
        byte[] pdf = TestFiles.bytes("corpus/18_hongze-district-2023.pdf");
        byte[] docx = TestFiles.bytes("corpus/19_annual-report-template-blank.docx");
        assertThat(IngestCommand.contentType("a/18.pdf", pdf)).isEqualTo("application/pdf");
        assertThat(IngestCommand.contentType("report.bin", pdf)).as("misnamed").isEqualTo("application/pdf");
        assertThat(IngestCommand.contentType("t.docx", docx))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(IngestCommand.contentType("old.doc", new byte[] {1, 2, 3})).isEqualTo("application/msword");
        byte[] html = "<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(IngestCommand.contentType("p.htm", html)).isEqualTo("text/html");
        assertThat(IngestCommand.contentType("p.txt", html)).isEqualTo("text/plain");
    }
}
