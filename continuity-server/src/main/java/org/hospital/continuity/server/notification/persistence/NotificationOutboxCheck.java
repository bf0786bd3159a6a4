package org.hospital.continuity.server.notification.persistence;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness data of the notification outbox: how many deliveries wait, how late the oldest is, how many were
 * given up. It stays UP while channels fail (a broken SMTP server must not take the server out of service);
 * the numbers are for the operator.
 */
@Readiness
@ApplicationScoped
public class NotificationOutboxCheck implements AsyncHealthCheck {

    private final DeliveryHistoryStore store;
    private final InstantSource clock;

    public NotificationOutboxCheck(DeliveryHistoryStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return store.backlog().map(b -> HealthCheckResponse.named("Notification outbox").up()
                        .withData("pending", b.pending())
                        .withData("oldestDueSeconds", b.oldestDue() == null ? 0
                                : Math.max(0, Duration.between(b.oldestDue(), clock.instant()).toSeconds()))
                        .withData("gaveUp", b.gaveUp()).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("Notification outbox").down()
                        .withData("error", e.getClass().getSimpleName()).build());
    }
}
