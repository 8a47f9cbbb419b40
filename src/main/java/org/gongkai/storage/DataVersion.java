package org.gongkai.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The data version (V14 {@code data_version}): every write that an answer could read adds one to it in its own
 * transaction, so that answers cached by version ({@code queries/AnswerCache}) are never served after a write, on any
 * service instance. A writer bumps the row its backend's pid picks, so that concurrent writers on other backends never
 * wait for each other's commits; within one transaction it is always the same row.
 */
public final class DataVersion {

    private DataVersion() {}

    /** Counts one write; in the caller's transaction (or, with auto-commit, just after the write it follows). */
    public static void bump(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update data_version set changes = changes + 1 where slot = pg_backend_pid() % 64")) {
            s.executeUpdate();
        }
    }
}
