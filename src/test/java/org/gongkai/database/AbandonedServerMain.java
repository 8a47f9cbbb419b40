package org.gongkai.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;

/**
 * The owner {@code EmbeddedRecoveryTest} kills: starts the embedded PostgreSQL on a directory, stores a row, says
 * {@code READY} and waits to be killed with -9.
 */
public final class AbandonedServerMain {

    private AbandonedServerMain() {}

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db =
                EmbeddedDatabase.start(Path.of(args[0]), 0, false, Optional.empty(), Boolean.parseBoolean(args[1]));
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement st = c.createStatement()) {
            st.execute("create table if not exists survivor (note text)");
            st.execute("insert into survivor values ('written before the kill')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
