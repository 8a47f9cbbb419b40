package org.gongkai.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The text of every entry of a zip (an XLSX), for assertions on parts the reader does not expose. */
final class ZipText {

    private ZipText() {}

    static String entries(byte[] zip) {
        try {
            Path tmp = Files.createTempFile("gongkai-zip", ".xlsx");
            try {
                Files.write(tmp, zip);
                StringBuilder sb = new StringBuilder();
                try (ZipFile z = new ZipFile(tmp.toFile())) {
                    for (ZipEntry e : Collections.list(z.entries())) {
                        sb.append("== ").append(e.getName()).append('\n');
                        sb.append(new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8))
                                .append('\n');
                    }
                }
                return sb.toString();
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
