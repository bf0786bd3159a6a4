package org.hospital.continuity.server.notification.app;

import org.hospital.continuity.server.notification.NotificationDigest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.server.notification.domain.Channel;
import org.hospital.continuity.server.notification.domain.DeliveryRecord;
import org.hospital.continuity.server.notification.domain.DeliveryStatus;
import org.hospital.continuity.server.notification.domain.Notification;
import org.hospital.continuity.server.notification.persistence.DeliveryHistoryStore;
import org.hospital.continuity.server.notification.persistence.NotificationPreferenceStore;
import org.hospital.continuity.server.notification.persistence.NotificationStore;
import org.hospital.continuity.server.platform.api.DomainRejection;

/** Reads notifications with their delivery records, for the API, the board and the kiosk banner. */
@ApplicationScoped
public class ReadingNotifications implements NotificationDigest {

    public record WithDeliveries(Notification notification, List<DeliveryRecord> deliveries) {
    }

    private final NotificationStore store;
    private final DeliveryHistoryStore history;
    private final NotificationPreferenceStore preferences;

    public ReadingNotifications(NotificationStore store, DeliveryHistoryStore history, NotificationPreferenceStore preferences) {
        this.store = store;
        this.history = history;
        this.preferences = preferences;
    }

    public Uni<List<WithDeliveries>> newest(UUID incidentId, int limit) {
        return store.notifications(incidentId, limit).chain(ns -> store.deliveriesOf(ns.stream().map(Notification::id).toList())
                .map(ds -> ns.stream().map(n -> new WithDeliveries(n, ds.getOrDefault(n.id(), List.of()))).toList()));
    }

    public Uni<WithDeliveries> one(UUID id) {
        return store.notification(id).chain(n -> {
            if (n.isEmpty()) {
                return Uni.createFrom().failure(DomainRejection.notFound("Notification " + id));
            }
            return store.deliveriesOf(List.of(id)).map(ds -> new WithDeliveries(n.get(), ds.get(id)));
        });
    }

    public Uni<List<DeliveryHistoryStore.DeliveryEvent>> history(UUID deliveryId) {
        return history.eventsOf(deliveryId);
    }

    /** The in-app messages of a party (kiosk banner, board), newest first. */
    public Uni<List<DeliveryRecord>> inApp(String audience, int limit) {
        return newest(null, Math.max(limit * 4, 50)).map(list -> list.stream()
                .flatMap(w -> w.deliveries().stream())
                .filter(d -> d.delivery().channel() == Channel.IN_APP && d.delivery().address().equals(audience)
                        && d.delivery().status() != DeliveryStatus.QUEUED)
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
                .limit(limit).toList());
    }

    public Uni<Void> chooseLanguage(String personId, org.hospital.continuity.server.platform.text.Language language,
                                    java.time.Instant at) {
        return preferences.setLanguage(personId, language, at);
    }

    @Override
    public Uni<List<Notice>> notices(UUID incident, int limit) {
        return newest(incident, limit).map(list -> list.stream().map(w -> {
            Notification n = w.notification();
            int sent = (int) w.deliveries().stream().filter(d -> d.delivery().sentAt() != null).count();
            return new Notice(n.id(), n.kind(), n.audience(), n.createdAt(), n.progress().tier(), n.progress().round(),
                    n.nextEscalationAt(), n.acknowledgedAt(), n.acknowledgedBy(), n.isAcknowledged(), n.isAwaitingAcknowledgement(), sent);
        }).toList());
    }

    @Override
    public Uni<Map<String, Long>> deliveryCounts() {
        return counts().map(m -> {
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k.name(), v));
            return out;
        });
    }

    public Uni<Map<DeliveryStatus, Long>> counts() {
        return history.countsByStatus();
    }
}
