package org.gongkai.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL after its owner was killed with -9, and its password. */
class EmbeddedRecoveryTest {

    private Path dir;

    @BeforeEach
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory("gongkai-recovery-pg").resolve("data");
    }

    @AfterEach
    void removeDirectory() throws IOException {
        OrphanedServer.clear(dir); // never leave a server behind, whatever the test did
        try (Stream<Path> files = Files.walk(dir.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void startsCleanlyOnTheDirectoryOfAServerWhoseOwnerWasKilled() throws Exception {
        long orphan = startAndKillOwner(false);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("kill -9 of the owner leaves its PostgreSQL running")
                .contains(true);

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, false)) {
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                    .as("the orphan was stopped")
                    .isEmpty();
            assertThat(queryOne(db, "select note from survivor")).isEqualTo("written before the kill");
        }
    }

    @Test
    void serverDiesWithItsOwnerKilledWithMinusNine() throws Exception {
        long server = startAndKillOwner(true);
        ProcessHandle handle = ProcessHandle.of(server).orElse(null);
        if (handle != null) handle.onExit().get(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(dir.resolve("postmaster.pid"))
                .as("a fast shutdown removes its pid file")
                .doesNotExist();
    }

    @Test
    void startsTheServerAgainWhenItIsKilledUnderItsOwner() throws Exception {
        // durable: a throw-away server commits asynchronously, and a kill within 200 ms would lose the table
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, true)) {
            db.restartWhenDead(Duration.ofMillis(200));
            execute(db, "create table kept as select 'before' as note");
            long first = OrphanedServer.pidIn(dir.resolve("postmaster.pid")).orElseThrow();
            ProcessHandle.of(first).orElseThrow().destroyForcibly(); // kill -9 of the postmaster
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String note = null;
            SQLException last = null;
            while (note == null && System.nanoTime() < deadline) {
                try {
                    note = queryOne(db, "select note from kept");
                } catch (SQLException stillDown) {
                    last = stillDown;
                    Thread.sleep(200);
                }
            }
            assertThat(note).as("last failure: %s", last).isEqualTo("before");
            assertThat(OrphanedServer.pidIn(dir.resolve("postmaster.pid")))
                    .isPresent()
                    .get()
                    .isNotEqualTo(first);
        }
    }

    @Test
    void removesAPidFileThatNamesAnotherLiveProcess() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, false)) {
            assertThat(queryOne(db, "select 'up'")).isEqualTo("up");
        }
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            // PostgreSQL alone refuses this: lock file "postmaster.pid" already exists
            Files.writeString(dir.resolve("postmaster.pid"), stranger.pid() + "\n" + dir.toRealPath() + "\n");
            try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, false)) {
                assertThat(queryOne(db, "select 'up again'")).isEqualTo("up again");
            }
            assertThat(stranger.isAlive())
                    .as("a process that is not our server is never stopped")
                    .isTrue();
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void requiresTheGeneratedPasswordWithScram() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, false)) {
            Path file = dir.resolve(ServerPassword.FILE);
            assertThat(Files.readString(file).strip()).isEqualTo(db.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(dir.resolve("pg_hba.conf")))
                    .doesNotContain("trust")
                    .contains("scram-sha-256");
            assertThat(queryOne(
                            db, "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'"))
                    .isEqualTo("t");
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "wrong"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl()).close())
                    .isInstanceOf(SQLException.class);
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dir, 0, false)) {
            assertThat(again.password())
                    .isEqualTo(
                            Files.readString(dir.resolve(ServerPassword.FILE)).strip());
            assertThat(queryOne(again, "select 'the kept password still opens it'"))
                    .isNotNull();
        }
    }

    @Test
    void takesAConfiguredPassword() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, false, Optional.of("it's a configured one"), true)) {
            assertThat(db.password()).isEqualTo("it's a configured one");
            assertThat(queryOne(db, "select 'in'")).isEqualTo("in");
        }
    }

    /** Starts a server in a child JVM, kills that JVM with -9 and returns the server's pid. */
    private long startAndKillOwner(boolean dieWithJvm) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process owner = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        AbandonedServerMain.class.getName(),
                        dir.toString(),
                        Boolean.toString(dieWithJvm))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                assertThat(System.nanoTime()).as("the child started its server").isLessThan(deadline);
            }
            assertThat(line).as("the child said READY").isEqualTo("READY");
        } catch (RuntimeException | Error e) {
            owner.destroyForcibly();
            throw e;
        }
        long server = OrphanedServer.pidIn(dir.resolve("postmaster.pid")).orElseThrow();
        owner.destroyForcibly(); // SIGKILL: no shutdown hook runs
        owner.waitFor(30, TimeUnit.SECONDS);
        return server;
    }

    private static void execute(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String queryOne(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
