package org.hospital.continuity.server.notification.persistence;

import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.server.notification.domain.Channel;
import org.hospital.continuity.server.notification.domain.Delivery;
import org.hospital.continuity.server.notification.domain.DeliveryRecord;
import org.hospital.continuity.server.notification.domain.DeliveryStatus;
import org.hospital.continuity.server.notification.domain.EscalationPolicy;
import org.hospital.continuity.server.platform.text.Language;
import org.hospital.continuity.server.notification.NoticeKind;
import org.hospital.continuity.server.notification.domain.Notification;
import org.hospital.continuity.server.notification.domain.PlannedDelivery;
import org.hospital.continuity.server.notification.Text;

/**
 * The notification outbox in PostgreSQL, in raw SQL: claims use {@code FOR UPDATE SKIP LOCKED} so that
 * two server instances never send the same delivery twice. Every time comes from the caller (the injected
 * clock), never from the database's {@code now()}.
 */
@ApplicationScoped
public class NotificationStore {

    private final Pool pool;

    public NotificationStore(Pool pool) {
        this.pool = pool;
    }

    public Db pool() {
        return new Db(pool);
    }

    /** A delivery claimed for sending, with what the channel needs. */
    public record Claimed(Delivery delivery, DeliveryRecord record, String audience, NoticeKind kind) {
    }

    // ------------------------------------------------------------------ writing

