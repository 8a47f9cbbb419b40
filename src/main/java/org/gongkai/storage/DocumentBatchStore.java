package org.gongkai.storage;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.gongkai.canonical.AgencyProfile;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Source;
import org.gongkai.checks.Assessment;

/**
 * Stores many parsed documents with their reports in one transaction ({@code POST /api/documents/batch}): each
 * document and report row as a single document's would be, but the figures, sources and checks of all of them in one
 * COPY per table and the roll-ups moved once, so that a folder of documents goes in at the speed of the bulk path
 * rather than one commit and one roll-up upsert per document.
 */
@ApplicationScoped
public class DocumentBatchStore {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DocumentStore documents;

    @Inject
    ReportStore reports;

    @Inject
    UnresolvedStore unresolved;

    @Inject
    MetricIds metricIds;

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
            UnresolvedStore.Gaps gaps) {

        String agencyYear() {
            return agency == null
                    ? ""
                    : agency.name() + '\u0000' + agency.region().code() + '\u0000' + report.year();
        }
    }

    /** What became of an item: its document's and report's ids; empty when the same bytes were stored meanwhile. */
    public record Stored(long documentId, long reportId) {}

    /**
     * Writes the items (at most one per agency-year: the caller sends the others alone) in one transaction and answers,
     * in their order, what became of each; nothing is written when anything fails.
     */
    public List<Optional<Stored>> write(List<Item> items) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                List<Optional<Stored>> out = write(c, items);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private List<Optional<Stored>> write(Connection c, List<Item> items) throws SQLException {
        // one batch at a time, beside bulk batches, and agency rows and agency-year locks in one order: no lock cycle
        AdvisoryLocks.bulk(c);
        List<Integer> order = IntStream.range(0, items.size())
                .boxed()
                .sorted(Comparator.comparing(i -> items.get(i).agencyYear()))
                .toList();
        List<Optional<Stored>> out =
                new ArrayList<>(java.util.Collections.<Optional<Stored>>nCopies(items.size(), Optional.empty()));
        Map<Integer, CopyBuffer> figuresByYear = new TreeMap<>();
        CopyBuffer sources = new CopyBuffer();
        CopyBuffer checks = new CopyBuffer();
        Rollups.Deltas deltas = new Rollups.Deltas(metricIds);
        List<ReportStore.Revision> revisions = new ArrayList<>();
        for (int i : order) {
            Item it = items.get(i);
            Optional<Long> documentId = documents.insert(c, it.document());
            if (documentId.isEmpty()) continue; // the same bytes meanwhile: the caller answers with those
            if (it.agency() == null) {
                long reportId = unresolved.insert(c, it.report(), it.assessment(), documentId.get(), it.gaps());
                out.set(i, Optional.of(new Stored(documentId.get(), reportId)));
                continue;
            }
            ReportStore.Revision row =
                    reports.insertRow(c, it.agency(), it.report(), it.assessment(), documentId.get(), it.printedName());
            revisions.add(row);
            int year = it.report().year();
            rows(
                    row.id(),
                    year,
                    it.assessment(),
                    figuresByYear.computeIfAbsent(year, y -> new CopyBuffer()),
                    sources,
                    checks);
            if (row.latest())
                deltas.add(it.agency().region(), year, it.assessment().figures());
            out.set(i, Optional.of(new Stored(documentId.get(), row.id())));
        }
        for (CopyBuffer figures : figuresByYear.values())
            figures.copyInto(c, "figure (report_id, metric_id, value, bound, year)");
        sources.copyInto(
                c,
                "figure_source (report_id, metric_id, kind, text, start_offset, end_offset, row_label,"
                        + " column_label, note, parts, method, page)");
        checks.copyInto(
                c,
                "report_check (report_id, ordinal, rule, row_key, column_key, passed, expected, actual,"
                        + " message, finding)");
        reports.settle(c, revisions, deltas);
        return out;
    }

    /** One report's figures, their sources and its checks as COPY rows (the columns ReportStore inserts). */
    private void rows(
            long reportId, int year, Assessment a, CopyBuffer figures, CopyBuffer sources, CopyBuffer checks) {
        for (Map.Entry<String, Figure> e : a.figures().entrySet()) {
            Figure f = e.getValue();
            short metric = metricIds.id(e.getKey());
            figures.value(reportId)
                    .value(metric)
                    .value(f.value())
                    .value(f.bound().ordinal())
                    .value(year);
            figures.endRow();
            if (!f.needsSourceRow()) continue;
            Source s = f.source() == null ? Source.submitted() : f.source();
            sources.value(reportId).value(metric).value(s.kind().code()).value(s.text());
            sources.value(s.start())
                    .value(s.end())
                    .value(s.row())
                    .value(s.column())
                    .value(f.note());
            sources.value(reports.partsJson(f)).value(s.method()).value(s.page());
            sources.endRow();
        }
        int ordinal = 0;
        for (Assessment.Stored stored : a.toStore()) {
            CheckResult k = stored.check();
            checks.value(reportId)
                    .value(ordinal++)
                    .value(k.rule())
                    .value(k.row())
                    .value(k.column());
            checks.value(k.passed())
                    .value(k.expected())
                    .value(k.actual())
                    .value(k.message())
                    .value(stored.finding());
            checks.endRow();
        }
    }
}
