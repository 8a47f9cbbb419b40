package org.gongkai.replicas;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs the application on a real primary and streaming replica ({@code database.TestDatabase} starts them under this
 * profile when the machine has PostgreSQL's server binaries), checked every 200 ms.
 */
public class ReplicaProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gongkai.replica.check-interval", "PT0.2S");
    }
}
