package org.gongkai.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One way the writers of this package run a transaction: committed when the work returns, rolled back when it throws. */
final class Transactions {

    private Transactions() {}

    /** What a transaction does on its connection. */
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    /** Runs {@code work} in a transaction of its own on a connection of {@code dataSource}. */
    static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T out = work.on(c);
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
}
