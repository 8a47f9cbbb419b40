package org.gongkai.problems;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Finds which query parameter JAX-RS could not convert to its declared type ({@code ?year=abc}, {@code ?limit=x},
 * {@code ?regionCode=999999}) and why. JAX-RS answers such a failure with a bare 404 that names nothing; the mapper
 * asks this class instead, which converts each query parameter of the matched method again, the way JAX-RS does
 * (numbers, or the type's {@code valueOf}/{@code fromString}), and reports the first that fails.
 */
final class UnreadableParameters {

    private UnreadableParameters() {}

    static Optional<FieldError> find(Method method, MultivaluedMap<String, String> query) {
        if (method == null) return Optional.empty();
        for (Parameter p : method.getParameters()) {
            String name = queryName(p);
            if (name == null) continue;
            List<String> values = query.get(name);
            if (values == null) continue;
            for (String value : values) {
                String why = whyNot(p.getType(), value);
                if (why != null) return Optional.of(new FieldError(name, why));
            }
        }
        return Optional.empty();
    }

    /** A path parameter is matched by the route and converted by the resource itself; only query names count. */
    private static String queryName(Parameter p) {
        RestQuery rq = p.getAnnotation(RestQuery.class);
        if (rq != null) return rq.value().isEmpty() ? p.getName() : rq.value();
        QueryParam qp = p.getAnnotation(QueryParam.class);
        if (qp != null) return qp.value();
        if (p.isAnnotationPresent(RestPath.class) || p.isAnnotationPresent(PathParam.class)) return null;
        return null;
    }

    private static String whyNot(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) Integer.parseInt(value.strip());
            else if (type == long.class || type == Long.class) Long.parseLong(value.strip());
            else if (type == String.class || type == boolean.class || type == Boolean.class) return null;
            else {
                Method factory = factory(type);
                if (factory == null) return null;
                factory.invoke(null, value);
            }
            return null;
        } catch (NumberFormatException e) {
            return "must be an integer, was \"" + value + "\"";
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            return cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage()
                    : "cannot be read as given";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "cannot be read as given";
        }
    }

    /** JAX-RS's order: an enum's {@code fromString}, else {@code valueOf}, else {@code fromString}. */
    private static Method factory(Class<?> type) {
        List<String> names = type.isEnum() ? List.of("fromString", "valueOf") : List.of("valueOf", "fromString");
        for (String n : names) {
            try {
                Method m = type.getMethod(n, String.class);
                if (Modifier.isStatic(m.getModifiers())) return m;
            } catch (NoSuchMethodException e) {
                // try the next
            }
        }
        return null;
    }
}
