package org.gongkai.database;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestDatabase} once for every {@code @QuarkusTest} of the suite. */
@QuarkusTestResource(TestDatabase.class)
public final class UsesTestDatabase {
    private UsesTestDatabase() {}
}
