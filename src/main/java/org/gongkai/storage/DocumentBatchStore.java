package org.gongkai.storage;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gongkai.canonical.AgencyProfile;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.checks.Assessment;

/**
 * Stores many parsed documents with their reports in one transaction ({@code POST /api/documents/batch}): the
 * documents in one statement, their reports as a bulk batch writes its lines ({@link BulkWriter#writeDocuments}: report
 * rows, figures, sources and checks in one COPY per table, revisions numbered in memory, the roll-ups moved once), so
 * that a folder of documents goes in at the speed of the bulk path rather than one commit and one roll-up upsert per
 * document. Unlike bulk batches, document batches run beside each other.
 */
@ApplicationScoped
public class DocumentBatchStore {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DocumentStore documents;

    @Inject
    BulkWriter writer;

    @Inject
    UnresolvedStore unresolved;

    /**
     * One document of a batch: its row, its report and assessment, and either the agency it resolved to (with the name
     * the document printed) or the gaps that keep it unresolved.
     */
    public record Item(
            DocumentStore.Row document,
            CanonicalReport report,
            Assessment assessment,
            AgencyProfile agency,
            String printedName,
            UnresolvedStore.Gaps gaps) {}

    /** What became of an item: its document's and report's ids; empty when the same bytes were stored meanwhile. */
    public record Stored(long documentId, long reportId) {}

    /**
     * Writes the items (at most one per agency-year: the caller sends the others alone) in one transaction and answers,
     * in their order, what became of each; nothing is written when anything fails.
     */
    public List<Optional<Stored>> write(List<Item> items) throws SQLException {
        writer.createAgencies(
                items.stream().map(Item::agency).filter(Objects::nonNull).toList());
        return Transactions.inTransaction(dataSource, c -> write(c, items));
    }

    private List<Optional<Stored>> write(Connection c, List<Item> items) throws SQLException {
        Map<String, Long> documentIds =
                documents.insertAll(c, items.stream().map(Item::document).toList());
        List<Optional<Stored>> out = new ArrayList<>(Collections.nCopies(items.size(), Optional.<Stored>empty()));
        List<BulkWriter.Pending> resolved = new ArrayList<>();
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            Long documentId = documentIds.get(hex(it));
            if (documentId == null) continue; // the same bytes meanwhile: the caller answers with those
            if (it.agency() == null) {
                left.add(i);
                continue;
            }
            resolved.add(writer.pending(
                    i,
                    it.report(),
                    it.agency(),
                    it.assessment(),
                    documentId,
                    Arrays.asList(it.report().agencyName(), it.printedName())));
        }
        for (BulkWriter.Written w : writer.writeDocuments(c, resolved)) {
            int i = (int) w.line();
            out.set(i, Optional.of(new Stored(documentIds.get(hex(items.get(i))), w.id())));
        }
        // unresolved reports after the roll-ups: each bumps the data version, which every writer takes last
        for (int i : left) {
            Item it = items.get(i);
            long documentId = documentIds.get(hex(it));
            long reportId = unresolved.insert(c, it.report(), it.assessment(), documentId, it.gaps());
            out.set(i, Optional.of(new Stored(documentId, reportId)));
        }
        DataVersion.bump(c);
        return out;
    }

    private static String hex(Item it) {
        return HexFormat.of().formatHex(it.document().sha256());
    }
}
