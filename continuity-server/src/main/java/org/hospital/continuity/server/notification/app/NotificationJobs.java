package org.hospital.continuity.server.notification.app;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Drives the outbox: escalates what is due, then sends what is due. Every {@code
 * continuity.notification.dispatch-every} (5 s by default; {@code off} in tests, which drive it with a
 * controllable clock).
 */
@ApplicationScoped
public class NotificationJobs {

    private final EscalatingNotifications escalating;
    private final DispatchingDeliveries dispatching;

    public NotificationJobs(EscalatingNotifications escalating, DispatchingDeliveries dispatching) {
        this.escalating = escalating;
        this.dispatching = dispatching;
    }

    @Scheduled(identity = "notification-outbox", every = "${continuity.notification.dispatch-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return runOnce().onFailure().invoke(e -> Log.errorf(e, "notification outbox run failed")).onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass: escalate, then dispatch. */
    public Uni<DispatchingDeliveries.Report> runOnce() {
        return escalating.escalateDue().chain(n -> dispatching.dispatchDue());
    }
}
