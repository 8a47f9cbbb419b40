package org.gongkai.storage;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.canonical.AgencyProfile;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;
import org.gongkai.canonical.Source;
import org.gongkai.checks.Assessment;

/**
 * Writes a batch of reports in one transaction through COPY: agencies upserted in one statement, revision numbers
 * assigned in memory, then reports, figures, sources and checks copied, and the batch's roll-up sums appended to
 * {@code rollup_pending}, which {@link #fold} adds to the roll-ups every few batches in one upsert, beside the batches
 * that follow. Holds the bulk lock (batches one at a time) and the locks of its agency-years (a single submission of
 * one of them waits, and numbers its revision after the batch); single submissions of other agency-years wait only for
 * a fold, which holds {@link AdvisoryLocks#ROLLUPS} exclusively.
 */
@ApplicationScoped
public class BulkWriter {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BulkWriter.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MetricIds metricIds;

    @Inject
    Rollups rollups;

    @Inject
    ReportStore reportStore;

    @Inject
    ReviewItems review;

    /**
     * A validated line (or a parsed document's report) waiting to be written; made by {@link #pending}. It holds what
     * the writer needs and no more: a batch of them waits in memory while the batch before is written, and the
     * reports' figure maps, kept until then, were most of the heap the garbage collector marked again and again.
     *
     * @param row the report row's own values
     * @param contentHash {@link ContentHash} of the report, computed where the line was validated
     * @param documentId the document the report was read from, null for a JSON line: a document's report is always a
     *     new revision (its bytes deduplicate it), a JSON line's only when its content differs from the latest
     * @param aliases names the report was filed under, recorded as aliases of the agency where they differ from its name
     * @param figureRows the COPY rows of its figures but for the leading report id, which the writer assigns
     *     ({@link CopyBuffer#rests})
     * @param sourceRows the same for the figures' sources that are stored ({@link Figure#needsSourceRow})
     * @param checkRows the same for its stored check results, in order
     * @param rollup its figures as the roll-ups add them
     */
    public record Pending(
            long line,
            ReportRow row,
            AgencyProfile agency,
            byte[] contentHash,
            Long documentId,
            List<String> aliases,
            byte[] figureRows,
            byte[] sourceRows,
            byte[] checkRows,
            Rollups.Contribution rollup) {}

    /** A report's own columns, as the writer copies them. */
    public record ReportRow(
            int year, String format, LocalDate publishedOn, String sourceUrl, List<String> missing, long failedChecks) {

        static ReportRow of(CanonicalReport r, Assessment a) {
            return new ReportRow(
                    r.year(), r.format().code(), r.publishedOn(), r.sourceUrl(), a.missing(), a.failedChecks());
        }
    }

    /**
     * A report ready for {@link #write} or {@link #writeDocuments}: its content hash and the text of its figure, source
     * and check rows are made here, on the caller's thread (a bulk ingest validates lines on every core), not in the
     * one writer.
     */
    public Pending pending(
            long line,
            CanonicalReport report,
            AgencyProfile agency,
            Assessment assessment,
            Long documentId,
            List<String> aliases) {
        CopyBuffer figures = CopyBuffer.forRests();
        CopyBuffer sources = CopyBuffer.forRests();
        Rollups.Contribution.Builder rollup =
                new Rollups.Contribution.Builder(assessment.figures().size());
        for (Map.Entry<String, Figure> e : assessment.figures().entrySet()) {
            Figure f = e.getValue();
            short metric = metricIds.id(e.getKey());
            figures.value(metric)
                    .value(f.value())
                    .value(f.bound().ordinal())
                    .value(report.year())
                    .endRow();
            rollup.add(metric, f);
            if (f.needsSourceRow()) {
                Source s = f.source() == null ? Source.submitted() : f.source();
                sources.value(metric)
                        .value(s.kind().code())
                        .value(s.text())
                        .value(s.start())
                        .value(s.end())
                        .value(s.row())
                        .value(s.column())
                        .value(f.note())
                        .value(reportStore.partsJson(f))
                        .value(s.method())
                        .value(s.page())
                        .endRow();
            }
        }
        CopyBuffer checks = CopyBuffer.forRests();
        int ordinal = 0;
        for (Assessment.Stored stored : assessment.toStore()) {
            CheckResult k = stored.check();
            checks.value(ordinal++)
                    .value(k.rule())
                    .value(k.row())
                    .value(k.column())
                    .value(k.passed())
                    .value(k.expected())
                    .value(k.actual())
                    .value(k.message())
                    .value(stored.finding())
                    .endRow();
        }
        return new Pending(
                line,
                ReportRow.of(report, assessment),
                agency,
                ContentHash.of(report),
                documentId,
                aliases,
                figures.rests(),
                sources.rests(),
                checks.rests(),
                rollup.build());
    }

