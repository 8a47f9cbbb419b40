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

    /**
     * Every hostile file through the parser in a JVM of its own whose heap is capped at 256 MB: it must refuse each
     * and exit normally, so no bomb can make the parser need more (an OutOfMemoryError would end it with status 3).
     */
    @Test
    void refusesEveryBombWithinA256MegabyteHeap() throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(
                        javaCommand,
                        "-Xmx256m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BombsUnderSmallHeap.class.getName())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("flate: refused", "tree: refused", "nested: refused", "zip: refused");
    }

    /** The child JVM of {@link #refusesEveryBombWithinA256MegabyteHeap}. */
    static final class BombsUnderSmallHeap {
        public static void main(String[] args) {
            DocumentParser parser = DocumentParser.standard();
            java.util.Map<String, java.util.function.Supplier<byte[]>> bombs = new java.util.LinkedHashMap<>();
            bombs.put("flate", () -> HostileFiles.flateBombPdf(1024));
            bombs.put("tree", () -> HostileFiles.deepPageTreePdf(50_000));
            bombs.put("nested", () -> HostileFiles.deeplyNestedPdf(200_000));
            bombs.put("zip", () -> HostileFiles.zipBombDocx(4095));
            bombs.forEach((name, bomb) -> {
                try {
                    parser.parse(bomb.get(), "application/octet-stream", Hints.none());
                    System.out.println(name + ": parsed");
                } catch (UnreadableDocumentException e) {
                    System.out.println(name + ": refused (" + e.getMessage() + ")");
                }
            });
            System.exit(0);
        }
    }
}
