package org.hospital.continuity.server.notification.persistence;

import static org.hospital.continuity.server.notification.persistence.NotificationStore.instant;
import static org.hospital.continuity.server.notification.persistence.NotificationStore.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.server.notification.domain.DeliveryStatus;
import org.hospital.continuity.server.platform.text.Language;

/** What happened to deliveries, read for people and checks: one delivery's history, counts by status, the outbox backlog. */
@ApplicationScoped
public class DeliveryHistoryStore {

    private final Pool pool;

    public DeliveryHistoryStore(Pool pool) {
        this.pool = pool;
    }

    /** The history of one delivery: every status with its time and detail (the error of a failure). */
    public record DeliveryEvent(Instant at, DeliveryStatus status, int attempt, String detail) {
    }

    public Uni<List<DeliveryEvent>> eventsOf(UUID deliveryId) {
        return pool.preparedQuery("select * from notification_delivery_event where delivery_id = $1 order by id")
                .execute(Tuple.of(deliveryId))
                .map(rows -> {
                    List<DeliveryEvent> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new DeliveryEvent(instant(r, "at"), DeliveryStatus.valueOf(r.getString("status")),
                            r.getInteger("attempt"), r.getString("detail"))));
                    return out;
                });
    }

    /** Counts of deliveries by status, for the board and the readiness of the outbox. */
    public Uni<Map<DeliveryStatus, Long>> countsByStatus() {
        return pool.query("select status, count(*) as n from notification_delivery group by status").execute()
                .map(rows -> {
                    Map<DeliveryStatus, Long> out = new LinkedHashMap<>();
                    rows.forEach(r -> out.put(DeliveryStatus.valueOf(r.getString("status")), r.getLong("n")));
                    return out;
                });
    }

    /** The outbox backlog: deliveries still to send, the oldest one's due time, and those given up. */
    public record Backlog(long pending, Instant oldestDue, long gaveUp) {
    }

    public Uni<Backlog> backlog() {
        return pool.query("""
                        select count(*) filter (where status in ('QUEUED', 'FAILED', 'SENDING')) as pending,
                               min(next_attempt_at) filter (where status in ('QUEUED', 'FAILED', 'SENDING')) as oldest,
                               count(*) filter (where status = 'GAVE_UP') as gave_up
                          from notification_delivery""").execute()
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Backlog(r.getLong("pending"), instant(r, "oldest"), r.getLong("gave_up"));
                });
    }
}