    /**
     * Inserts a notification unless one with the same dedupe key exists.
     *
     * @return true when inserted, false when the dedupe key was already used
     */
    public Uni<Boolean> insertNotification(Tx conn, Notification n, String dedupeKey) {
        return conn.client().preparedQuery("""
                        insert into notification (id, incident_id, kind, audience, params, requires_ack, dedupe_key,
                          created_at, tier, round, last_sent_at, next_escalation_at, subject_ref)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                        on conflict (dedupe_key) do nothing""")
                .execute(Tuple.from(java.util.Arrays.asList(n.id(), (n.incidentId()), n.kind().name(), n.audience(), paramsJson(n.params()),
                        n.kind().requiresAcknowledgement(), (dedupeKey), ts(n.createdAt()), n.progress().tier(),
                        n.progress().round(), ts(n.progress().lastSentAt()), (ts(n.nextEscalationAt())), n.subjectRef())))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Queues a new notification's first deliveries with their first event. A group robot's post that the same incident
     * event already queued for another party (same robot and text: a notice fanned out to several parties, EP-5.2) is
     * left out, so a robot serving several parties posts it once.
     *
     * @return the deliveries queued
     */
    public Uni<List<PlannedDelivery>> insertFirstDeliveries(Tx conn, List<PlannedDelivery> planned) {
        if (planned.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return withoutRepeatedGroupPosts(conn, planned).chain(kept -> insertAll(conn, kept).replaceWith(kept));
    }

    /**
     * Queues an escalation's deliveries (a reminder round or the next tier) with their first event. Reminders are not
     * merged across parties: each is about one party that has not acknowledged yet, and a round's text recurs at every
     * tier, so a post could not be told from the same round of another cycle.
     */
    public Uni<List<PlannedDelivery>> insertDeliveries(Tx conn, List<PlannedDelivery> planned) {
        return insertAll(conn, planned).replaceWith(planned);
    }

    /**
     * The event a notice was raised for, when one event raised it for several parties: by convention its dedupe key is
     * {@code <event>|<party>} (e.g. {@code event|42|PHARMACY}); null when the notice is not of such a fan-out.
     */
    static String fanOut(String dedupeKey, String audience) {
        if (dedupeKey == null || audience == null || !dedupeKey.endsWith("|" + audience) || dedupeKey.length() == audience.length() + 1) {
            return null;
        }
        return dedupeKey.substring(0, dedupeKey.length() - audience.length() - 1);
    }

    private Uni<List<PlannedDelivery>> withoutRepeatedGroupPosts(Tx conn, List<PlannedDelivery> planned) {
        List<PlannedDelivery> posts = planned.stream().filter(p -> p.groupPostDigest() != null).toList();
        if (posts.isEmpty()) {
            return Uni.createFrom().item(planned);
        }
        UUID notificationId = planned.get(0).delivery().notificationId();
        return conn.client().preparedQuery("select incident_id, dedupe_key, audience from notification where id = $1").execute(Tuple.of(notificationId))
                .chain(rows -> {
                    Row n = rows.size() == 0 ? null : rows.iterator().next();
                    String event = n == null || n.getUUID("incident_id") == null ? null : fanOut(n.getString("dedupe_key"), n.getString("audience"));
                    if (event == null) {
                        return Uni.createFrom().item(planned);
                    }
                    String[] digests = posts.stream().map(PlannedDelivery::groupPostDigest).toArray(String[]::new);
                    UUID[] deliveries = posts.stream().map(p -> p.delivery().id()).toArray(UUID[]::new);
                    // a concurrent raise of the same post (another instance) waits here for the first one's outcome
                    return conn.client().preparedQuery("""
                                    insert into notification_group_post (incident_id, event, post_digest, delivery_id, posted_at)
                                    select $1, $5, u.k, u.d, $4 from unnest($2::varchar[], $3::uuid[]) as u(k, d)
                                    on conflict do nothing
                                    returning delivery_id""")
                            .execute(Tuple.of(n.getUUID("incident_id"), digests, deliveries, ts(planned.get(0).delivery().nextAttemptAt()), event))
                            .map(inserted -> {
                                java.util.Set<UUID> first = new java.util.HashSet<>();
                                inserted.forEach(r -> first.add(r.getUUID("delivery_id")));
                                List<PlannedDelivery> kept = planned.stream()
                                        .filter(p -> p.groupPostDigest() == null || first.contains(p.delivery().id())).toList();
                                if (kept.size() < planned.size()) {
                                    org.jboss.logging.Logger.getLogger(NotificationStore.class).debugf(
                                            "notification=%s: %d group post(s) already queued for %s", notificationId, planned.size() - kept.size(), event);
                                }
                                return kept;
                            });
                });
    }

    private Uni<Void> insertAll(Tx conn, List<PlannedDelivery> planned) {
        if (planned.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        List<Tuple> events = new ArrayList<>();
        for (PlannedDelivery p : planned) {
            Delivery d = p.delivery();
            rows.add(Tuple.from(java.util.Arrays.asList(d.id(), d.notificationId(), p.tier(), p.round(), (p.personId()), p.recipientName(),
                    d.channel().name(), d.address(), p.message().language().tag(), p.message().subject(), p.message().body(),
                    p.ackToken(), d.status().name(), d.attempts(), ts(d.nextAttemptAt()), ts(d.nextAttemptAt()))));
            events.add(Tuple.of(d.id(), ts(d.nextAttemptAt()), d.status().name(), d.attempts()).addValue(null));
        }
        return conn.client().preparedQuery("""
                        insert into notification_delivery (id, notification_id, tier, round, person_id, recipient_name, channel,
                          address, language, subject, body, ack_token, status, attempts, next_attempt_at, created_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)""")
                .executeBatch(rows)
                .chain(() -> conn.client().preparedQuery(
                                "insert into notification_delivery_event (delivery_id, at, status, attempt, detail) values ($1, $2, $3, $4, $5)")
                        .executeBatch(events))
                .replaceWithVoid();
    }

    /**
     * Claims up to {@code limit} due deliveries for this instance: pending and due, or SENDING whose lease ran
     * out (the instance that took them died). Rows locked by another instance's claim are skipped.
     */
    public Uni<List<Claimed>> claimDue(Instant now, Duration lease, int limit, String instanceId) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        with due as (
                          select id from notification_delivery
                          where status in ('QUEUED', 'FAILED', 'SENDING') and next_attempt_at <= $1
                          order by next_attempt_at, id
                          limit $2
                          for update skip locked)
                        update notification_delivery d
                           set status = 'SENDING', attempts = d.attempts + 1, next_attempt_at = $3, claimed_by = $4
                          from due, notification n
                         where d.id = due.id and n.id = d.notification_id
                        returning d.*, n.audience as n_audience, n.kind as n_kind""")
                .execute(Tuple.of(ts(now), limit, ts(now.plus(lease)), instanceId))
                .chain(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    List<Tuple> events = new ArrayList<>();
                    for (Row r : rows) {
                        DeliveryRecord rec = deliveryRecord(r);
                        claimed.add(new Claimed(rec.delivery(), rec, r.getString("n_audience"), NoticeKind.valueOf(r.getString("n_kind"))));
                        events.add(Tuple.of(rec.delivery().id(), ts(now), DeliveryStatus.SENDING.name(), rec.delivery().attempts())
                                .addValue(instanceId));
                    }
                    if (events.isEmpty()) {
                        return Uni.createFrom().item(claimed);
                    }
                    return conn.preparedQuery(
                                    "insert into notification_delivery_event (delivery_id, at, status, attempt, detail) values ($1, $2, $3, $4, $5)")
                            .executeBatch(events).replaceWith(claimed);
                }));
    }

    /**
     * Records the outcome of a send. Only the claim that is still current may write it (same status and
     * attempt), so a late answer of a claim whose lease ran out cannot overwrite a newer one.
     *
     * @return true when written
     */
    public Uni<Boolean> recordOutcome(Delivery claimed, Delivery after, Instant at) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        update notification_delivery
                           set status = $1, next_attempt_at = $2, last_error = $3, sent_at = $4
                         where id = $5 and status = 'SENDING' and attempts = $6""")
                .execute(Tuple.from(java.util.Arrays.asList(after.status().name(), (ts(after.nextAttemptAt())), (after.lastError()),
                        (ts(after.sentAt())), after.id(), claimed.attempts())))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : event(Tx.of(conn), after.id(), at, after.status(), after.attempts(),
                        after.status() == DeliveryStatus.SENT ? null : after.lastError()).replaceWith(true)));
    }

    private Uni<Void> event(Tx conn, UUID delivery, Instant at, DeliveryStatus status, int attempt, String detail) {
        return conn.client().preparedQuery("insert into notification_delivery_event (delivery_id, at, status, attempt, detail) values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(delivery, ts(at), status.name(), attempt).addValue(detail)).replaceWithVoid();
    }

    /** Notifications due for escalation, locked for this transaction (others skip them). */
    public Uni<List<Notification>> lockEscalationsDue(Tx conn, Instant now, int limit) {
        return conn.client().preparedQuery("""
                        select * from notification
                         where next_escalation_at <= $1 and acknowledged_at is null and closed_at is null
                         order by next_escalation_at limit $2
                         for update skip locked""")
                .execute(Tuple.of(ts(now), limit))
                .map(rows -> {
                    List<Notification> out = new ArrayList<>();
                    rows.forEach(r -> out.add(notification(r)));
                    return out;
                });
    }

    public Uni<Void> updateProgress(Tx conn, UUID id, EscalationPolicy.Progress p, Instant nextEscalationAt) {
        return conn.client().preparedQuery("update notification set tier = $1, round = $2, last_sent_at = $3, next_escalation_at = $4 where id = $5")
                .execute(Tuple.of(p.tier(), p.round(), ts(p.lastSentAt())).addValue(ts(nextEscalationAt)).addValue(id))
                .replaceWithVoid();
    }

    public Uni<Void> stopEscalation(Tx conn, UUID id) {
        return conn.client().preparedQuery("update notification set next_escalation_at = null where id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    /** The acknowledgement of a link: the delivery, locked, with its notification. */
    public Uni<Optional<DeliveryRecord>> lockDeliveryByToken(Tx conn, String token) {
        return conn.client().preparedQuery("select * from notification_delivery where ack_token = $1 for update")
                .execute(Tuple.of(token))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(deliveryRecord(rows.iterator().next())));
    }

    public Uni<Void> markDeliveryAcknowledged(Tx conn, Delivery after, Instant at) {
        return conn.client().preparedQuery("""
                        update notification_delivery set status = 'ACKNOWLEDGED', acknowledged_at = $1, next_attempt_at = null,
                          sent_at = coalesce(sent_at, $1) where id = $2""")
                .execute(Tuple.of(ts(at), after.id()))
                .chain(() -> event(conn, after.id(), at, DeliveryStatus.ACKNOWLEDGED, after.attempts(), null));
    }

    /**
     * Marks the notification acknowledged (first acknowledgement wins) and stops its escalation.
     *
     * @return true when this call acknowledged it
     */
    public Uni<Boolean> acknowledgeNotification(Tx conn, UUID id, Instant at, String by, UUID via) {
        return conn.client().preparedQuery("""
                        update notification set acknowledged_at = $1, acknowledged_by = $2, acknowledged_via = $3,
                          next_escalation_at = null
                         where id = $4 and acknowledged_at is null""")
                .execute(Tuple.of(ts(at), by).addValue(via).addValue(id))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Closes the open notifications of an incident (it is over): escalation stops, pending retries go on. */
    public Uni<Integer> closeForIncident(UUID incidentId, Instant at, String reason) {
        return pool.preparedQuery("""
                        update notification set closed_at = $1, closed_reason = $2, next_escalation_at = null
                         where incident_id = $3 and closed_at is null and kind <> 'RECOVERY'""")
                .execute(Tuple.of(ts(at), reason, incidentId)).map(RowSet::rowCount);
    }

    // ------------------------------------------------------------------ reading

    public Uni<Optional<Notification>> notification(UUID id) {
        return pool.preparedQuery("select * from notification where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(notification(rows.iterator().next())));
    }

    public Uni<Optional<Notification>> notificationOf(Tx conn, UUID id) {
        return conn.client().preparedQuery("select * from notification where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(notification(rows.iterator().next())));
    }

    public Uni<Optional<UUID>> notificationIdByDedupeKey(Tx conn, String key) {
        return conn.client().preparedQuery("select id from notification where dedupe_key = $1").execute(Tuple.of(key))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id")));
    }

    /** Newest first; of one incident when {@code incidentId} is set. */
    public Uni<List<Notification>> notifications(UUID incidentId, int limit) {
        String sql = incidentId == null
                ? "select * from notification order by created_at desc, id limit $1"
                : "select * from notification where incident_id = $2 order by created_at desc, id limit $1";
        Tuple args = incidentId == null ? Tuple.of(limit) : Tuple.of(limit, incidentId);
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<Notification> out = new ArrayList<>();
            rows.forEach(r -> out.add(notification(r)));
            return out;
        });
    }

    public Uni<Map<UUID, List<DeliveryRecord>>> deliveriesOf(List<UUID> notificationIds) {
        if (notificationIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select * from notification_delivery where notification_id = any($1) order by created_at, tier, round, channel, address")
                .execute(Tuple.of(notificationIds.toArray(new UUID[0])))
                .map(rows -> {
                    Map<UUID, List<DeliveryRecord>> out = new LinkedHashMap<>();
                    notificationIds.forEach(id -> out.put(id, new ArrayList<>()));
                    rows.forEach(r -> out.get(r.getUUID("notification_id")).add(deliveryRecord(r)));
                    return out;
                });
    }

    // ------------------------------------------------------------------ mapping

    static Notification notification(Row r) {
        return new Notification(r.getUUID("id"), r.getUUID("incident_id"), NoticeKind.valueOf(r.getString("kind")),
                r.getString("audience"), r.getString("subject_ref"), params(r.getJsonObject("params")), instant(r, "created_at"),
                new EscalationPolicy.Progress(r.getInteger("tier"), r.getInteger("round"), instant(r, "last_sent_at")),
                instant(r, "next_escalation_at"), instant(r, "acknowledged_at"), r.getString("acknowledged_by"),
                instant(r, "closed_at"));
    }

    static DeliveryRecord deliveryRecord(Row r) {
        Delivery d = new Delivery(r.getUUID("id"), r.getUUID("notification_id"), Channel.valueOf(r.getString("channel")),
                r.getString("address"), DeliveryStatus.valueOf(r.getString("status")), r.getInteger("attempts"),
                instant(r, "next_attempt_at"), r.getString("last_error"), instant(r, "sent_at"), instant(r, "acknowledged_at"));
        return new DeliveryRecord(d, r.getInteger("tier"), r.getInteger("round"), r.getString("person_id"),
                r.getString("recipient_name"), Language.fromTag(r.getString("language")), r.getString("subject"),
                r.getString("body"), instant(r, "created_at"));
    }

    static JsonObject paramsJson(Map<String, Text> params) {
        JsonObject o = new JsonObject();
        params.forEach((k, v) -> o.put(k, new JsonObject().put("zh", v.zh()).put("en", v.en())));
        return o;
    }

    static Map<String, Text> params(JsonObject o) {
        Map<String, Text> out = new LinkedHashMap<>();
        if (o != null) {
            o.forEach(e -> {
                JsonObject v = (JsonObject) (e.getValue() instanceof Map<?, ?> m ? new JsonObject(castMap(m)) : e.getValue());
                out.put(e.getKey(), new Text(v.getString("zh"), v.getString("en")));
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

}
