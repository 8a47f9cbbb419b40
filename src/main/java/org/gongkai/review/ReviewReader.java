package org.gongkai.review;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.canonical.Bound;
import org.gongkai.metrics.CheckRule;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;
import org.gongkai.queries.ReportFilterSql;
import org.gongkai.queries.SqlWhere;
import org.gongkai.storage.MetricIds;

/**
 * Reads the review queue: one page of items in id order (keyset), the counts per kind, and for the page's items
 * their suspect figures with the document text around each, in a fixed number of statements per page.
 */
@ApplicationScoped
public class ReviewReader {

    /** Every kind of item, in the order the counts list them. */
    public static final List<String> KINDS =
            List.of("unresolved", "finding", "ocr", "check", "chain", "outlier", "difference");

    /** Every state an item can be in. */
    public static final List<String> STATES = List.of("open", "accepted", "corrected", "superseded", "decided");

    private static final Pattern QUOTED = Pattern.compile("「([^」]{2,200})」");
    private static final int HEAD = 200;

    /** An item's columns as {@link #row} reads them, with its report and agency joined. */
    private static final String ITEMS =
            """
            select i.id, i.kind, i.state, i.report_id, r.revision, r.origin, r.document_id, i.agency_id,
                   coalesce(a.name, r.agency_name), i.year, i.region_code, i.rule, i.row_key, i.column_key,
                   i.expected, i.actual, i.message, i.related_report_id, i.created_at, i.decided_by,
                   i.decided_at, i.decision, i.decision_reason, i.metric_ids, i.related_metric_ids
            from review_item i
            join report r on r.id = i.report_id
            left join agency a on a.id = r.agency_id""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MetricIds metricIds;

    @Inject
    MetricCatalogue catalogue;

    /** An item's row, before its figures are read. */
    private record Row(
            QueueItem head, List<Short> metrics, long reportId, Long relatedReportId, List<Short> relatedMetrics) {}

    ReviewPage queue(ReviewFilter f) {
        SqlWhere where = new SqlWhere("i.state = ?", f.state())
                .and(ReportFilterSql.regionCondition("i", f.regionCode()), f.regionCode())
                .and("i.year = ?", f.year() == null ? null : f.year().shortValue())
                .and("i.agency_id = ?", f.agencyId())
                .and("i.agency_id in (select x.id from agency x where x.name = ?)", f.agencyName());
        try (Connection c = dataSource.getConnection()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            KINDS.forEach(k -> counts.put(k, 0L));
            try (PreparedStatement s =
                    c.prepareStatement("select i.kind, count(*) from review_item i" + where + " group by i.kind")) {
                where.bind(s, 1);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            long total = f.kind() == null
                    ? counts.values().stream().mapToLong(Long::longValue).sum()
                    : counts.getOrDefault(f.kind(), 0L);
            where.and("i.kind = ?", f.kind()).and("i.id > ?", f.after());
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(ITEMS + where + " order by i.id limit ?")) {
                s.setInt(where.bind(s, 1), f.limit() + 1);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) rows.add(row(rs));
                }
            }
            String next = null;
            if (rows.size() > f.limit()) {
                rows = rows.subList(0, f.limit());
                next = rows.get(rows.size() - 1).head().id();
            }
            return new ReviewPage(withFigures(c, rows), counts, total, next, f.limit());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the review queue", e);
        }
    }

    /** One item by id, with its figures; empty when none has the id. */
    Optional<QueueItem> item(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(ITEMS + " where i.id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(withFigures(c, List.of(row(rs))).get(0));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read review item " + id, e);
        }
    }

    private Row row(ResultSet rs) throws SQLException {
        String decidedBy = rs.getString(20);
        QueueItem.Decision decision = decidedBy == null && rs.getString(22) == null
                ? null
                : new QueueItem.Decision(
                        decidedBy, rs.getObject(21, OffsetDateTime.class), rs.getString(22), rs.getString(23));
        long related = rs.getLong(18);
        Long relatedId = rs.wasNull() ? null : related;
        String region = rs.getString(11);
        int year = rs.getInt(10);
        QueueItem head = new QueueItem(
                Long.toString(rs.getLong(1)),
                rs.getString(2),
                rs.getString(3),
                Long.toString(rs.getLong(4)),
                rs.getInt(5),
                rs.getString(6),
                idOrNull(rs, 7),
                idOrNull(rs, 8),
                rs.getString(9),
                year == 0 ? null : year,
                region == null ? null : region.trim(),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                rs.getBigDecimal(15),
                rs.getBigDecimal(16),
                rs.getString(17),
                relatedId == null ? null : Long.toString(relatedId),
                rs.getObject(19, OffsetDateTime.class),
                decision,
                List.of(),
                null);
        return new Row(head, shorts(rs, 24), rs.getLong(4), relatedId, shorts(rs, 25));
    }

    /** The metrics an item is about: stored with it, else those of its check rule or finding's cell. */
    private List<Short> suspects(Row r) {
        if (!r.metrics().isEmpty()) return r.metrics();
        QueueItem h = r.head();
        Set<String> keys = new LinkedHashSet<>();
        if ("check".equals(h.kind())) {
            for (CheckRule rule : catalogue.checks()) {
                if (rule.rule().equals(h.rule())
                        && Objects.equals(rule.row(), h.row())
                        && Objects.equals(rule.column(), h.column())) {
                    keys.addAll(rule.left());
                    keys.addAll(rule.right());
                }
            }
        } else if ("finding".equals(h.kind()) && h.row() != null) {
            if (h.column() != null && catalogue.find(h.row() + "." + h.column()).isPresent()) {
                keys.add(h.row() + "." + h.column());
            } else if (catalogue.find(h.row()).isPresent()) {
                keys.add(h.row());
            } else {
                catalogue.row(h.row()).stream().map(Metric::key).forEach(keys::add);
            }
        }
        List<Short> ids = new ArrayList<>();
        for (String k : keys) {
            if (catalogue.find(k).isPresent()) ids.add(metricIds.id(k));
        }
        return ids;
    }

    /** The page's items with their figures and text: one statement for the figures, one for the documents. */
    private List<QueueItem> withFigures(Connection c, List<Row> rows) throws SQLException {
        List<Long> reports = new ArrayList<>();
        List<Short> metrics = new ArrayList<>();
        Map<Row, List<Short>> own = new HashMap<>();
        for (Row r : rows) {
            List<Short> ids = suspects(r);
            own.put(r, ids);
            for (short m : ids) {
                reports.add(r.reportId());
                metrics.add(m);
            }
            if (r.relatedReportId() != null) {
                for (short m : r.relatedMetrics()) {
                    reports.add(r.relatedReportId());
                    metrics.add(m);
                }
            }
        }
        record Key(long report, short metric) {}
        record Stored(
                java.math.BigDecimal value,
                short bound,
                String kind,
                Integer start,
                Integer end,
                String row,
                String column,
                String method,
                Integer page,
                Long documentId) {}
        Map<Key, Stored> figures = new HashMap<>();
        Set<Long> documents = new LinkedHashSet<>();
        rows.stream()
                .map(r -> r.head().documentId())
                .filter(Objects::nonNull)
                .map(Long::parseLong)
                .forEach(documents::add);
        if (!reports.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    """
                    select q.report_id, q.metric_id, f.value, f.bound, s.kind, s.start_offset, s.end_offset,
                           s.row_label, s.column_label, s.method, s.page, r.document_id
                    from unnest(?::bigint[], ?::smallint[]) as q(report_id, metric_id)
                    join report r on r.id = q.report_id
                    left join figure f on f.report_id = q.report_id and f.metric_id = q.metric_id and f.year = r.year
                    left join figure_source s on s.report_id = q.report_id and s.metric_id = q.metric_id
                    """)) {
                s.setArray(1, c.createArrayOf("bigint", reports.toArray()));
                s.setArray(2, c.createArrayOf("smallint", metrics.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long doc = rs.getLong(12);
                        Long documentId = rs.wasNull() ? null : doc;
                        if (documentId != null) documents.add(documentId);
                        figures.put(
                                new Key(rs.getLong(1), rs.getShort(2)),
                                new Stored(
                                        rs.getBigDecimal(3),
                                        rs.getShort(4),
                                        rs.getString(5),
                                        (Integer) rs.getObject(6),
                                        (Integer) rs.getObject(7),
                                        rs.getString(8),
                                        rs.getString(9),
                                        rs.getString(10),
                                        (Integer) rs.getObject(11),
                                        documentId));
                    }
                }
            }
        }
        Map<Long, String> texts = new HashMap<>();
        if (!documents.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("select id, normalized from document where id = any(?)")) {
                s.setArray(1, c.createArrayOf("bigint", documents.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) texts.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        List<QueueItem> out = new ArrayList<>();
        for (Row r : rows) {
            List<SuspectFigure> list = new ArrayList<>();
            List<Key> keys = new ArrayList<>();
            own.get(r).forEach(m -> keys.add(new Key(r.reportId(), m)));
            if (r.relatedReportId() != null) r.relatedMetrics().forEach(m -> keys.add(new Key(r.relatedReportId(), m)));
            for (Key k : keys) {
                Stored f = figures.get(k);
                if (f == null) continue;
                TextContext context = f.documentId() == null || f.start() == null || f.end() == null
                        ? null
                        : TextContext.of(Long.toString(f.documentId()), texts.get(f.documentId()), f.start(), f.end());
                list.add(new SuspectFigure(
                        Long.toString(k.report()),
                        metricIds.key(k.metric()),
                        f.value(),
                        f.value() == null ? null : Bound.values()[f.bound()].code(),
                        f.kind() == null ? (f.value() == null ? null : "submitted") : f.kind(),
                        f.row(),
                        f.column(),
                        f.method(),
                        f.page(),
                        context));
            }
            QueueItem h = r.head();
            TextContext text = null;
            boolean figureText = list.stream().anyMatch(x -> x.context() != null);
            if (!figureText && h.documentId() != null) {
                String doc = texts.get(Long.parseLong(h.documentId()));
                text = passage(h.documentId(), doc, h.message());
            }
            out.add(new QueueItem(
                    h.id(),
                    h.kind(),
                    h.state(),
                    h.reportId(),
                    h.revision(),
                    h.origin(),
                    h.documentId(),
                    h.agencyId(),
                    h.agency(),
                    h.year(),
                    h.regionCode(),
                    h.rule(),
                    h.row(),
                    h.column(),
                    h.expected(),
                    h.actual(),
                    h.message(),
                    h.relatedReportId(),
                    h.createdAt(),
                    h.decision(),
                    list,
                    text));
        }
        return out;
    }

    /**
     * The text an item without located figures is about: the passage its message quotes (「…」, as the parser's
     * findings quote what they read) when the document holds it, else the document's head (title, agency, year).
     */
    static TextContext passage(String documentId, String document, String message) {
        if (document == null) return null;
        if (message != null) {
            Matcher m = QUOTED.matcher(message);
            while (m.find()) {
                int at = document.indexOf(m.group(1));
                if (at >= 0)
                    return TextContext.of(
                            documentId, document, at, at + m.group(1).length());
            }
        }
        int end = Math.min(document.length(), HEAD);
        if (end > 0 && end < document.length() && Character.isHighSurrogate(document.charAt(end - 1))) end--;
        return TextContext.of(documentId, document, 0, end);
    }

    private static List<Short> shorts(ResultSet rs, int col) throws SQLException {
        java.sql.Array a = rs.getArray(col);
        if (a == null) return List.of();
        List<Short> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) out.add(((Number) o).shortValue());
        return out;
    }

    private static String idOrNull(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Long.toString(v);
    }
}
