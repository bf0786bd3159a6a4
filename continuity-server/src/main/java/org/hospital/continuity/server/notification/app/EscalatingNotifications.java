package org.hospital.continuity.server.notification.app;

import org.hospital.continuity.server.notification.NotificationEvents;
import org.hospital.continuity.server.notification.NotificationSettings;
import org.hospital.continuity.server.platform.persistence.Tx;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.eventbus.EventBus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.hospital.continuity.server.notification.domain.EscalationPolicy;
import org.hospital.continuity.server.notification.domain.Notification;
import org.hospital.continuity.server.notification.domain.PlannedDelivery;
import org.hospital.continuity.server.notification.persistence.NotificationStore;

/**
 * "Call until reached": every unacknowledged notification whose time has come is sent again, to the same
 * tier or the next one as the {@link EscalationPolicy} decides, until somebody acknowledges it or it is
 * closed. Notifications are locked with SKIP LOCKED, so two instances never escalate the same one twice.
 */
@ApplicationScoped
public class EscalatingNotifications {

    private final NotificationStore store;
    private final ResolvingRecipients recipients;
    private final RaisingNotification raising;
    private final NotificationSettings settings;
    private final InstantSource clock;
    private final EventBus bus;
    private final AcknowledgedElsewhere elsewhere;

    public EscalatingNotifications(NotificationStore store, ResolvingRecipients recipients, RaisingNotification raising,
                                   NotificationSettings settings, InstantSource clock, EventBus bus, AcknowledgedElsewhere elsewhere) {
        this.elsewhere = elsewhere;
        this.store = store;
        this.recipients = recipients;
        this.raising = raising;
        this.settings = settings;
        this.clock = clock;
        this.bus = bus;
    }

    /** @return how many notifications were sent again */
    public Uni<Integer> escalateDue() {
        Instant now = clock.instant();
        EscalationPolicy policy = settings.escalation().policy();
        return store.pool().withTransaction(conn -> store.lockEscalationsDue(conn, now, settings.batchSize())
                .chain(due -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Notification n : due) {
                        chain = chain.chain(count -> escalate(conn, n, policy, now).map(done -> done ? count + 1 : count));
                    }
                    return chain;
                }));
    }

    private Uni<Boolean> escalate(Tx conn, Notification n, EscalationPolicy policy, Instant now) {
        if (n.subjectRef() == null) {
            return escalateNow(conn, n, policy, now);
        }
        return elsewhere.acknowledgedBy(n.subjectRef()).chain(by -> {
            if (by.isEmpty()) {
                return escalateNow(conn, n, policy, now);
            }
            // EP-6.1: the department acknowledged the instruction itself: nobody needs calling any more
            Log.infof("notification=%s acknowledged through %s", n.id(), n.subjectRef());
            return store.acknowledgeNotification(conn, n.id(), now, by.get(), null).invoke(() ->
                    bus.publish(NotificationEvents.CHANGED, new JsonObject().put("notificationId", n.id().toString())
                            .put("change", "ACKNOWLEDGED"))).replaceWith(false);
        });
    }

    private Uni<Boolean> escalateNow(Tx conn, Notification n, EscalationPolicy policy, Instant now) {
        return recipients.chainFor(n.audience()).chain(chain -> {
            EscalationPolicy.Step step = policy.next(n.progress(), n.isAcknowledged(), n.isClosed(),
                    n.kind().requiresAcknowledgement(), chain.tierCount(), now);
            if (step instanceof EscalationPolicy.Step.Stop) {
                return store.stopEscalation(conn, n.id()).replaceWith(false);
            }
            if (step instanceof EscalationPolicy.Step.Wait wait) {
                return store.updateProgress(conn, n.id(), n.progress(), wait.until()).replaceWith(false);
            }
            EscalationPolicy.Step.Send send = (EscalationPolicy.Step.Send) step;
            EscalationPolicy.Progress progress = new EscalationPolicy.Progress(send.tier(), send.round(), now);
            List<PlannedDelivery> planned = raising.plan(n, chain, send.tier(), send.round(), now);
            return store.insertDeliveries(conn, planned)
                    .call(queued -> store.updateProgress(conn, n.id(), progress, policy.nextDue(progress)))
                    .invoke(queued -> {
                        Log.infof("notification=%s escalated tier=%d round=%d deliveries=%d", n.id(), send.tier(), send.round(), queued.size());
                        bus.publish(NotificationEvents.CHANGED, new JsonObject().put("notificationId", n.id().toString())
                                .put("incidentId", n.incidentId() == null ? null : n.incidentId().toString())
                                .put("change", "ESCALATED").put("tier", send.tier()).put("round", send.round()));
                    })
                    .replaceWith(true);
        });
    }
}
