package org.gongkai.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.gongkai.TestFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The corpus PDFs through {@code POST /api/documents}, sent as a crawler sends attachments. */
@QuarkusTest
@Tag("database")
class PagedDocumentResourceTest {

    @Test
    void storesTheCorpusPdfReportWithThePageOfEveryFigure() {
        JsonPath created = given().contentType("application/octet-stream")
                .body(TestFiles.bytes("corpus/18_hongze-district-2023.pdf"))
                .post("/api/documents")
                .then()
                .statusCode(anyOf(is(201), is(202)))
                .extract()
                .jsonPath();
        assertThat(created.getString("classification")).isEqualTo("report-2021");
        assertThat(created.getInt("report.year")).isEqualTo(2023);
        assertThat(created.getString("report.figures.'requests.new.total'.value"))
                .isEqualTo("21");
        assertThat(created.getInt("report.figures.'requests.new.total'.source.page"))
                .isEqualTo(3);
        assertThat(created.getInt("report.figures.'outcome.total.total'.source.page"))
                .isEqualTo(4);
        assertThat(created.getString("report.figures.'outcome.total.total'.source.row"))
                .isEqualTo("(七)总计");

        String text = given().get("/api/documents/" + created.getString("documentId"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("text");
        int start = created.getInt("report.figures.'outcome.partial.total'.source.start");
        int end = created.getInt("report.figures.'outcome.partial.total'.source.end");
        assertThat(text.substring(start, end)).isEqualTo("4");
    }

    @Test
    void refusesTheFinalAccountsPdfAsNotAReport() {
        given().contentType("application/pdf")
                .body(TestFiles.bytes("corpus/17_putuo-social-work-dept-2024-final-accounts.pdf"))
                .post("/api/documents")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-a-report"))
                .body("detail", containsString("决算"));
    }

    @Test
    void refusesTheBlankWordTemplateAsNotAReport() {
        given().contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .body(TestFiles.bytes("corpus/19_annual-report-template-blank.docx"))
                .post("/api/documents")
                .then()
                .statusCode(422)
                .body("type", equalTo("/problems/not-a-report"));
    }

    @Test
    void answersAPdfWithoutTextWithNeedsOcr() throws IOException {
        byte[] blank;
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            blank = out.toByteArray();
        }
        given().contentType("application/pdf")
                .body(blank)
                .post("/api/documents")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/needs-ocr"))
                .body("detail", containsString("OCR"));
    }

    @Test
    void refusesAnUnreadableDocWith422() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        given().contentType("application/msword")
                .body(ole2)
                .post("/api/documents")
                .then()
                .statusCode(422)
                .body("type", equalTo("/problems/unreadable-document"))
                .body("detail", containsString(".doc"));
    }
}
