package org.gongkai.problems;

/** One thing wrong with a request, located by a JSON Pointer (RFC 6901) into the body or a query parameter name. */
public record FieldError(String pointer, String message) {

    /** The JSON Pointer of a member name, escaping '~' and '/' as RFC 6901 requires. */
    public static String pointer(String... path) {
        StringBuilder sb = new StringBuilder();
        for (String p : path) sb.append('/').append(p.replace("~", "~0").replace("/", "~1"));
        return sb.toString();
    }
}
