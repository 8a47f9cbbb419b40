package org.gongkai.exports.schedules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.gongkai.config.GongkaiConfig;

/**
 * Where scheduled exports may write: folders under {@code gongkai.exports.root}. A schedule names a relative folder,
 * so an API client can never make the service write elsewhere on the server.
 */
@ApplicationScoped
public class ExportFolders {

    @Inject
    GongkaiConfig config;

    public Path root() {
        return config.exports().root().toAbsolutePath().normalize();
    }

    /** Why the folder cannot be used, or empty when it can (it need not exist yet). */
    public Optional<String> problem(String folder) {
        if (folder == null || folder.isBlank()) return Optional.of("must name a folder under the export root");
        Path p;
        try {
            p = Path.of(folder);
        } catch (InvalidPathException e) {
            return Optional.of("is not a valid path: " + e.getReason());
        }
        var limits = config.exports().schedules();
        if (folder.length() > limits.folderLength())
            return Optional.of("must be at most " + limits.folderLength() + " characters");
        if (p.getNameCount() > limits.folderDepth())
            return Optional.of("must be at most " + limits.folderDepth() + " folders deep");
        // the root itself is not named: an answer shows no server path
        if (p.isAbsolute()) return Optional.of("must be relative to the export root");
        for (Path part : p) {
            if (part.toString().equals("..")) return Optional.of("must not leave the export root (\"..\")");
        }
        Path resolved = resolve(folder);
        if (Files.exists(resolved) && !Files.isDirectory(resolved)) return Optional.of("exists and is not a folder");
        return Optional.empty();
    }

    /** A run's file from what its record holds: a path relative to the root (or, recorded before, absolute). */
    public Path locate(String storedPath) {
        return root().resolve(storedPath).normalize();
    }

    /** How a run's record names a file written under the root: relative to it, so no record shows a server path. */
    public String stored(Path file) {
        return root().relativize(file.toAbsolutePath().normalize()).toString();
    }

    /** A reason to record, with the root left out of every path in it ({@code blocked/sub}, not {@code /srv/…}). */
    public String withoutRoot(String reason) {
        String root = root().toString();
        return reason.replace(root + java.io.File.separator, "").replace(root, "(the export root)");
    }

    public Path resolve(String folder) {
        Path resolved = root().resolve(folder).normalize();
        if (!resolved.startsWith(root()))
            throw new IllegalArgumentException("folder outside the export root: " + folder);
        return resolved;
    }
}
