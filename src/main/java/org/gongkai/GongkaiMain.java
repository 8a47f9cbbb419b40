package org.gongkai;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.gongkai.database.DatabaseBootstrap;
import org.gongkai.database.EmbeddedDatabase;

/**
 * The application's entry point: with no arguments (or {@code serve}) it starts the service, first starting the
 * embedded PostgreSQL when no database is configured; any other first argument runs a command-line tool.
 */
@QuarkusMain
public final class GongkaiMain {

    private GongkaiMain() {}

    public static void main(String... args) {
        if (args.length > 0 && !"serve".equals(args[0])) {
            System.exit(GongkaiCommands.run(args));
        }
        // Quarkus answers a broken URI with an empty 400 unless told to hand it on; UrlGuard answers it as a problem.
        System.setProperty(org.gongkai.problems.UrlGuard.HAND_ON_BROKEN_URIS, "true");
        // Before Quarkus configures logging every library logs at TRACE; a failed start must not bury its reason.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        EmbeddedDatabase embedded;
        try {
            embedded = DatabaseBootstrap.startEmbeddedUnlessConfigured();
        } catch (RuntimeException e) {
            // print what was logged so far (Quarkus holds it until it configures logging), then the reason, last
            io.quarkus.bootstrap.logging.InitialConfigurator.DELAYED_HANDLER.close();
            System.err.println("gongkai: the service did not start: " + reason(e));
            System.exit(1);
            return;
        }
        try {
            Quarkus.run(args.length > 0 ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
        } finally {
            if (embedded != null) embedded.close();
        }
    }

    /** The outermost message and the innermost cause, which together say what failed and why. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String outer = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root == e || root.getMessage() == null) return outer;
        return outer + ": "
                + root.getMessage().strip().lines().reduce((a, b) -> b).orElse("");
    }
}
