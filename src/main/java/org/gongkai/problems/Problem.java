package org.gongkai.problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}).
 *
 * @param extensions extension members, written at the top level beside the standard ones (e.g. classification)
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The body as written: the standard members, then the extension members. */
    public Map<String, Object> body() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.put("title", title);
        out.put("status", status);
        if (detail != null) out.put("detail", detail);
        if (instance != null) out.put("instance", instance);
        if (errors != null && !errors.isEmpty()) out.put("errors", errors);
        if (extensions != null) extensions.forEach(out::putIfAbsent);
        return out;
    }
}
