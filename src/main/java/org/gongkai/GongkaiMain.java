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
        EmbeddedDatabase embedded = DatabaseBootstrap.startEmbeddedUnlessConfigured();
        try {
            Quarkus.run(args.length > 0 ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
        } finally {
            if (embedded != null) embedded.close();
        }
    }
}
