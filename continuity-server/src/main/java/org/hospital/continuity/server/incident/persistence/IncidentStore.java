package org.hospital.continuity.server.incident.persistence;

import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.Tx;
import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.hospital.continuity.server.incident.Incident;
import org.hospital.continuity.server.incident.IncidentEvent;
import org.hospital.continuity.server.incident.IncidentSignal;
import org.hospital.continuity.server.incident.TimelineEvent;
import org.hospital.continuity.server.incident.domain.IncidentEventFormat;

/** The engine journal, its persisted clock, incidents, their timelines and signals. */
@ApplicationScoped
public class IncidentStore {

    /** The advisory lock every change to the engine's state runs under (one writer at a time, across instances). */
    public static final long ENGINE_LOCK = 0x456e67696e65L; // "Engine"

    public record JournalRow(long seq, String kind, String inputKind, JsonObject payload, Instant at) {
    }



    private final Pool pool;

    public IncidentStore(Pool pool) {
        this.pool = pool;
    }

    public Db pool() {
        return new Db(pool);
    }

    public Uni<Void> lock(Tx c) {
        return c.client().query("select pg_advisory_xact_lock(" + ENGINE_LOCK + ")").execute().replaceWithVoid();
    }

    /** Non-blocking: true when this transaction now holds the engine lock. */
    public Uni<Boolean> tryLock(Tx c) {
        return c.client().query("select pg_try_advisory_xact_lock(" + ENGINE_LOCK + ") as ok").execute()
                .map(rows -> rows.iterator().next().getBoolean("ok"));
    }

    public Uni<List<JournalRow>> journalAfter(Tx c, long seq) {
        return c.client().preparedQuery("select seq, kind, input_kind, payload, at from engine_journal where seq > $1 order by seq")
                .execute(Tuple.of(seq)).map(rows -> {
                    List<JournalRow> out = new ArrayList<>();
                    for (Row r : rows) {
                        Object p = r.getValue("payload");
                        out.add(new JournalRow(r.getLong("seq"), r.getString("kind"), r.getString("input_kind"),
                                p instanceof JsonObject j ? j : null, instant(r, "at")));
                    }
                    return out;
                });
    }

    public Uni<Long> appendJournal(Tx c, String kind, String inputKind, JsonObject payload, Instant at, Instant now, String instance) {
        return c.client().preparedQuery("insert into engine_journal (kind, input_kind, payload, at, recorded_at, instance) values ($1, $2, $3, $4, $5, $6) returning seq")
                .execute(Tuple.from(Arrays.asList(kind, inputKind, payload, ts(at), ts(now), instance)))
                .map(rows -> rows.iterator().next().getLong("seq"));
    }

    /** A stored engine state: the journal position it reflects and the state as plain values. */
    public record Snapshot(long seq, int format, Map<String, Object> state) {
    }

