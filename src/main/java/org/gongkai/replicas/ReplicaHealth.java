package org.gongkai.replicas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The replica in {@code /q/health}: its state, replay position and lag. Always up: a replica that is down or behind
 * costs the primary its reads, not the service its readiness.
 */
@Readiness
@ApplicationScoped
public class ReplicaHealth implements HealthCheck {

    @Inject
    ReplicaMonitor monitor;

    @Override
    public HealthCheckResponse call() {
        ReplicaStatus s = monitor.status();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("replica")
                .up()
                .withData("state", s.state())
                .withData("reads", s.usable() ? "replica" : "primary");
        if (s.replayed() != null) b.withData("replayedLsn", s.replayed().toString());
        if (s.primary() != null) b.withData("primaryLsn", s.primary().toString());
        if (!ReplicaStatus.NONE.equals(s.state())) {
            b.withData("lagBytes", s.lagBytes()).withData("lagSeconds", String.valueOf(s.lagSeconds()));
        }
        if (s.checkedAt() != null) b.withData("checkedAt", s.checkedAt().toString());
        if (s.error() != null)
            b.withData("error", s.error().length() > 300 ? s.error().substring(0, 300) : s.error());
        return b.build();
    }
}
