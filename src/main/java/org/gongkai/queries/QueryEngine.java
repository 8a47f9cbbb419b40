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
import java.util.Collections;
import java.util.List;
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

    @Inject
    AnswerCache cache;

    /** The answer cache's kinds: whole answers, and the coverage counts that answers of other groupings share. */
    static final String ANSWER = "query";

    static final String COVERAGE = "coverage";

    public QueryResult run(QuerySpec spec) {
        return answer(spec).answer();
    }

    /**
     * The answer, from the {@link AnswerCache} when the same question was answered at the current data version; says
     * which.
     */
    public AnswerCache.Lookup<QueryResult> answer(QuerySpec spec) {
        QueryPlan plan = planner.plan(spec); // a bad question is refused before the database is asked
        return cache.get(ANSWER, spec, c -> {
            Collecting rows = new Collecting(RowSink.NONE, cache.maxRows());
            long[] total = new long[1];
            Coverage coverage = execute(c, plan, rows, total);
            QueryResult result = new QueryResult(rows.columns, rows.rows, total[0], coverage);
            return rows.complete()
                    ? new AnswerCache.Sized<QueryResult>(result, bytes(result))
                    : AnswerCache.Sized.<QueryResult>uncached(result);
        });
    }

    /**
     * Streams the header and every row of the page to the sink; returns the coverage. An answer the cache holds is
     * replayed; one small enough ({@code gongkai.answer-cache.max-rows}) is kept while it streams.
     */
    public Coverage stream(QuerySpec spec, RowSink sink) {
        QueryPlan plan = planner.plan(spec);
        Collecting rows = new Collecting(sink, cache.maxRows());
        Coverage[] coverage = new Coverage[1];
        AnswerCache.Lookup<QueryResult> answer = cache.get(ANSWER, spec, c -> {
            long[] total = new long[1];
            coverage[0] = execute(c, plan, rows, total);
            if (!rows.complete()) return AnswerCache.Sized.<QueryResult>uncached(null);
            QueryResult result = new QueryResult(rows.columns, rows.rows, total[0], coverage[0]);
            return new AnswerCache.Sized<QueryResult>(result, bytes(result));
        });
        if (!answer.hit()) return coverage[0];
        QueryResult kept = answer.answer();
        sink.header(kept.columns());
        kept.rows().forEach(sink::row);
        return kept.coverage();
    }

    /** A sink that passes rows on and keeps them, up to a bound past which it only passes them on. */
    private static final class Collecting implements RowSink {
        private final RowSink next;
        private final int maxRows;
        private List<Column> columns;
        private List<List<Object>> rows = new ArrayList<>();

        Collecting(RowSink next, int maxRows) {
            this.next = next;
            this.maxRows = maxRows;
        }

        @Override
        public void header(List<Column> columns) {
            this.columns = List.copyOf(columns);
            next.header(columns);
        }

        @Override
        public void row(List<Object> cells) {
            next.row(cells);
            if (rows == null) return;
            if (next != RowSink.NONE && rows.size() >= maxRows) rows = null; // too large to keep: streamed only
            else rows.add(Collections.unmodifiableList(cells));
        }

        boolean complete() {
            return rows != null && rows.size() <= maxRows;
        }
    }

    /** The bytes an answer holds, roughly: a cell is a reference and a small number or string. */
    private static long bytes(QueryResult r) {
        long cells = 0;
        for (List<Object> row : r.rows()) cells += row.size();
        return 512 + r.columns().size() * 128L + r.rows().size() * 48L + cells * 40;
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

    /** Runs the plan on the caller's connection, which is in a transaction (a cursor needs one). */
    private Coverage execute(Connection c, QueryPlan plan, RowSink sink, long[] total) throws SQLException {
        QuerySql q = new QuerySql(plan);
        List<Column> columns = columns(plan);
        sink.header(columns);
        int first = 1;
        String read = q.sql;
        boolean staged = !plan.fromRollup() && !dataSource.onReplica(c);
        if (staged) {
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
        if (staged) {
            // the next answer on this connection's transaction (none today) must not find the table
            try (PreparedStatement s = c.prepareStatement("drop table query_rows")) {
                s.execute();
            }
        }
        return coverage;
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

    /**
     * Latest reports matching the filters, and their agencies: a count over many years, shared by every answer with
     * the same filters (kept in the answer cache by filters, at the same data version).
     */
    private Coverage coverage(Connection c, QueryPlan plan) throws SQLException {
        QueryFilters f = plan.spec().filters();
        return cache.get(c, COVERAGE, f, conn -> {
                    QuerySql filters = QuerySql.coverage(f);
                    try (PreparedStatement s = conn.prepareStatement(filters.sql)) {
                        bind(conn, s, filters.params);
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            return new AnswerCache.Sized<Coverage>(new Coverage(rs.getLong(1), rs.getLong(2)), 256);
                        }
                    }
                })
                .answer();
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
