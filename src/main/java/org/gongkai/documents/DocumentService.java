package org.gongkai.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.agencies.AgencyProfiler;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.parsing.DocumentParser;
import org.gongkai.parsing.Hints;
import org.gongkai.parsing.ParsedDocument;
import org.gongkai.parsing.input.NeedsOcrException;
import org.gongkai.parsing.input.UnreadableDocumentException;
import org.gongkai.problems.FieldError;
import org.gongkai.problems.ProblemException;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.reports.IdentityClaim;
import org.gongkai.reports.ReportReader;
import org.gongkai.reports.ReportService;
import org.gongkai.reports.SubmissionReader;
import org.gongkai.reports.UnresolvedIdentity;
import org.gongkai.storage.DocumentStore;
import org.gongkai.storage.UnresolvedStore;

/**
 * Takes a raw document in: the same bytes again change nothing (unless hints resolve its unresolved report); a report
 * is parsed, stored with the document and linked to it in one transaction, as an unresolved report when its agency,
 * region or year cannot be told; anything else is refused with what it is instead.
 */
@ApplicationScoped
public class DocumentService {

    @Inject
    DocumentParser parser;

    @Inject
    DocumentStore documents;

    @Inject
    DocumentReader stored;

    @Inject
    ObjectMapper json;

    @Inject
    ReportService reports;

    @Inject
    ReportReader reader;

    @Inject
    AgencyProfiler profiler;

    @Inject
    RegionDirectory regions;

    /**
     * Receives a document. {@code regionCode} is a hint the parser does not take: it completes a report whose
     * document gives no region code. The same bytes again change nothing, except that hints resolve a report kept
     * unresolved.
     */
    @Transactional
    public DocumentOutcome receive(byte[] body, String contentType, Hints hints, String regionCode) {
        return receive(body, contentType, hints, regionCode, null);
    }

    /**
     * Receives a document under an {@code Idempotency-Key} (null for none), kept with the document and the status it
     * is answered with, so that the same key again answers the same ({@link #replay}).
     */
    @Transactional
    public DocumentOutcome receive(
            byte[] body, String contentType, Hints hints, String regionCode, String idempotencyKey) {
        byte[] sha256 = sha256(body);
        var existing = documents.idOf(sha256);
        if (existing.isPresent()) return known(existing.get(), hints, regionCode);

        ParsedDocument parsed = parse(body, contentType, hints);
        CanonicalReport report = withRegion(parsed.report(), regionCode);
        Optional<UnresolvedIdentity> gaps = gaps(report, parsed);
        int status = gaps.isPresent() ? 202 : 201;
        var documentId =
                documents.insert(row(sha256, contentType, hints.sourceUrl(), body, parsed, idempotencyKey, status));
        if (documentId.isEmpty()) {
            // the same bytes meanwhile (their answer), or the same key with other bytes meanwhile (in progress)
            var meanwhile = documents.idOf(sha256);
            if (meanwhile.isEmpty()) throw org.gongkai.reports.IdempotencyKey.inProgress();
            return known(meanwhile.get(), hints, regionCode);
        }
        long reportId = gaps.isPresent()
                ? reports.keepUnresolved(report, documentId.get(), gaps.get())
                : reports.submit(report, documentId.get(), parsed.identity().printedAgency());
        return DocumentOutcome.of(
                Long.toString(documentId.get()),
                parsed.classification().code(),
                IdentityDecision.of(parsed.identity()),
                reader.find(reportId).orElseThrow(),
                true);
    }

    /**
     * The document parsed, when it is a report; a problem (422) when it is not, needs OCR or cannot be read — then
     * nothing of it is stored.
     */
    ParsedDocument parse(byte[] body, String contentType, Hints hints) {
        ParsedDocument parsed;
        try {
            parsed = parser.parse(body, contentType, hints);
        } catch (NeedsOcrException e) {
            throw new ProblemException(
                    ProblemException.Kind.INVALID,
                    "needs-ocr",
                    "Scanned document",
                    e.getMessage(),
                    List.of(new FieldError("", e.getMessage())));
        } catch (UnreadableDocumentException e) {
            throw new ProblemException(
                    ProblemException.Kind.INVALID,
                    "unreadable-document",
                    "Unreadable document",
                    e.getMessage(),
                    List.of(new FieldError("", e.getMessage())));
        }
        if (parsed.report() == null) {
            throw new ProblemException(
                    ProblemException.Kind.INVALID,
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
        return parsed;
    }

    /** What keeps the parsed report unresolved (its agency, region or year missing); empty when nothing does. */
    Optional<UnresolvedIdentity> gaps(CanonicalReport report, ParsedDocument parsed) {
        return new IdentityGaps(profiler, regions).of(report, parsed.identity());
    }

    /** The report as parsed, with the hinted region code where the document gives none. */
    private static CanonicalReport withRegion(CanonicalReport r, String regionCode) {
        if (regionCode == null || r.regionCode() != null) return r;
        return new CanonicalReport(
                r.agencyName(),
                regionCode,
                r.year(),
                r.format(),
                r.publishedOn(),
                r.sourceUrl(),
                r.figures(),
                r.findings());
    }

    /**
     * A document received before: its report as stored, resolved first when it is unresolved and the hints complete
     * its identity (the stored figures become the revision; nothing is parsed again). Hints that do not complete it
     * change nothing.
     */
    private DocumentOutcome known(long documentId, Hints hints, String regionCode) {
        StoredDocument d = stored.find(documentId).orElseThrow();
        if (d.reportIds().isEmpty()) return DocumentOutcome.of(d.id(), d.classification(), d.identity(), null, false);
        long reportId = Long.parseLong(d.reportIds().get(d.reportIds().size() - 1));
        boolean hinted = hints.agency() != null || hints.year() != null || regionCode != null;
        if (hinted) {
            reports.pending(reportId)
                    .filter(UnresolvedStore.Pending::unresolved)
                    .ifPresent(p -> {
                        IdentityClaim claim = new IdentityClaim(hints.agency(), regionCode, hints.year()).completing(p);
                        Integer year = claim.year();
                        boolean yearKnown = year != null
                                && year >= SubmissionReader.FIRST_YEAR
                                && year <= SubmissionReader.lastYear();
                        if (yearKnown && reports.profile(claim).isPresent()) reports.resolve(reportId, claim);
                    });
        }
        return DocumentOutcome.of(
                d.id(), d.classification(), d.identity(), reader.find(reportId).orElse(null), false);
    }

    /** The document a key was first answered with, as it is now; nothing is parsed or written. */
    public DocumentOutcome replay(long documentId) {
        return known(documentId, new Hints(null, null, null), null);
    }

    DocumentStore.Row row(
            byte[] sha256,
            String contentType,
            String sourceUrl,
            byte[] body,
            ParsedDocument p,
            String idempotencyKey,
            int status) {
        try {
            return new DocumentStore.Row(
                    sha256,
                    contentType,
                    p.charset(),
                    sourceUrl,
                    p.title(),
                    p.classification().code(),
                    p.classification().reason(),
                    body,
                    p.text(),
                    json.writeValueAsString(IdentityDecision.of(p.identity())),
                    idempotencyKey,
                    status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
