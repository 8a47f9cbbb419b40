package org.gongkai.queries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gongkai.canonical.Bound;
import org.gongkai.metrics.Metric;
import org.gongkai.replicas.ReadConnections;

/**
 * Answers queries: plans them ({@link QueryPlanner}), reads the roll-ups when they fit and the raw figures when not,
 * and hands rows to a caller or a {@link RowSink} through a cursor, so a large export never sits in memory.
 */
@ApplicationScoped
public class QueryEngine {

    private static final int FETCH_SIZE = 2000;

    @Inject
    ReadConnections dataSource;

    @Inject
    QueryPlanner planner;

    /**
     * Agency counts over many years cost a scan; they are kept per data version (the newest report id, read from
     * the database so that writes by any service instance count), so an answer counted before a write never
     * serves after it.
     */
    private final Map<String, Coverage> coverageCache = new ConcurrentHashMap<>();

    public QueryResult run(QuerySpec spec) {
        List<List<Object>> rows = new ArrayList<>();
        List<Column>[] header = new List[1];
        long[] total = new long[1];
        Coverage coverage = execute(
                spec,
                new RowSink() {
                    @Override
                    public void header(List<Column> columns) {
                        header[0] = columns;
                    }

                    @Override
                    public void row(List<Object> cells) {
                        rows.add(cells);
                    }
                },
                total);
        return new QueryResult(header[0], rows, total[0], coverage);
    }

    /** Streams the header and every row of the page to the sink; returns the coverage. */
    public Coverage stream(QuerySpec spec, RowSink sink) {
        return execute(spec, sink, new long[1]);
    }

    /** The plan a query would run with (for EXPLAIN and tests). */
    public QueryPlan plan(QuerySpec spec) {
        return planner.plan(spec);
    }

