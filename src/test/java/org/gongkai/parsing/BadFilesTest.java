package org.gongkai.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gongkai.parsing.input.NeedsOcrException;
import org.gongkai.parsing.input.UnreadableDocumentException;
import org.junit.jupiter.api.Test;

/**
 * PDF bombs and a zip bomb disguised as a .docx are refused quickly, with a message, within the limits the readers
 * set (README "Limits"): never a stack overflow, never an OutOfMemoryError, never minutes of work.
 */
class BadFilesTest {

    private static final DocumentParser PARSER = DocumentParser.standard();

    @Test
    void refusesAPdfWhoseContentStreamInflatesToAGigabyte() {
        byte[] bomb = HostileFiles.flateBombPdf(1024);
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        long start = System.nanoTime();
        assertThatThrownBy(() -> PARSER.parse(bomb, "application/pdf", Hints.none()))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("inflate to more than 64 MB");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(5_000);
    }

    @Test
    void refusesAPdfWhosePageTreeIsThousandsOfLevelsDeep() {
        assertThatThrownBy(() -> PARSER.parse(HostileFiles.deepPageTreePdf(50_000), "application/pdf", Hints.none()))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("page tree is nested more than 32 levels");
    }

    @Test
    void readsAPdfWithObjectsNestedTwoHundredThousandDeepWithoutOverflowingTheStack() {
        // PDFBox parses these without recursion trouble; the page has no text, so it is answered needs-ocr.
        assertThatThrownBy(() -> PARSER.parse(HostileFiles.deeplyNestedPdf(200_000), "application/pdf", Hints.none()))
                .isInstanceOfAny(NeedsOcrException.class, UnreadableDocumentException.class);
    }

    @Test
    void refusesAZipBombDisguisedAsADocx() {
        byte[] bomb = HostileFiles.zipBombDocx(4095);
        assertThat(DocumentType.sniff(bomb)).isEqualTo(DocumentType.DOCX);
        assertThat(bomb.length).isLessThan(8 * 1024 * 1024);
        assertThatThrownBy(() -> PARSER.parse(bomb, "application/octet-stream", Hints.none()))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("Word");
    }
}
