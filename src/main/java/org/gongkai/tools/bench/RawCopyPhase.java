package org.gongkai.tools.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The limit to beat: COPY of the same report rows and cells, as loaded, into empty copies of the tables (same
 * indexes, same partitions), timed.
 */
final class RawCopyPhase {

    private RawCopyPhase() {}

    /** Answers the seconds the two COPYs took. */
    static double run(Connection db, Path out, long reports, BenchResults results) throws SQLException, IOException {
        Path reportsFile = out.resolve("raw-report.copy");
        Path figuresFile = out.resolve("raw-figure.copy");
        PGConnection pg = db.unwrap(PGConnection.class);
        try (Writer w = Files.newBufferedWriter(reportsFile)) {
            pg.getCopyAPI().copyOut("COPY report TO STDOUT", w);
        }
        try (Writer w = Files.newBufferedWriter(figuresFile)) {
            pg.getCopyAPI().copyOut("COPY (select * from figure) TO STDOUT", w);
        }
        createEmptyCopies(db);
        long t0 = System.nanoTime();
        try (Reader r = Files.newBufferedReader(reportsFile)) {
            pg.getCopyAPI().copyIn("COPY bench_report FROM STDIN", r);
        }
        long cells;
        try (Reader r = Files.newBufferedReader(figuresFile)) {
            cells = pg.getCopyAPI().copyIn("COPY bench_figure FROM STDIN", r);
        }
        double s = BenchResults.seconds(t0);
        try (Statement st = db.createStatement()) {
            st.execute("drop table bench_figure, bench_report");
        }
        Files.delete(reportsFile);
        Files.delete(figuresFile);
        results.put("cells", cells);
        results.put("raw_copy_seconds", s);
        System.out.printf("raw COPY: %,d reports and %,d cells in %.1f s%n", reports, cells, s);
        return s;
    }

    private static void createEmptyCopies(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("drop table if exists bench_figure, bench_report");
            s.execute("create table bench_report (like report including all)");
            // partitioned by year as figure is, with the same partitions
            s.execute("create table bench_figure (like figure including all) partition by range (year)");
            List<String> bounds = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select c.relname, pg_get_expr(c.relpartbound, c.oid) from pg_inherits i"
                    + " join pg_class c on c.oid = i.inhrelid where i.inhparent = 'figure'::regclass")) {
                while (rs.next())
                    bounds.add(
                            "create table bench_" + rs.getString(1) + " partition of bench_figure " + rs.getString(2));
            }
            for (String ddl : bounds) s.execute(ddl);
        }
    }
}