    /** Runs the query under {@code EXPLAIN (ANALYZE, BUFFERS)} and returns the plan, headed by the path taken. */
    public String explain(QuerySpec spec) {
        QueryPlan plan = planner.plan(spec);
        QuerySql q = new QuerySql(plan);
        StringBuilder out = new StringBuilder("-- answered from ")
                .append(plan.fromRollup() ? "the roll-ups" : "the raw figures")
                .append('\n');
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("explain (analyze, buffers) " + q.sql)) {
            bind(c, s, q.params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.append(rs.getString(1)).append('\n');
            }
        } catch (SQLException e) {
            throw new IllegalStateException("explain failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private Coverage execute(QuerySpec spec, RowSink sink, long[] total) {
        QueryPlan plan = planner.plan(spec);
        QuerySql q = new QuerySql(plan);
        List<Column> columns = columns(plan);
        sink.header(columns);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor needs a transaction
            int first = 1;
            String read = q.sql;
            if (!plan.fromRollup() && !dataSource.onReplica(c)) {
                // PostgreSQL runs no parallel workers under a cursor; the raw-figure aggregate is computed first by
                // CREATE TABLE AS (which does run in parallel), numbered in its order, then read through the cursor.
                // A standby replica creates no tables, temporary ones included: there the cursor reads the statement.
                try (PreparedStatement s = c.prepareStatement("create temp table query_rows on commit drop as"
                        + " select row_number() over () as query_row, t.* from (" + q.sql + ") t")) {
                    bind(c, s, q.params);
                    s.execute();
                }
                read = "select * from query_rows order by query_row";
                first = 2;
            }
            try (PreparedStatement s = c.prepareStatement(read)) {
                // never a server-side prepared statement: query_rows has other columns for every query
                s.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
                s.setFetchSize(FETCH_SIZE);
                if (read == q.sql) bind(c, s, q.params);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.row(row(plan, rs, first));
                        total[0] = rs.getLong("total_groups");
                    }
                }
            }
            Coverage coverage = coverage(c, plan);
            c.commit();
            return coverage;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        }
    }

    private List<Object> row(QueryPlan plan, ResultSet rs, int first) throws SQLException {
        List<Object> cells = new ArrayList<>();
        int col = first;
        for (Dimension d : plan.dimensions()) {
            if (d == Dimension.YEAR) {
                int y = rs.getInt(col++);
                cells.add(rs.wasNull() ? null : y);
            } else if (d.named()) {
                cells.add(rs.getString(col++));
                cells.add(trimmed(rs.getString(col++)));
            } else {
                cells.add(rs.getString(col++));
            }
        }
        for (OutputMetric o : plan.outputs()) {
            BigDecimal v = rs.getBigDecimal(col++);
            long atLeast = rs.getLong(col++);
            long approx = rs.getLong(col++);
            if (v == null) cells.add(null);
            else if (o.kind() == OutputMetric.Kind.SUM && approx > 0)
                cells.add(new BoundedValue(v, Bound.APPROXIMATELY));
            else if (o.kind() == OutputMetric.Kind.SUM && atLeast > 0) cells.add(new BoundedValue(v, Bound.AT_LEAST));
            else if (o.kind() != OutputMetric.Kind.SUM && (approx > 0 || atLeast > 0)) {
                cells.add(new BoundedValue(v, Bound.APPROXIMATELY)); // a rate or change of inexact sums is inexact
            } else cells.add(v);
        }
        return cells;
    }

    private static String trimmed(String code) {
        return code == null ? null : code.trim();
    }

    private List<Column> columns(QueryPlan plan) {
        List<Column> out = new ArrayList<>();
        for (Dimension d : plan.dimensions()) {
            if (d == Dimension.YEAR) out.add(new Column("year", d.label(), d.labelEn(), "integer", null));
            else out.add(new Column(d.key(), d.label(), d.labelEn(), "string", null));
            if (d.regionDepth() > 0)
                out.add(new Column(d.key() + "Code", d.label() + "代码", d.labelEn() + " code", "string", null));
            if (d == Dimension.AGENCY) out.add(new Column("agencyId", "机关编号", "Agency id", "string", null));
        }
        for (OutputMetric o : plan.outputs()) {
            Metric m = o.metric();
            switch (o.kind()) {
                case SUM -> out.add(new Column(
                        o.key(),
                        m.label(),
                        m.labelEn(),
                        "10k_yuan".equals(m.unit()) ? "decimal" : "integer",
                        m.unit()));
                case RATE -> out.add(new Column(o.key(), m.label(), m.labelEn(), "rate", "ratio"));
                case YEAR_OVER_YEAR -> out.add(new Column(
                        o.key(), m.label() + "·同比变化", m.labelEn() + " — change on previous year", "rate", "ratio"));
            }
        }
        return out;
    }

    /** Latest reports matching the filters, and their agencies. */
    private Coverage coverage(Connection c, QueryPlan plan) throws SQLException {
        QueryFilters f = plan.spec().filters();
        long version;
        long resolutions;
        // a new report raises max(id); a resolution changes no id and counts itself in report_version
        try (PreparedStatement s = c.prepareStatement(
                        "select coalesce(max(id), 0), (select resolutions from report_version) from report");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            version = rs.getLong(1);
            resolutions = rs.getLong(2);
        }
        String key = version + "|" + resolutions + "|" + f;
        Coverage cached = coverageCache.get(key);
        if (cached != null) return cached;
        QuerySql filters = QuerySql.coverage(f);
        Coverage computed;
        try (PreparedStatement s = c.prepareStatement(filters.sql)) {
            bind(c, s, filters.params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                computed = new Coverage(rs.getLong(1), rs.getLong(2));
            }
        }
        if (coverageCache.size() > 10_000) coverageCache.clear();
        coverageCache.put(key, computed);
        return computed;
    }

    static void bind(Connection c, PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Integer[] ints) {
                Array a = c.createArrayOf("integer", ints);
                s.setArray(i + 1, a);
            } else if (p instanceof String[] strings) {
                s.setArray(i + 1, c.createArrayOf("text", strings));
            } else {
                s.setObject(i + 1, p);
            }
        }
    }
}