    /**
     * A line written: the report revision it became, or ({@code created} false) the latest revision of its agency-year
     * whose content it repeats.
     */
    public record Written(long line, long id, int revision, boolean created) {}

    private record Key(long agencyId, int year) {}

    /**
     * The latest revision of an agency-year as the batch goes: {@code corrected} when a person corrected it (new lines
     * are then held beside it), {@code lastRevision} the highest revision number taken so far.
     */
    private record Latest(
            long id, int revision, boolean inBatch, byte[] contentHash, boolean corrected, int lastRevision) {}

    /**
     * Writes the batch in one transaction, with each line's outcome as a row of bulk job {@code jobId}
     * ({@code bulk_job_line}), so that what the job says was stored was stored.
     */
    public List<Written> write(long jobId, List<Pending> batch) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            List<Written> out = write(c, jobId, batch);
            DataVersion.bump(c);
            return out;
        });
    }

    private List<Written> write(Connection c, long jobId, List<Pending> batch) throws SQLException {
        AdvisoryLocks.bulk(c);
        Revised revised = revise(c, batch);
        BulkJobStore.copyLines(c, jobId, revised.written());
        // the roll-ups wait in rollup_pending for the next fold: no roll-up lock, no roll-up row touched by the batch
        long t6 = System.nanoTime();
        int rows = revised.deltas().size(); // appending empties the sums
        revised.deltas().append(c);
        LOG.debugf(
                "batch of %d: roll-up sums appended %d ms (%d rows)",
                batch.size(), (System.nanoTime() - t6) / 1_000_000, rows);
        return revised.written();
    }

    /**
     * Adds the roll-up sums bulk batches left in {@code rollup_pending} to the roll-ups ({@link Rollups#foldPending}),
     * in a transaction of its own under the roll-up lock, beside the batches still being written (it takes the sums
     * of those committed before it): {@link org.gongkai.bulk.BulkIngest} folds every {@code gongkai.bulk.fold-every}
     * batches on a thread of its own, and when its stream ends. Folding bumps the data version.
     */
    public void fold() throws SQLException {
        fold(false);
    }

    /**
     * Folds what no running bulk request will: the sums a request left when it did not end (the service stopped, or
     * the database went away before its last fold). Does nothing when nothing waits, or when a bulk batch holds the
     * bulk lock (its request folds them); {@link org.gongkai.bulk.RollupFolds} calls it at start and every
     * {@code gongkai.bulk.fold-poll}. Answers whether it folded.
     */
    public boolean foldLeftovers() throws SQLException {
        return fold(true);
    }

    private boolean fold(boolean leftoversOnly) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            long t0 = System.nanoTime();
            if (leftoversOnly && (!Rollups.anyPending(c) || !AdvisoryLocks.tryBulk(c))) return false;
            AdvisoryLocks.rollupsExclusive(c);
            boolean moved = Rollups.foldPending(c);
            if (moved) DataVersion.bump(c);
            LOG.debugf("roll-up fold %d ms", (System.nanoTime() - t0) / 1_000_000);
            return moved;
        });
    }

    /**
     * Writes parsed documents' reports ({@link DocumentBatchStore}) on the caller's connection, as a bulk batch writes
     * its lines but beside other batches rather than after them: without the bulk lock, with the roll-up lock shared
     * (as a single writer takes it), so that several document batches overlap. The caller bumps the data version.
     */
    public List<Written> writeDocuments(Connection c, List<Pending> batch) throws SQLException {
        if (batch.isEmpty()) return List.of();
        Revised revised = revise(c, batch);
        revised.deltas().stage(c);
        AdvisoryLocks.rollupsShared(c);
        revised.deltas().merge(c);
        return revised.written();
    }

    /**
     * A batch written up to its roll-ups: what became of each line, and the roll-up sums: its new latest revisions
     * added from memory, the revisions they superseded subtracted from what is stored.
     */
    private record Revised(List<Written> written, Rollups.Deltas deltas) {}

    /**
     * Everything of the batch but its roll-ups: agencies and their aliases, the agency-year locks, revisions numbered in
     * memory, report rows, figures, sources and checks copied, review items derived, roll-up sums added up in memory.
     */
    private Revised revise(Connection c, List<Pending> batch) throws SQLException {
        long t0 = System.nanoTime();
        Map<String, Long> agencyIds =
                agencies(c, batch.stream().map(Pending::agency).toList());
        List<Key> keys = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Long agencyId = agencyIds.get(agencyKey(p.agency()));
            // a name PostgreSQL stores otherwise than Java holds it: refused, and the caller retries without the line
            if (agencyId == null) throw new IllegalStateException("no agency row for line " + p.line());
            keys.add(new Key(agencyId, p.row().year()));
        }
        recordAliases(c, batch, keys);
        lockAgencyYears(c, keys);
        Map<Key, Latest> latest = currentLatest(c, keys);
        long[] ids = newIds(c, batch.size());
        long t1 = System.nanoTime();

        List<Long> superseded = new ArrayList<>();
        List<Integer> supersededBy = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        List<Long> heldBehind = new ArrayList<>();
        int[] revisions = new int[batch.size()];
        boolean[] isLatest = new boolean[batch.size()];
        Written[] repeats = new Written[batch.size()];
        Map<Key, Integer> positionInBatch = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Key key = keys.get(i);
            Latest prev = latest.get(key);
            if (batch.get(i).documentId() == null
                    && prev != null
                    && Arrays.equals(prev.contentHash(), batch.get(i).contentHash())) {
                // the latest revision already says this: no new one (the same file sent twice doubles nothing)
                repeats[i] = new Written(batch.get(i).line(), prev.id(), prev.revision(), false);
                continue;
            }
            if (prev != null && prev.corrected()) {
                // a person corrected this agency-year: the line is kept beside it, never over it
                revisions[i] = prev.lastRevision() + 1;
                isLatest[i] = false;
                held.add(ids[i]);
                heldBehind.add(prev.id());
                latest.put(
                        key,
                        new Latest(prev.id(), prev.revision(), prev.inBatch(), prev.contentHash(), true, revisions[i]));
                continue;
            }
            revisions[i] = prev == null ? 1 : prev.lastRevision() + 1;
            if (prev != null && !prev.inBatch()) {
                superseded.add(prev.id());
                supersededBy.add(i);
            }
            Integer earlier = positionInBatch.put(key, i);
            if (earlier != null) isLatest[earlier] = false;
            isLatest[i] = true;
            latest.put(key, new Latest(ids[i], revisions[i], true, batch.get(i).contentHash(), false, revisions[i]));
        }
        if (!superseded.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("update report set is_latest = false where id = any(?)")) {
                s.setArray(1, c.createArrayOf("bigint", superseded.toArray()));
                s.executeUpdate();
            }
        }

        CopyBuffer reports = new CopyBuffer();
        // one COPY per year: each goes to one partition of figure in long runs (routing once, full insert batches)
        Map<Integer, List<Integer>> byYear = new TreeMap<>();
        CopyBuffer sources = new CopyBuffer();
        CopyBuffer checks = new CopyBuffer();
        List<Written> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            if (repeats[i] != null) {
                out.add(repeats[i]);
                continue;
            }
            ReportRow r = p.row();
            reports.value(ids[i])
                    .value(keys.get(i).agencyId())
                    .value(r.year())
                    .value(revisions[i])
                    .value(isLatest[i])
                    .value(r.format())
                    .value(r.publishedOn())
                    .value(r.sourceUrl())
                    .value(p.documentId())
                    .value(p.agency().region().code())
                    .value(p.agency().region().provinceCode())
                    .value(p.agency().region().cityCode())
                    .value(p.agency().sector().key())
                    .textArray(r.missing())
                    .value(r.failedChecks())
                    .value(p.contentHash())
                    .value(p.documentId() == null ? "submitted" : "parsed")
                    .endRow();
            byYear.computeIfAbsent(r.year(), y -> new ArrayList<>()).add(i);
            sources.rows(ids[i], p.sourceRows());
            checks.rows(ids[i], p.checkRows());
            out.add(new Written(p.line(), ids[i], revisions[i], true));
        }
        reports.copyInto(
                c,
                "report (id, agency_id, year, revision, is_latest, format, published_on, source_url,"
                        + " document_id, region_code, province_code, city_code, sector, missing, failed_checks,"
                        + " content_sha256, origin)");
        long t2 = System.nanoTime();
        // streamed: PostgreSQL stores a year's first rows while the writer makes the next
        for (List<Integer> lines : byYear.values()) {
            CopyBuffer.stream(c, "figure (report_id, metric_id, value, bound, year)", figures -> {
                for (int i : lines) figures.rows(ids[i], batch.get(i).figureRows());
            });
        }
        long t3 = System.nanoTime();
        sources.copyInto(
                c,
                "figure_source (report_id, metric_id, kind, text, start_offset, end_offset, row_label,"
                        + " column_label, note, parts, method, page)");
        checks.copyInto(
                c,
                "report_check (report_id, ordinal, rule, row_key, column_key, passed, expected, actual,"
                        + " message, finding)");

        // superseded revisions leave the roll-ups from what is stored, the new ones enter from memory: summed together
        // before any roll-up lock, so that other writers wait for one upsert alone
        long t3b = System.nanoTime();
        Rollups.Deltas deltas = new Rollups.Deltas(metricIds);
        rollups.addStored(c, superseded, -1, deltas);
        for (int i = 0; i < batch.size(); i++) {
            if (isLatest[i])
                deltas.add(
                        batch.get(i).agency().region(),
                        batch.get(i).row().year(),
                        batch.get(i).rollup());
        }
        long t4 = System.nanoTime();
        // the queue: the superseded revisions' items leave it, the batch's latest reports bring theirs (derived from
        // the rows just copied, a few statements per batch), a held line its difference from the correction
        long t5 = System.nanoTime();
        List<Long> newLatest = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) if (isLatest[i] && repeats[i] == null) newLatest.add(ids[i]);
        review.close(c, superseded, "superseded", null, null);
        review.derive(c, newLatest, false);
        List<Long> inheritors = new ArrayList<>();
        List<Long> older = new ArrayList<>();
        for (int j = 0; j < superseded.size(); j++) {
            // the batch's latest line of that agency-year inherits what was decided on the one it superseded
            Latest now = latest.get(keys.get(supersededBy.get(j)));
            inheritors.add(now.id());
            older.add(superseded.get(j));
        }
        review.inherit(c, inheritors, older);
        review.differences(c, held, heldBehind);
        LOG.debugf(
                "batch of %d: prepare %d ms, build rows %d ms, copy figures %d ms, checks, sources and roll-up sums"
                        + " %d ms (%d roll-up rows; superseded read and summed in %d ms), review items %d ms",
                batch.size(),
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000,
                (t4 - t3) / 1_000_000,
                deltas.size(),
                (t4 - t3b) / 1_000_000,
                (System.nanoTime() - t5) / 1_000_000);
        return new Revised(out, deltas);
    }

    /** The names each report was filed under, as aliases of its agency (a bulk line names none). */
    private static void recordAliases(Connection c, List<Pending> batch, List<Key> keys) throws SQLException {
        List<AgencyStore.Alias> aliases = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            if (!p.aliases().isEmpty())
                aliases.addAll(
                        AgencyStore.aliases(keys.get(i).agencyId(), p.agency().name(), p.aliases(), p.documentId()));
        }
        AgencyStore.record(c, aliases.stream().distinct().toList());
    }

    private static String agencyKey(AgencyProfile a) {
        return a.name() + "\u0000" + a.region().code();
    }

    /**
     * Creates the agencies of parsed documents that are not stored yet, in a transaction of their own, committed before
     * the batch's: document batches run beside each other, and an agency created in one batch's transaction would hold
     * every other batch naming it until that batch commits. An agency row alone is a name read, no report.
     */
    public void createAgencies(List<AgencyProfile> profiles) throws SQLException {
        if (profiles.isEmpty()) return;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            try {
                agencies(c, profiles);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private Map<String, Long> agencies(Connection c, List<AgencyProfile> profiles) throws SQLException {
        Map<String, AgencyProfile> distinct = new LinkedHashMap<>();
        profiles.forEach(a -> distinct.putIfAbsent(agencyKey(a), a));
        List<String> names = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        List<Short> levels = new ArrayList<>();
        List<String> sectors = new ArrayList<>();
        distinct.values().forEach(a -> {
            names.add(a.name());
            regions.add(a.region().code());
            levels.add((short) (a.level().ordinal() + 1));
            sectors.add(a.sector().key());
        });
        Map<String, Long> ids = new HashMap<>();
        // rows created or whose sector changed come back from the upsert; the others (most, after the first load) from
        // `known`, which sees the table as it was before the statement. Only new or changed rows go to the upsert:
        // ON CONFLICT locks the row it meets even when its WHERE then leaves it unchanged, and a locked agency row
        // holds every other writer of the agency (a single submission, a document batch) until this batch commits
        try (PreparedStatement s = c.prepareStatement(
                """
                with input as (
                    select * from unnest(?::text[], ?::char(6)[], ?::smallint[], ?::text[])
                        as i(name, region_code, level, sector)),
                known as (
                    select a.id, a.name, a.region_code, a.sector from agency a join input i using (name, region_code)),
                upserted as (
                    insert into agency (name, region_code, level, sector)
                    select * from input i
                    where not exists (select 1 from known k where k.name = i.name and k.region_code = i.region_code
                                      and k.sector is not distinct from i.sector)
                    order by name, region_code
                    on conflict (name, region_code) do update set sector = excluded.sector
                    where agency.sector is distinct from excluded.sector
                    returning id, name, region_code)
                select id, name, region_code from upserted
                union all
                select id, name, region_code from known
                """)) {
            s.setArray(1, c.createArrayOf("text", names.toArray()));
            s.setArray(2, c.createArrayOf("text", regions.toArray()));
            s.setArray(3, c.createArrayOf("smallint", levels.toArray()));
            s.setArray(4, c.createArrayOf("text", sectors.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) ids.put(rs.getString(2) + "\u0000" + rs.getString(3), rs.getLong(1));
            }
        }
        // created meanwhile by another writer (a document batch beside this one) with the same sector: neither the
        // upsert (nothing to update) nor the select (the table before the statement) answered it; it is there now
        List<AgencyProfile> missing = distinct.entrySet().stream()
                .filter(e -> !ids.containsKey(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        if (!missing.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    select a.id, a.name, a.region_code from agency a
                    join unnest(?::text[], ?::char(6)[]) as i(name, region_code) using (name, region_code)
                    """)) {
                s.setArray(
                        1,
                        c.createArrayOf(
                                "text",
                                missing.stream().map(AgencyProfile::name).toArray()));
                s.setArray(
                        2,
                        c.createArrayOf(
                                "text",
                                missing.stream().map(a -> a.region().code()).toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) ids.put(rs.getString(2) + "\u0000" + rs.getString(3), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Takes the agency-year lock of every line, in key order, as {@link ReportStore} takes one: a single submission
     * of the same agency-year either committed before (and is read as the latest) or waits for the batch.
     */
    private static void lockAgencyYears(Connection c, List<Key> keys) throws SQLException {
        Object[] sorted = keys.stream()
                .map(k -> AdvisoryLocks.agencyYear(k.agencyId(), k.year()))
                .distinct()
                .sorted()
                .toArray();
        try (PreparedStatement s =
                c.prepareStatement("select pg_advisory_xact_lock(k) from unnest(?::bigint[]) as u(k)")) {
            s.setArray(1, c.createArrayOf("bigint", sorted));
            s.execute();
        }
    }

    private Map<Key, Latest> currentLatest(Connection c, List<Key> keys) throws SQLException {
        Map<Key, Latest> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                """
                select r.agency_id, r.year, r.id, r.revision, r.content_sha256, r.origin = 'corrected',
                       case when r.origin = 'corrected' then (select max(x.revision) from report x
                                                              where x.agency_id = r.agency_id and x.year = r.year)
                            else r.revision end
                from report r join unnest(?::bigint[], ?::smallint[]) as k(agency_id, year)
                  on r.agency_id = k.agency_id and r.year = k.year
                where r.is_latest
                """)) {
            s.setArray(
                    1,
                    c.createArrayOf("bigint", keys.stream().map(Key::agencyId).toArray()));
            s.setArray(
                    2,
                    c.createArrayOf(
                            "smallint", keys.stream().map(k -> (short) k.year()).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(
                            new Key(rs.getLong(1), rs.getInt(2)),
                            new Latest(
                                    rs.getLong(3),
                                    rs.getInt(4),
                                    false,
                                    rs.getBytes(5),
                                    rs.getBoolean(6),
                                    rs.getInt(7)));
                }
            }
        }
        return out;
    }

    private static long[] newIds(Connection c, int n) throws SQLException {
        long[] ids = new long[n];
        try (PreparedStatement s = c.prepareStatement(
                "select nextval(pg_get_serial_sequence('report', 'id')) from generate_series(1, ?)")) {
            s.setInt(1, n);
            try (ResultSet rs = s.executeQuery()) {
                for (int i = 0; rs.next(); i++) ids[i] = rs.getLong(1);
            }
        }
        return ids;
    }
}