    /** The latest stored engine state, or null when none was stored. */
    public Uni<Snapshot> latestSnapshot(Tx c) {
        return c.client().query("select journal_seq, format, state from engine_snapshot order by journal_seq desc limit 1").execute()
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    Object state = r.getValue("state");
                    return new Snapshot(r.getLong("journal_seq"), r.getInteger("format"),
                            state instanceof JsonObject j ? Json.plain(j) : Map.of());
                });
    }

    /** Stores the engine's state at a journal position (older snapshots but the previous one are dropped). */
    public Uni<Void> saveSnapshot(Tx c, long seq, int format, Map<String, Object> state, Instant now) {
        return c.client().preparedQuery("insert into engine_snapshot (journal_seq, format, state, taken_at) values ($1, $2, $3, $4) "
                        + "on conflict (journal_seq) do nothing")
                .execute(Tuple.of(seq, format, new JsonObject(state), ts(now)))
                .chain(() -> c.client().preparedQuery("delete from engine_snapshot where journal_seq < (select max(journal_seq) from "
                        + "engine_snapshot where journal_seq < $1)").execute(Tuple.of(seq)))
                .replaceWithVoid();
    }

    public Uni<Instant> nextWakeUp(Tx c) {
        return c.client().query("select next_wake_up from engine_clock where id = 1").execute()
                .map(rows -> instant(rows.iterator().next(), "next_wake_up"));
    }

    public Uni<Void> setClock(Tx c, Instant nextWakeUp, long seq, Instant now) {
        return c.client().preparedQuery("update engine_clock set next_wake_up = $1, journal_seq = $2, updated_at = $3 where id = 1")
                .execute(Tuple.of(ts(nextWakeUp), seq, ts(now))).replaceWithVoid();
    }

    // incidents

    private static final String INCIDENT_SELECT = "select id, opened_at, closed_at, fault_class, scope, highest_class, outage_start, "
            + "outage_ended_at, engine_number, areas_down from incident";

    private static Incident incident(Row r) {
        Integer number = r.getInteger("engine_number");
        String areas = r.getString("areas_down");
        return new Incident(r.getUUID("id"), instant(r, "opened_at"), instant(r, "closed_at"), r.getString("fault_class"),
                r.getString("scope"), r.getString("highest_class"), instant(r, "outage_start"), instant(r, "outage_ended_at"),
                number == null ? 0 : number, areas == null || areas.isEmpty() ? List.of() : List.of(areas.split(",")));
    }

    /** The oldest open incident, or null when none is open. */
    /**
     * The incident pages show first when several are open (EP-4): the most severe by its class now (Class I, an
     * insurance fault, Class II, Class III, then one not graded yet), the newest of equals; null when none is open.
     */
    public Uni<Incident> openIncident(Tx c) {
        return openIncidents(c).map(list -> list.stream().max(java.util.Comparator.comparingInt((Incident i) -> severity(i.faultClass()))
                .thenComparing(Incident::openedAt)).orElse(null));
    }

    private static int severity(String faultClass) {
        if (faultClass == null) {
            return 0;
        }
        try {
            return org.hospital.continuity.playbooks.fault.FaultClass.valueOf(faultClass).severity();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** Every open incident, the oldest first (several may be open at once, EP-4). */
    public Uni<List<Incident>> openIncidents(Tx c) {
        return c.client().query(INCIDENT_SELECT + " where closed_at is null order by opened_at, engine_number").execute().map(rows -> {
            List<Incident> out = new ArrayList<>();
            rows.forEach(r -> out.add(incident(r)));
            return out;
        });
    }

    /** The stored incident of an engine incident (its stable id), or null. */
    public Uni<UUID> byEngineRef(Tx c, String engineRef) {
        return c.client().preparedQuery("select id from incident where engine_ref = $1").execute(Tuple.of(engineRef))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
    }

    /**
     * Open incidents stored without the engine's stable id, the oldest first: only a database written by the previous
     * version holds them (it kept one incident at a time and did not record the engine's id).
     */
    public Uni<List<UUID>> unboundOpenIncidents(Tx c) {
        return c.client().query("select id from incident where closed_at is null and engine_ref is null order by opened_at").execute()
                .map(rows -> {
                    List<UUID> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getUUID("id")));
                    return out;
                });
    }

    /** Binds a stored incident to the engine's incident (its stable id and number), when it is not bound yet. */
    public Uni<Boolean> bindEngineRef(Tx c, UUID id, String engineRef, int number) {
        return c.client().preparedQuery("update incident set engine_ref = $2, engine_number = $3 where id = $1 and engine_ref is null")
                .execute(Tuple.of(id, engineRef, number)).map(r -> r.rowCount() == 1);
    }

    /** engine id → stored id of every open incident. */
    public Uni<Map<String, UUID>> openEngineRefs(Tx c) {
        return c.client().query("select id, engine_ref from incident where closed_at is null and engine_ref is not null").execute().map(rows -> {
            Map<String, UUID> out = new java.util.HashMap<>();
            rows.forEach(r -> out.put(r.getString("engine_ref"), r.getUUID("id")));
            return out;
        });
    }

    public Uni<Incident> incident(Tx c, UUID id) {
        return c.client().preparedQuery(INCIDENT_SELECT + " where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : incident(rows.iterator().next()));
    }

    public Uni<List<Incident>> incidents(Tx c, int limit) {
        return c.client().preparedQuery(INCIDENT_SELECT + " order by opened_at desc limit $1").execute(Tuple.of(limit)).map(rows -> {
            List<Incident> out = new ArrayList<>();
            rows.forEach(r -> out.add(incident(r)));
            return out;
        });
    }

    /** A new open incident; {@code drill} is the drill it belongs to (EP-9.4), null for a real one. */
    public Uni<Void> insertIncident(Tx c, UUID id, Instant openedAt, Instant now, UUID drill, String engineRef, int number) {
        return c.client().preparedQuery("insert into incident (id, opened_at, updated_at, drill_id, engine_ref, engine_number) values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.from(Arrays.asList(id, ts(openedAt), ts(now), drill, engineRef, number))).replaceWithVoid();
    }

    /** The places of the incident cut off now (building/floor/ward paths; empty: none). */
    public Uni<Void> updateAreasDown(Tx c, UUID id, List<String> areas) {
        return c.client().preparedQuery("update incident set areas_down = $2 where id = $1")
                .execute(Tuple.of(id, String.join(",", areas))).replaceWithVoid();
    }

    /** The drill an incident belongs to (EP-9.4, HR-21), empty for a real incident or an unknown id. */
    public Uni<java.util.Optional<UUID>> drillOf(Tx c, UUID id) {
        return c.client().preparedQuery("select drill_id from incident where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? java.util.Optional.<UUID>empty()
                        : java.util.Optional.ofNullable(rows.iterator().next().getUUID("drill_id")));
    }

    /** The incident's current grade and outage; an ongoing outage clears the end of an earlier one. */
    /** An incident's span as stored, with its drill (null for a real incident). */
    public record Span(UUID id, Instant openedAt, Instant closedAt, UUID drill) {
    }

    /** Every incident's span, the oldest first ({@code id} null: all of them). */
    public Uni<List<Span>> spans(Tx c, UUID id) {
        String sql = "select id, opened_at, closed_at, drill_id from incident" + (id == null ? "" : " where id = $1") + " order by opened_at, id";
        return c.client().preparedQuery(sql).execute(id == null ? Tuple.tuple() : Tuple.of(id)).map(rows -> {
            List<Span> out = new java.util.ArrayList<>();
            rows.forEach(r -> out.add(new Span(r.getUUID("id"), instant(r, "opened_at"), instant(r, "closed_at"), r.getUUID("drill_id"))));
            return out;
        });
    }

    public Uni<Void> updateIncident(Tx c, UUID id, String faultClass, String scope, String highest, Instant outageStart,
                                    Instant outageEnded, Instant now) {
        return c.client().preparedQuery("""
                update incident set fault_class = $2, scope = $3, highest_class = coalesce($4, highest_class),
                       outage_start = coalesce($5, outage_start),
                       outage_ended_at = case when $5::timestamptz is not null then null else coalesce($6, outage_ended_at) end,
                       updated_at = $7 where id = $1""")
                .execute(Tuple.from(Arrays.asList(id, faultClass, scope, highest, ts(outageStart), ts(outageEnded), ts(now))))
                .replaceWithVoid();
    }

    public Uni<Void> updateIncidentClosed(Tx c, UUID id, Instant closedAt, Instant now) {
        return c.client().preparedQuery("update incident set closed_at = $2, updated_at = $3 where id = $1")
                .execute(Tuple.of(id, ts(closedAt), ts(now))).replaceWithVoid();
    }

    // timeline: the outbox of typed events (a trigger NOTIFYs the relays when rows commit, V0302)

    public Uni<Long> appendEvent(Tx c, UUID incident, long journalSeq, IncidentEvent e, Instant now) {
        return c.client().preparedQuery("""
                insert into incident_event (incident_id, journal_seq, kind, schema_version, at, clause, summary_zh, summary_en, data, recorded_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning seq""")
                .execute(Tuple.from(Arrays.asList(incident, journalSeq, IncidentEventFormat.tag(e), IncidentEventFormat.SCHEMA_VERSION,
                        ts(e.at()), e.clause(), cut(e.summary().zh()), cut(e.summary().en()), new JsonObject(IncidentEventFormat.data(e)),
                        ts(now))))
                .map(rows -> rows.iterator().next().getLong("seq"));
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 2000 ? s.substring(0, 1997) + "…" : s;
    }

    private static final String EVENT_SELECT =
            "select seq, incident_id, kind, schema_version, at, clause, summary_zh, summary_en, data from incident_event";

    private static List<TimelineEvent> events(Iterable<Row> rows) {
        List<TimelineEvent> out = new ArrayList<>();
        for (Row r : rows) {
            Object d = r.getValue("data");
            Map<String, Object> data = d instanceof JsonObject j ? Json.plain(j) : Map.of();
            IncidentEvent event = IncidentEventFormat.read(r.getString("kind"), r.getShort("schema_version"),
                    new IncidentEventFormat.Head(instant(r, "at"), r.getString("clause"),
                            new IncidentEvent.Words(r.getString("summary_zh"), r.getString("summary_en"))), data);
            out.add(new TimelineEvent(r.getLong("seq"), r.getUUID("incident_id"), event));
        }
        return out;
    }

    public Uni<List<TimelineEvent>> timeline(Tx c, UUID incident) {
        return c.client().preparedQuery(EVENT_SELECT + " where incident_id = $1 order by seq").execute(Tuple.of(incident)).map(IncidentStore::events);
    }

    public Uni<List<TimelineEvent>> events(Tx c, List<Long> seqs) {
        return c.client().preparedQuery(EVENT_SELECT + " where seq = any($1) order by seq").execute(Tuple.of(seqs.toArray(new Long[0])))
                .map(IncidentStore::events);
    }

    public Uni<List<TimelineEvent>> eventsAfter(Tx c, long seq, int limit) {
        return c.client().preparedQuery(EVENT_SELECT + " where seq > $1 order by seq limit $2").execute(Tuple.of(seq, limit)).map(IncidentStore::events);
    }

    public Uni<Long> lastEventSeq(Tx c) {
        return c.client().query("select coalesce(max(seq), 0) as s from incident_event").execute().map(rows -> rows.iterator().next().getLong("s"));
    }

    // signals

    public Uni<Void> recordSignal(Tx c, String id, UUID incident, String kind, Instant at, String zh, String en) {
        return c.client().preparedQuery("insert into incident_signal (id, incident_id, kind, at, summary_zh, summary_en) values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing")
                .execute(Tuple.from(Arrays.asList(id, incident, kind, ts(at), cut(zh), cut(en)))).replaceWithVoid();
    }

    public Uni<List<IncidentSignal>> signals(Tx c, UUID incident) {
        return c.client().preparedQuery("select id, incident_id, kind, at, summary_zh, summary_en from incident_signal where incident_id = $1 order by at, id")
                .execute(Tuple.of(incident)).map(rows -> {
                    List<IncidentSignal> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new IncidentSignal(r.getString("id"), r.getUUID("incident_id"), r.getString("kind"), instant(r, "at"),
                            r.getString("summary_zh"), r.getString("summary_en"))));
                    return out;
                });
    }
}
