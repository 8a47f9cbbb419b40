package org.gongkai.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The embedded server's password for its {@code postgres} role: configured ({@code GONGKAI_EMBEDDED_PASSWORD}) or
 * generated at the first start, and kept in the data directory, readable by its owner only (mode 600), with the
 * {@code pg_hba.conf} that makes every local and loopback connection prove it with scram-sha-256.
 */
final class ServerPassword {

    static final String FILE = "gongkai-postgres.password";

    private static final String HBA =
            """
            # Written by Gongkai (database.ServerPassword): every connection proves the generated password.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private ServerPassword() {}

    /** The password kept in the data directory; empty before the first start that set one. */
    static Optional<String> stored(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            return Files.exists(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** 24 random bytes, URL-safe Base64: nothing in it needs quoting anywhere. */
    static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Keeps the password (mode 600, written whole or not at all). */
    static void store(Path dataDirectory, String password) {
        Path file = dataDirectory.resolve(FILE);
        Path tmp = dataDirectory.resolve(FILE + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, password, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Replaces initdb's trust-everyone {@code pg_hba.conf}; takes effect at the next start or reload. */
    static void requireScram(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf in " + dataDirectory, e);
        }
    }
}
