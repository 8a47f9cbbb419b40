package org.gongkai.database;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile whose only effect is a restart on a database of its own: for tests that load data spread over the
 * whole country, which would change the hand-computed answers of the other tests.
 */
public class FreshDatabase implements QuarkusTestProfile {}
