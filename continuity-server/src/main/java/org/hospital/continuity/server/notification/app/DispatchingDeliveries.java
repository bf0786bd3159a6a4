package org.hospital.continuity.server.notification.app;

import org.hospital.continuity.server.notification.NotificationEvents;
import org.hospital.continuity.server.notification.NotificationSettings;
import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.eventbus.EventBus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.hospital.continuity.server.notification.domain.Channel;
import org.hospital.continuity.server.notification.domain.Delivery;
import org.hospital.continuity.server.notification.domain.DeliveryStatus;
import org.hospital.continuity.server.notification.persistence.NotificationStore;

/**
 * The outbox dispatcher: claims due deliveries (FOR UPDATE SKIP LOCKED, so two instances never take the
 * same one), sends them all at once, each with its own timeout, and records each outcome on its own. A
 * failing or hanging channel therefore never blocks the others: its deliveries fail and retry with backoff.
 */
@ApplicationScoped
public class DispatchingDeliveries {

    /** What one run did. */
    public record Report(int claimed, int sent, int failed, int gaveUp) {
        public static final Report NONE = new Report(0, 0, 0, 0);
    }

    private final NotificationStore store;
    private final NotificationSettings settings;
    private final InstantSource clock;
    private final EventBus bus;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final String instanceId;

    public DispatchingDeliveries(NotificationStore store, NotificationSettings settings, InstantSource clock, EventBus bus,
                                 @All List<ChannelSender> senders) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.bus = bus;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.instanceId = settings.instanceId().orElse("server-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String instanceId() {
        return instanceId;
    }

    public Uni<Report> dispatchDue() {
        return dispatchDue(instanceId);
    }

    /** One run as the given instance (tests run two "instances" against one database). */
    public Uni<Report> dispatchDue(String asInstance) {
        return store.claimDue(clock.instant(), settings.lease(), settings.batchSize(), asInstance)
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(List.<DeliveryStatus>of())
                        : Multi.createFrom().iterable(byChannel(claimed))
                        // channels in parallel; within one channel at most N sends at a time, so a hanging
                        // channel only holds up itself, and a burst does not flood one server
                        .onItem().transformToMultiAndMerge(group -> Multi.createFrom().iterable(group)
                                .onItem().transformToUni(this::sendOne).merge(settings.concurrencyPerChannel()))
                        .collect().asList())
                .map(outcomes -> new Report(outcomes.size(),
                        (int) outcomes.stream().filter(s -> s == DeliveryStatus.SENT).count(),
                        (int) outcomes.stream().filter(s -> s == DeliveryStatus.FAILED).count(),
                        (int) outcomes.stream().filter(s -> s == DeliveryStatus.GAVE_UP).count()));
    }

    static java.util.Collection<List<NotificationStore.Claimed>> byChannel(List<NotificationStore.Claimed> claimed) {
        Map<Channel, List<NotificationStore.Claimed>> groups = new EnumMap<>(Channel.class);
        claimed.forEach(c -> groups.computeIfAbsent(c.delivery().channel(), k -> new java.util.ArrayList<>()).add(c));
        return groups.values();
    }

    private Uni<DeliveryStatus> sendOne(NotificationStore.Claimed c) {
        Delivery claimed = c.delivery();
        ChannelSender sender = senders.get(claimed.channel());
        Outgoing message = new Outgoing(claimed.id(), claimed.notificationId(), claimed.channel(), claimed.address(),
                c.record().recipientName(), c.record().language().tag(), c.record().subject(), c.record().body(),
                c.audience(), c.kind().name());
        Uni<Void> send = sender == null
                ? Uni.createFrom().failure(new ChannelFailure("no sender for channel " + claimed.channel()))
                : Uni.createFrom().deferred(() -> sender.send(message))
                .ifNoItem().after(settings.sendTimeout())
                .failWith(() -> new ChannelFailure("no answer within " + settings.sendTimeout().toSeconds() + " s"));
        return send.onItemOrFailure().transformToUni((ok, error) -> {
            var at = clock.instant();
            Delivery.Transition t = error == null ? claimed.sent(at) : claimed.failed(describe(error), at, settings.retry().policy());
            if (!(t instanceof Delivery.Transition.Moved moved)) {
                Log.warnf("delivery=%s: %s", claimed.id(), ((Delivery.Transition.Refused) t).reason());
                return Uni.createFrom().item(claimed.status());
            }
            Delivery after = moved.delivery();
            if (error != null) {
                Log.warnf("delivery=%s channel=%s attempt=%d failed: %s; next=%s", after.id(), after.channel(), after.attempts(),
                        after.lastError(), after.status() == DeliveryStatus.GAVE_UP ? "gave up" : after.nextAttemptAt());
            }
            return store.recordOutcome(claimed, after, at).invoke(written -> {
                if (written) {
                    bus.publish(NotificationEvents.CHANGED, new JsonObject().put("notificationId", after.notificationId().toString())
                            .put("deliveryId", after.id().toString()).put("change", after.status().name()));
                }
            }).replaceWith(after.status());
        });
    }

    /** The error kept on the record: what the channel said, never the message itself. */
    static String describe(Throwable error) {
        Throwable e = error;
        if (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof ChannelFailure) {
            return e.getMessage();
        }
        if (e instanceof TimeoutException) {
            return "timed out";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
