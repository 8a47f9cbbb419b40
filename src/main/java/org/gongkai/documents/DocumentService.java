package org.gongkai.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.parsing.DocumentParser;
import org.gongkai.parsing.Hints;
import org.gongkai.parsing.NeedsOcrException;
import org.gongkai.parsing.ParsedDocument;
import org.gongkai.parsing.UnreadableDocumentException;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.reports.ReportReader;
import org.gongkai.reports.ReportService;
import org.gongkai.reports.SubmissionReader;

/**
 * Takes a raw document in: the same bytes again change nothing; a report is parsed, stored with the document and
 * linked to it in one transaction; anything else is refused with what it is instead.
 */
@ApplicationScoped
public class DocumentService {

    @Inject
    DocumentParser parser;

    @Inject
    DocumentStore documents;

    @Inject
    ReportService reports;

    @Inject
    ReportReader reader;

    @Transactional
    public DocumentOutcome receive(byte[] body, String contentType, Hints hints) {
        byte[] sha256 = sha256(body);
        var existing = documents.idOf(sha256);
        if (existing.isPresent()) return known(existing.get());

        ParsedDocument parsed;
        try {
            parsed = parser.parse(body, contentType, hints);
        } catch (NeedsOcrException e) {
            throw new ProblemException(
                    422, "needs-ocr", "Scanned document", e.getMessage(), List.of(new FieldError("", e.getMessage())));
        } catch (UnreadableDocumentException e) {
            throw new ProblemException(
                    422,
                    "unreadable-document",
                    "Unreadable document",
                    e.getMessage(),
                    List.of(new FieldError("", e.getMessage())));
        }
        if (parsed.report() == null) {
            throw new ProblemException(
                    422,
                    "not-a-report",
                    "Not an annual report",
                    "the document is not a government-information-disclosure annual report: "
                            + parsed.classification().reason(),
                    List.of(),
                    Map.of(
                            "classification",
                            parsed.classification().code(),
                            "title",
                            parsed.title() == null ? "" : parsed.title()));
        }
        CanonicalReport report = parsed.report();
        List<FieldError> missing = new ArrayList<>();
        if (report.agencyName() == null) {
            missing.add(new FieldError("agency", "the document names no agency; give ?agency= as a hint"));
        }
        if (report.year() < SubmissionReader.FIRST_YEAR) {
            missing.add(new FieldError("year", "the document states no year it reports on; give ?year= as a hint"));
        } else if (report.year() > SubmissionReader.lastYear()) {
            missing.add(new FieldError(
                    "year", "the document reports on " + report.year() + ", after " + SubmissionReader.lastYear()));
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(
                    422,
                    "unidentified-report",
                    "Report without identity",
                    missing.get(0).message(),
                    missing,
                    Map.of("classification", parsed.classification().code()));
        }
        var documentId = documents.insert(sha256, contentType, hints.sourceUrl(), body, parsed);
        if (documentId.isEmpty()) return known(documents.idOf(sha256).orElseThrow()); // stored meanwhile
        long reportId = reports.submit(report, documentId.get());
        return new DocumentOutcome(
                Long.toString(documentId.get()),
                parsed.classification().code(),
                reader.find(reportId).orElseThrow(),
                true);
    }

    private DocumentOutcome known(long documentId) {
        StoredDocument d = documents.find(documentId).orElseThrow();
        return new DocumentOutcome(
                d.id(),
                d.classification(),
                d.reportIds().isEmpty()
                        ? null
                        : reader.find(Long.parseLong(
                                        d.reportIds().get(d.reportIds().size() - 1)))
                                .orElse(null),
                false);
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
