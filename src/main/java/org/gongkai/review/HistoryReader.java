package org.gongkai.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gongkai.canonical.Bound;
import org.gongkai.storage.MetricIds;

/** Reads a report's revisions with their origin, author, reason and the figures each changed. */
@ApplicationScoped
public class HistoryReader {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MetricIds metricIds;

    @Inject
    ObjectMapper json;

    private record Value(BigDecimal value, short bound) {}

    /** The history of the report {@code id}; empty when no report has the id. */
    Optional<ReportHistory> of(long id) {
        try (Connection c = dataSource.getConnection()) {
            List<ReportHistory.Revision> heads = new ArrayList<>();
            List<Integer> years = new ArrayList<>();
            List<JsonNode> changes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    """
                    with self as (select id, agency_id, year from report where id = ?),
                    family as (
                        select r.id from report r join self on r.agency_id = self.agency_id and r.year = self.year
                        union select id from self),
                    linked as (
                        select id from family
                        union select k.corrects from report_correction k join family f on f.id = k.report_id
                        union select k.report_id from report_correction k join family f on f.id = k.corrects)
                    select r.id, r.revision, r.origin, r.is_latest, r.status, coalesce(a.name, r.agency_name), r.year,
                           r.document_id, r.created_at, k.author, k.reason, k.corrects, k.changes
                    from linked l join report r on r.id = l.id left join agency a on a.id = r.agency_id
                    left join report_correction k on k.report_id = r.id
                    order by r.created_at, r.id
                    """)) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long doc = rs.getLong(8);
                        String documentId = rs.wasNull() ? null : Long.toString(doc);
                        long corrects = rs.getLong(12);
                        String correctsId = rs.wasNull() ? null : Long.toString(corrects);
                        JsonNode stored = parse(rs.getString(13));
                        int year = rs.getInt(7);
                        years.add(year);
                        changes.add(stored);
                        heads.add(new ReportHistory.Revision(
                                Long.toString(rs.getLong(1)),
                                rs.getInt(2),
                                rs.getString(3),
                                rs.getBoolean(4),
                                rs.getString(5),
                                rs.getString(6),
                                year == 0 ? null : year,
                                documentId,
                                rs.getObject(9, OffsetDateTime.class),
                                rs.getString(10),
                                rs.getString(11),
                                correctsId,
                                stored == null || stored.path("identity").isNull() ? null : stored.get("identity"),
                                List.of()));
                    }
                }
            }
            if (heads.isEmpty()) return Optional.empty();
            Map<String, Map<Short, Value>> figures = figures(c, heads, years);
            List<ReportHistory.Revision> out = new ArrayList<>();
            for (int i = 0; i < heads.size(); i++) {
                ReportHistory.Revision h = heads.get(i);
                Map<Short, Value> before = h.corrects() != null && figures.containsKey(h.corrects())
                        ? figures.get(h.corrects())
                        : i == 0 ? Map.of() : figures.get(heads.get(i - 1).id());
                out.add(new ReportHistory.Revision(
                        h.id(),
                        h.revision(),
                        h.origin(),
                        h.latest(),
                        h.status(),
                        h.agency(),
                        h.year(),
                        h.documentId(),
                        h.createdAt(),
                        h.author(),
                        h.reason(),
                        h.corrects(),
                        h.identity(),
                        diff(before, figures.get(h.id()))));
            }
            return Optional.of(new ReportHistory(Long.toString(id), out));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history of report " + id, e);
        }
    }

    private Map<String, Map<Short, Value>> figures(
            Connection c, List<ReportHistory.Revision> heads, List<Integer> years) throws SQLException {
        Map<String, Map<Short, Value>> out = new HashMap<>();
        heads.forEach(h -> out.put(h.id(), new HashMap<>()));
        try (PreparedStatement s = c.prepareStatement(
                """
                select f.report_id, f.metric_id, f.value, f.bound
                from unnest(?::bigint[], ?::smallint[]) as q(id, year)
                join figure f on f.report_id = q.id and f.year = q.year
                """)) {
            s.setArray(
                    1,
                    c.createArrayOf(
                            "bigint",
                            heads.stream().map(h -> Long.parseLong(h.id())).toArray()));
            s.setArray(
                    2,
                    c.createArrayOf(
                            "smallint", years.stream().map(Integer::shortValue).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.get(Long.toString(rs.getLong(1)))
                            .put(rs.getShort(2), new Value(rs.getBigDecimal(3), rs.getShort(4)));
                }
            }
        }
        return out;
    }

    private List<FigureChange> diff(Map<Short, Value> before, Map<Short, Value> after) {
        TreeSet<Short> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        Map<String, FigureChange> byKey = new TreeMap<>();
        for (short m : ids) {
            Value b = before.get(m);
            Value a = after.get(m);
            boolean same = b != null && a != null && b.value().compareTo(a.value()) == 0 && b.bound() == a.bound();
            if (same) continue;
            boolean boundsDiffer = b != null && a != null && b.bound() != a.bound();
            byKey.put(
                    metricIds.key(m),
                    new FigureChange(
                            metricIds.key(m),
                            b == null ? null : b.value(),
                            a == null ? null : a.value(),
                            boundsDiffer ? Bound.values()[b.bound()].code() : null,
                            boundsDiffer ? Bound.values()[a.bound()].code() : null));
        }
        return List.copyOf(byKey.values());
    }

    private JsonNode parse(String stored) {
        if (stored == null) return null;
        try {
            return json.readTree(stored);
        } catch (IOException e) {
            throw new IllegalStateException("a stored correction is not valid JSON", e);
        }
    }
}
