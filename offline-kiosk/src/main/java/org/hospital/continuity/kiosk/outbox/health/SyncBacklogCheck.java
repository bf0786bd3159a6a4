package org.hospital.continuity.kiosk.outbox.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.hospital.continuity.kiosk.outbox.app.SyncAgent;

/**
 * The outbox backlog and its oldest unsent age as readiness data. Always UP: a kiosk whose server
 * is away keeps capturing (offline is its normal mode); the numbers tell how much waits.
 */
@Readiness
@ApplicationScoped
public class SyncBacklogCheck implements HealthCheck {

    private final SyncAgent agent;

    public SyncBacklogCheck(SyncAgent agent) {
        this.agent = agent;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("Sync backlog").up();
        try {
            SyncAgent.Status s = agent.status();
            b.withData("state", s.state()).withData("unsent", s.unsent()).withData("oldestUnsentAgeSeconds", s.oldestUnsentAgeSeconds());
        } catch (RuntimeException e) {
            b.withData("error", "journal unreadable");
        }
        return b.build();
    }
}
