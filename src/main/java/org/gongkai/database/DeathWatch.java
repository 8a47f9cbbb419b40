package org.gongkai.database;

import java.io.IOException;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Makes the embedded PostgreSQL die with the JVM that started it, even by kill -9: {@code pg_ctl} detaches the
 * postmaster from the JVM, so a small shell child waits on a pipe only this JVM writes to, and when the kernel closes
 * that pipe (the JVM is gone, however it ended) asks the postmaster for a fast shutdown, after checking that the pid
 * still runs on our data directory.
 */
final class DeathWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeathWatch.class);
    private static final String SCRIPT =
            "read -r _; [ \"$(readlink /proc/$1/cwd)\" = \"$2\" ] && kill -INT \"$1\"; exit 0";

    private final Process watcher;

    private DeathWatch(Process watcher) {
        this.watcher = watcher;
    }

    /** Null when no shell is available (the start-up then still stops an orphan: {@link OrphanedServer}). */
    static DeathWatch watch(long postmasterPid, Path dataDirectory) {
        try {
            Process p = new ProcessBuilder(
                            "/bin/sh",
                            "-c",
                            SCRIPT,
                            "gongkai-pg-deathwatch",
                            Long.toString(postmasterPid),
                            dataDirectory.toRealPath().toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new DeathWatch(p);
        } catch (IOException e) {
            LOG.warnf("cannot watch the embedded PostgreSQL for this JVM's death: %s", e.getMessage());
            return null;
        }
    }

    /** Ends the watcher without letting it signal: for an orderly stop, which stops the server itself. */
    @Override
    public void close() {
        watcher.destroyForcibly();
    }
}
