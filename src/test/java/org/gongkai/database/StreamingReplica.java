package org.gongkai.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL primary and a streaming replica of it (pg_basebackup -R), started from the machine's server
 * binaries (Debian's packages, {@code /usr/lib/postgresql/N/bin}) on loopback, for the replica tests. The embedded
 * zonky binaries carry no pg_basebackup, so without Debian's the tests that need this are skipped.
 */
public final class StreamingReplica implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int primaryPort;
    private final int replicaPort;

    private StreamingReplica(Path bin, Path dir, int primaryPort, int replicaPort) {
        this.bin = bin;
        this.dir = dir;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
    }

    /** The newest installed server binaries that include pg_basebackup. */
    static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b ->
                            Files.isExecutable(b.resolve("pg_basebackup")) && Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparingInt(
                            b -> version(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static StreamingReplica start(Path bin) {
        try {
            Path dir = Files.createTempDirectory("gongkai-replica");
            StreamingReplica r = new StreamingReplica(bin, dir, freePort(), freePort());
            if (root()) run("chown", "postgres", dir.toString());
            r.asOwner(
                    bin.resolve("initdb").toString(),
                    "-D",
                    dir.resolve("primary").toString(),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8");
            r.asOwner(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    dir.resolve("primary").toString(),
                    "-l",
                    dir.resolve("primary.log").toString(),
                    "-w",
                    "-o",
                    "-p " + r.primaryPort + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                    "start");
            r.asOwner(
                    bin.resolve("pg_basebackup").toString(),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(r.primaryPort),
                    "-U",
                    "postgres",
                    "-D",
                    dir.resolve("replica").toString(),
                    "-R",
                    "-X",
                    "stream",
                    "-c",
                    "fast");
            r.startReplica();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres";
    }

    public String replicaUrl() {
        return "jdbc:postgresql://127.0.0.1:" + replicaPort + "/postgres";
    }

    /** Starts (again) the replica, which resumes streaming where it stopped. */
    public void startReplica() {
        asOwner(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("replica").toString(),
                "-l",
                dir.resolve("replica.log").toString(),
                "-w",
                "-o",
                "-p " + replicaPort + " -k " + dir + " -c listen_addresses=127.0.0.1 -c hot_standby_feedback=on",
                "start");
    }

    /** Stops the replica as a crash would (immediate shutdown: no checkpoint, connections cut). */
    public void killReplica() {
        asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("replica").toString(), "-m", "immediate", "stop");
    }

    /** Runs SQL on the replica, e.g. {@code select pg_wal_replay_pause()}. */
    public void onReplica(String sql) {
        try (Connection c = DriverManager.getConnection(replicaUrl(), "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the replica", e);
        }
    }

    @Override
    public void close() {
        for (String node : List.of("replica", "primary")) {
            try {
                asOwner(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dir.resolve(node).toString(),
                        "-m",
                        "immediate",
                        "stop");
            } catch (RuntimeException alreadyStopped) {
                // killed by a test, or never started
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    private void asOwner(String... command) {
        List<String> full = new ArrayList<>();
        if (root()) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0)
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
