package org.gongkai.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;

/**
 * The lines of a {@code POST /api/documents/batch} body: each a JSON object naming one document and carrying its
 * bytes in Base64. A line that cannot be read is that document's outcome (400), never the whole request's.
 *
 * @param outcomes one per line: null for a line read into a part, else what refused it
 * @param parts the documents read, in order
 * @param positions the line of each part
 */
record DocumentBatchBody(List<DocumentBatchOutcome> outcomes, List<DocumentBatch.Part> parts, List<Integer> positions) {

    /** One line of the body. */
    @Schema(description = "one line of the NDJSON body: one document")
    record Line(
            @Schema(required = true, description = "the document's name (a file name), echoed in its outcome")
                    String name,
            @Schema(required = true, description = "the document's bytes, Base64") String content,
            @Schema(description = "its type; told from the bytes as for POST /api/documents when absent")
                    String contentType,
            @Schema(description = "where it came from, kept with it (as POST /api/documents?sourceUrl=)")
                    String sourceUrl) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static DocumentBatchBody read(byte[] body, int maxDocuments, long documentBytes) {
        List<DocumentBatchOutcome> outcomes = new ArrayList<>();
        List<DocumentBatch.Part> parts = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
        long count = java.util.Arrays.stream(lines).filter(l -> !l.isBlank()).count();
        if (count > maxDocuments) {
            throw new ProblemException(
                    413,
                    "too-many-documents",
                    "Too many documents",
                    "a batch holds at most " + maxDocuments + " documents (gongkai.documents.batch-size), " + count
                            + " were sent",
                    List.of(),
                    Map.of("maxDocuments", maxDocuments));
        }
        if (count == 0) throw lineProblem("", "send one document a line");
        for (String line : lines) {
            if (line.isBlank()) continue;
            int position = outcomes.size();
            outcomes.add(null);
            String name = null;
            try {
                JsonNode n = JSON.readTree(line);
                name = n.path("name").isTextual() ? n.get("name").asText() : null;
                if (name == null || name.isBlank()) throw lineProblem("/name", "required: the document's name");
                if (!n.path("content").isTextual()) throw lineProblem("/content", "required: the bytes, in Base64");
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(n.get("content").asText());
                } catch (IllegalArgumentException e) {
                    throw lineProblem("/content", "not Base64: " + e.getMessage());
                }
                if (bytes.length > documentBytes) {
                    throw new ProblemException(
                            413,
                            "too-large",
                            "Document too large",
                            "a document holds at most " + documentBytes + " bytes (gongkai.limits.document-bytes)",
                            List.of(new FieldError("/content", "at most " + documentBytes + " bytes")));
                }
                String sourceUrl = text(n, "sourceUrl");
                if (sourceUrl != null && sourceUrl.indexOf('\0') >= 0)
                    throw lineProblem("/sourceUrl", "must not contain NUL");
                String type = text(n, "contentType");
                parts.add(new DocumentBatch.Part(
                        name, sourceUrl, type == null ? IngestCommand.contentType(name, bytes) : type, bytes));
                positions.add(position);
            } catch (IOException e) {
                outcomes.set(
                        position,
                        DocumentBatchOutcome.refused(null, lineProblem("", "not a JSON object: " + e.getMessage())));
            } catch (ProblemException e) {
                outcomes.set(position, DocumentBatchOutcome.refused(name, e));
            }
        }
        return new DocumentBatchBody(outcomes, parts, positions);
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() ? n.get(field).asText() : null;
    }

    private static ProblemException lineProblem(String pointer, String message) {
        return new ProblemException(
                400, "invalid-line", "Unreadable batch line", message, List.of(new FieldError(pointer, message)));
    }
}
