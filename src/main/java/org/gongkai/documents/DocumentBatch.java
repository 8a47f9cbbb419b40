package org.gongkai.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongkai.canonical.AgencyProfile;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.checks.ReportAssessor;
import org.gongkai.parsing.Hints;
import org.gongkai.parsing.ParsedDocument;
import org.gongkai.problems.ProblemException;
import org.gongkai.reports.ReportService;
import org.gongkai.reports.UnresolvedIdentity;
import org.gongkai.storage.DocumentBatchStore;
import org.gongkai.storage.DocumentStore;
import org.gongkai.storage.UnresolvedStore;
import org.jboss.logging.Logger;

/**
 * Takes many new documents in one transaction ({@code POST /api/documents/batch}): each is parsed and decided as
 * {@link DocumentService} decides a single one, then all are stored together ({@code storage/DocumentBatchStore}).
 * What the batch cannot decide alone — bytes received before or twice in the batch, a second report of one
 * agency-year, a batch the database refused — is left to the single path, document by document.
 */
@ApplicationScoped
public class DocumentBatch {

    private static final Logger LOG = Logger.getLogger(DocumentBatch.class);

    @Inject
    DocumentService single;

    @Inject
    DocumentStore documents;

    @Inject
    DocumentBatchStore store;

    @Inject
    ReportService reports;

    @Inject
    ReportAssessor assessor;

    @Inject
    ObjectMapper json;

    /** One document of a batch: the name the client gave it, its source URL hint, its Content-Type and bytes. */
    public record Part(String name, String sourceUrl, String contentType, byte[] bytes) {}

    /** A part that the batch decided, ready to store. */
    private record Decided(int index, DocumentBatchStore.Item item, String classification, List<String> missing) {}

    /**
     * The outcome of each part, in order; null for a part left to the single path (received before, repeated, a
     * second report of its agency-year, or in a batch the database refused).
     */
    public List<DocumentBatchOutcome> receive(List<Part> parts) {
        DocumentBatchOutcome[] out = new DocumentBatchOutcome[parts.size()];
        List<Decided> decided = new ArrayList<>();
        Set<String> hashes = new HashSet<>();
        Set<String> agencyYears = new HashSet<>();
        List<byte[]> sha256s =
                parts.stream().map(p -> DocumentService.sha256(p.bytes())).toList();
        Map<String, Long> known = documents.idsOf(sha256s);
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            byte[] sha256 = sha256s.get(i);
            String hex = HexFormat.of().formatHex(sha256);
            if (!hashes.add(hex)) continue;
            if (known.containsKey(hex)) {
                out[i] = DocumentBatchOutcome.known(p.name(), known.get(hex));
                continue;
            }
            try {
                Decided d = decide(i, p, sha256);
                AgencyProfile agency = d.item().agency();
                if (agency != null
                        && !agencyYears.add(agency.name()
                                + '\u0000'
                                + agency.region().code()
                                + '\u0000'
                                + d.item().report().year())) continue;
                decided.add(d);
            } catch (ProblemException e) {
                out[i] = DocumentBatchOutcome.refused(p.name(), e);
            }
        }
        if (decided.isEmpty()) return Arrays.asList(out);
        List<Optional<DocumentBatchStore.Stored>> stored;
        try {
            stored = store.write(decided.stream().map(Decided::item).toList());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf(e, "a batch of %d documents was refused; they are stored one by one", decided.size());
            return Arrays.asList(out);
        }
        for (int k = 0; k < decided.size(); k++) {
            Decided d = decided.get(k);
            Part p = parts.get(d.index());
            stored.get(k)
                    .ifPresent(s -> out[d.index()] = DocumentBatchOutcome.stored(
                            p.name(), d.missing() == null ? 201 : 202, s, d.classification(), d.missing()));
        }
        return Arrays.asList(out);
    }

    /** Parses the part and decides what to store: its resolved report, or an unresolved one with its gaps. */
    private Decided decide(int index, Part p, byte[] sha256) {
        Hints hints = new Hints(p.sourceUrl(), null, null);
        ParsedDocument parsed = single.parse(p.bytes(), p.contentType(), hints);
        CanonicalReport report = parsed.report();
        Optional<UnresolvedIdentity> gaps = single.gaps(report, parsed);
        DocumentStore.Row row = single.row(
                sha256, p.contentType(), p.sourceUrl(), p.bytes(), parsed, null, gaps.isPresent() ? 202 : 201);
        String classification = parsed.classification().code();
        if (gaps.isPresent()) {
            UnresolvedIdentity identity = gaps.get();
            UnresolvedStore.Gaps kept = new UnresolvedStore.Gaps(
                    identity.missing(), candidates(identity), identity.scope(), identity.year());
            return new Decided(
                    index,
                    new DocumentBatchStore.Item(row, report, assessor.assess(report), null, null, kept),
                    classification,
                    identity.missing());
        }
        AgencyProfile agency = reports.profile(report);
        return new Decided(
                index,
                new DocumentBatchStore.Item(
                        row,
                        report,
                        assessor.assess(report),
                        agency,
                        parsed.identity().printedAgency(),
                        null),
                classification,
                null);
    }

    private String candidates(UnresolvedIdentity identity) {
        try {
            return json.writeValueAsString(identity.candidates());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
