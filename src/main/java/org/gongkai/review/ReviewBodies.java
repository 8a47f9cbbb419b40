package org.gongkai.review;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gongkai.config.GongkaiConfig;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.reports.RequestBodies;
import org.gongkai.reports.RequestText;
import org.gongkai.reports.SubmissionReader;
import org.gongkai.security.Caller;
import org.gongkai.security.Scope;
import org.gongkai.storage.CorrectionStore;

/** The JSON bodies of the review's writes, read as every body is (charset, size limit, strict JSON), and their author. */
@ApplicationScoped
public class ReviewBodies {

    @Inject
    GongkaiConfig config;

    @Inject
    SubmissionReader submissions;

    @Inject
    Scope scope;

    /** The body of {@code POST /api/review/{id}/accept}. */
    @Schema(name = "ReviewAcceptance", description = "why the item is the report's own error")
    public record Acceptance(@Schema(required = true, maxLength = 2000) String reason) {
        public static final String EXAMPLE = "{\"reason\": \"the bureau's published table does not add up (checked)\"}";
    }

    /** The body of {@code POST /api/review/{id}/decision}. */
    @Schema(name = "ReviewDecision", description = "which revision of a difference counts")
    public record Decision(
            @Schema(
                            required = true,
                            enumeration = {"new", "correction"})
                    String take,
            @Schema(required = true, maxLength = 2000) String reason) {
        public static final String EXAMPLE = "{\"take\": \"new\", \"reason\": \"the bureau republished the table\"}";
    }

    /** The body of {@code POST /api/reports/{id}/corrections}. */
    @Schema(name = "ReportCorrection", description = "what a person corrects in a report, and why")
    public record Correction(
            @Schema(required = true, maxLength = 2000) String reason,
            @Schema(description = "the agency the report belongs to, when it is another (or was unresolved)")
                    org.gongkai.reports.SubmissionBody.Agency agency,
            @Schema(description = "the year the report covers, when it is another (or was unknown)") Integer year,
            @Schema(description = "metric key → a number, {\"value\": n, \"bound\": …}, or null to remove the figure")
                    java.util.Map<String, Object> figures) {
        public static final String EXAMPLE =
                """
                {"reason": "上年结转 misread: the document prints 12", "figures": {"requests.carried_over.total": 12}}""";
    }

    /** The body as a JSON object: its charset (415), at most {@code gongkai.limits.report-bytes} (413), strict JSON. */
    JsonNode object(InputStream body, String contentType, Long contentLength, String shape) {
        var charset = RequestText.charsetOf(contentType);
        long limit = config.limits().reportBytes();
        if (contentLength != null && contentLength > limit) RequestBodies.tooLarge(limit);
        String text = RequestText.decode(RequestBodies.read(body, limit), charset);
        return submissions.object(text, "the body must be a JSON object: " + shape);
    }

    /** The required {@code reason}, every field of the body among {@code known}; 422 otherwise. */
    String reason(JsonNode root, List<String> known) {
        List<FieldError> errors = new ArrayList<>();
        root.fieldNames().forEachRemaining(n -> {
            if (!known.contains(n)) errors.add(new FieldError(FieldError.pointer(n), "unknown field"));
        });
        JsonNode r = root.get("reason");
        String reason = r != null && r.isTextual() ? r.asText().strip() : "";
        if (reason.isEmpty()) errors.add(new FieldError("/reason", "required: say why"));
        else if (reason.length() > 2000) errors.add(new FieldError("/reason", "at most 2000 characters"));
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return reason;
    }

    /** Who is deciding: the token's name and id. */
    CorrectionStore.Author author() {
        Caller c = scope.caller().orElse(null);
        return c == null
                ? new CorrectionStore.Author("anonymous", null)
                : new CorrectionStore.Author(c.tokenName(), c.tokenId());
    }
}
