package org.gongkai.queries;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A WHERE clause and the parameters of its placeholders, built a term at a time by the readers that filter by
 * optional parameters (reports, the review queue, a view's drill-down): a term whose value is absent adds nothing.
 */
public final class SqlWhere {

    private final StringBuilder sql = new StringBuilder(" where ");
    private final List<Object> args = new ArrayList<>();

    /** Starts with {@code term}, whose placeholders take {@code values}. */
    public SqlWhere(String term, Object... values) {
        sql.append(term);
        Collections.addAll(args, values);
    }

    /** Adds {@code and term} when {@code value} is present, each of the term's placeholders taking it. */
    public SqlWhere and(String term, Object value) {
        if (value == null) return this;
        sql.append(" and ").append(term);
        for (int i = term.indexOf('?'); i >= 0; i = term.indexOf('?', i + 1)) args.add(value);
        return this;
    }

    /** Adds {@code and term}, a condition without placeholders, when {@code when} holds. */
    public SqlWhere andIf(boolean when, String term) {
        if (when) sql.append(" and ").append(term);
        return this;
    }

    /** Sets the parameters from {@code first} on; answers the index after the last. */
    public int bind(PreparedStatement s, int first) throws SQLException {
        int i = first;
        for (Object a : args) s.setObject(i++, a);
        return i;
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
