package org.gongkai.problems;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells, from anywhere in an exception's causes, that PostgreSQL could not be reached (refused or lost connection,
 * server shutting down or starting, no connection free within the pool's acquisition timeout): a 503 the client may
 * retry, not a 500.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait ({@code Retry-After}): about how long the pool takes to notice a return. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {}

    public static boolean causes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && isUnavailable(s)) return true;
        }
        return false;
    }

    private static boolean isUnavailable(SQLException s) {
        String state = s.getSQLState();
        if (state != null) return state.startsWith("08") || STATES.contains(state); // 08: connection exception
        String message = s.getMessage();
        return message != null && message.contains("cquisition timeout"); // Agroal's pool, which sets no state
    }
}
