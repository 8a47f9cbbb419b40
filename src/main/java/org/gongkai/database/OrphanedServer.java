package org.gongkai.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Clears the way for a start on a data directory whose last owner died without stopping its PostgreSQL (kill -9 of
 * the service): stops the orphaned postmaster named in {@code postmaster.pid} once it is proven to be a PostgreSQL
 * running on this very directory, ends what is left of a killed one, and removes a pid file whose process is gone or
 * is something else.
 */
final class OrphanedServer {

    private static final Logger LOG = Logger.getLogger(OrphanedServer.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);

    private OrphanedServer() {}

    /** Returns normally once no PostgreSQL runs on {@code dataDirectory} and no stale pid file is left in it. */
    static void clear(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            Optional<Long> pid = pidIn(pidFile);
            Optional<ProcessHandle> postmaster = pid.flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> isPostgresOf(p.pid(), dataDirectory));
            if (postmaster.isPresent()) {
                LOG.warnf(
                        "An orphaned embedded PostgreSQL (pid %d) still runs on %s (its last owner died without"
                                + " stopping it): stopping it",
                        postmaster.get().pid(), dataDirectory.toAbsolutePath());
                stop(postmaster.get(), dataDirectory);
            }
        }
        // Backends of a postmaster that was killed outlive it for a moment and still use the directory and its
        // shared memory: only once none is left may the pid file go (PostgreSQL would refuse to start over them).
        killLeftovers(dataDirectory);
        deleteStale(pidFile, "no process runs on the directory any more");
    }

    /** The postmaster's pid: the first line of {@code postmaster.pid}; empty when the file is absent or garbled. */
    static Optional<Long> pidIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * True when {@code pid} runs a {@code postgres} binary whose working directory is {@code dataDirectory}: a
     * postmaster changes into its data directory, so this tells our server from a recycled pid (Linux {@code /proc}).
     */
    static boolean isPostgresOf(long pid, Path dataDirectory) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String exe =
                    Files.readSymbolicLink(proc.resolve("exe")).getFileName().toString();
            Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
            return exe.startsWith("postgres") && cwd.equals(dataDirectory.toRealPath());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // not ours to read, so not ours to stop
        }
    }

    /** A fast shutdown through the server's own pg_ctl; SIGKILL of it and its backends if that does not end it. */
    private static void stop(ProcessHandle postmaster, Path dataDirectory) {
        try {
            Path pgCtl = Files.readSymbolicLink(Path.of("/proc", Long.toString(postmaster.pid()), "exe"))
                    .resolveSibling("pg_ctl");
            Process p = new ProcessBuilder(
                            pgCtl.toString(),
                            "stop",
                            "-D",
                            dataDirectory.toString(),
                            "-m",
                            "fast",
                            "-w",
                            "-t",
                            Long.toString(FAST_SHUTDOWN.toSeconds()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.waitFor(FAST_SHUTDOWN.toSeconds() + 5, TimeUnit.SECONDS);
            postmaster.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("pg_ctl stop did not end the orphaned PostgreSQL (pid %d): killing it", postmaster.pid());
            List<ProcessHandle> backends = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            try {
                postmaster.onExit().get(10, TimeUnit.SECONDS);
                for (ProcessHandle b : backends) b.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception again) {
                throw new IllegalStateException(
                        "cannot stop the orphaned PostgreSQL (pid " + postmaster.pid() + ") on " + dataDirectory,
                        again);
            }
        }
    }

    /** SIGKILL to every postgres process still working in the directory (a dead postmaster's backends). */
    private static void killLeftovers(Path dataDirectory) {
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid() && isPostgresOf(p.pid(), dataDirectory))
                .toList();
        if (leftovers.isEmpty()) return;
        LOG.warnf("Stopping %d leftover PostgreSQL processes on %s", leftovers.size(), dataDirectory.toAbsolutePath());
        leftovers.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : leftovers) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(
                        "cannot stop PostgreSQL process " + p.pid() + " on " + dataDirectory, e);
            }
        }
    }

    private static void deleteStale(Path pidFile, String why) {
        try {
            if (Files.deleteIfExists(pidFile)) LOG.infof("Removed the stale %s: %s", pidFile, why);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale " + pidFile, e);
        }
    }
}
