package org.gongkai.security;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test's REST Assured requests carry the {@code %test} admin token ({@code gongkai.security.admin-token}), so
 * tests of other features need not know about tokens; registered for every test through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} (quarkus-junit's {@code junit-platform.properties}
 * turns autodetection on). A global filter rather than a global request specification: a specification built before
 * Quarkus sets the test port would carry the default port. A request with its own {@code Authorization} header keeps
 * it; after {@link #anonymous()} requests carry none, until the next test.
 */
public final class DefaultAdminToken implements BeforeAllCallback, BeforeEachCallback {

    public static final String TOKEN = "test-admin-token";

    private static volatile boolean send = true;

    private static final Filter FILTER = (request, response, context) -> {
        if (send && !request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return context.next(request, response);
    };

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
        installIn(context.getRequiredTestClass().getClassLoader());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        install();
        // a @QuarkusTest instance runs in Quarkus's class loader, with a RestAssured class of its own
        context.getTestInstance().ifPresent(t -> installIn(t.getClass().getClassLoader()));
    }

    private static void installIn(ClassLoader loader) {
        if (loader == DefaultAdminToken.class.getClassLoader()) return;
        try {
            Class.forName(DefaultAdminToken.class.getName(), true, loader)
                    .getDeclaredMethod("install")
                    .invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot give the test's REST Assured the admin token", e);
        }
    }

    /** Sends the admin token with every request of this class loader's REST Assured that names no other. */
    public static void install() {
        send = true;
        if (!RestAssured.filters().contains(FILTER)) RestAssured.filters(FILTER);
    }

    /** From now until the next test: requests without any token (a test of anonymous callers). */
    public static void anonymous() {
        send = false;
    }
}
