package org.hospital.continuity.server.notification.app;

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
public class ReadingNotifications {

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

    public Uni<Void> chooseLanguage(String personId, org.hospital.continuity.server.notification.domain.Language language,
                                    java.time.Instant at) {
        return preferences.setLanguage(personId, language, at);
    }

    public Uni<Map<DeliveryStatus, Long>> counts() {
        return history.countsByStatus();
    }
}
