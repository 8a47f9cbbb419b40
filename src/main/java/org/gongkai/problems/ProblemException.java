package org.gongkai.problems;

import java.util.List;
import java.util.Map;

/**
 * A request Gongkai refuses, with everything the problem body needs. Thrown anywhere below the resources; one
 * mapper ({@link ProblemMapper}) turns it into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    /**
     * What kind of refusal a service or reader raises; the edge, here, decides the status each kind is answered with,
     * so that no code below the resources names an HTTP status.
     */
    public enum Kind {
        /** The request cannot be read as a query (400). */
        MALFORMED(400),
        /** Well-formed, but a field says something that cannot be stored or answered (422). */
        INVALID(422),
        /** The stored state forbids it (409). */
        CONFLICT(409);

        private final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    public ProblemException(Kind kind, String slug, String title, String detail, List<FieldError> errors) {
        this(kind.status, slug, title, detail, errors, Map.of());
    }

    public ProblemException(
            Kind kind,
            String slug,
            String title,
            String detail,
            List<FieldError> errors,
            Map<String, Object> extensions) {
        this(kind.status, slug, title, detail, errors, extensions);
    }

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        this(status, slug, title, detail, errors, Map.of());
    }

    public ProblemException(
            int status,
            String slug,
            String title,
            String detail,
            List<FieldError> errors,
            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    /** 422: the body is well-formed JSON but says something Gongkai cannot store. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).pointer() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; first " + errors.get(0).pointer() + ": "
                        + errors.get(0).message();
        return new ProblemException(422, "invalid-field", "Invalid field", detail, errors);
    }

    public static ProblemException invalid(String pointer, String message) {
        return invalid(List.of(new FieldError(pointer, message)));
    }

    /** 400: a query parameter that cannot be used as given. */
    public static ProblemException badParameter(String name, String message) {
        return new ProblemException(
                400,
                "invalid-parameter",
                "Invalid parameter",
                name + ": " + message,
                List.of(new FieldError(name, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what, List.of());
    }

    public Problem toProblem(String instance) {
        return new Problem("/problems/" + slug, title, status, getMessage(), instance, errors, extensions);
    }

    public int status() {
        return status;
    }
}
