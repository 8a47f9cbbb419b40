package org.gongkai.exports.schedules;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A schedule or run id as a path gives it: 1 to 18 ASCII digits, no leading zero, and no matrix parameters on the
 * path (JAX-RS drops {@code ;ls} from {@code /1;ls} before the resource sees {@code 1}).
 */
final class PlainId {

    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,17}");

    private PlainId() {}

    static OptionalLong parse(String id, String rawPath) {
        if (id == null || !DIGITS.matcher(id).matches()) return OptionalLong.empty();
        int query = rawPath.indexOf('?');
        if ((query < 0 ? rawPath : rawPath.substring(0, query)).contains(";")) return OptionalLong.empty();
        return OptionalLong.of(Long.parseLong(id));
    }
}
