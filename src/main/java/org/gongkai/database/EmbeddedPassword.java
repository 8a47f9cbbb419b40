package org.gongkai.database;

import java.nio.file.Path;
import java.util.Optional;

/** The password an embedded data directory's {@code postgres} role proves, for tools that connect to it directly. */
public final class EmbeddedPassword {

    private EmbeddedPassword() {}

    /** The password kept in the data directory; empty before a service first started on it. */
    public static Optional<String> of(Path dataDirectory) {
        return ServerPassword.stored(dataDirectory);
    }
}
