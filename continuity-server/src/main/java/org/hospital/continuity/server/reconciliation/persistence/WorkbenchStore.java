package org.hospital.continuity.server.reconciliation.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.server.writeback.WorkbenchReason;
import org.hospital.continuity.sync.matching.MatchScore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The workbench queue in PostgreSQL (tables of V0700/V0710). Blocking: waits on the reactive pool, so it is
 * only called from {@code @Blocking} resources on worker threads; an action's rows go in one transaction.
 */
@ApplicationScoped
public class WorkbenchStore {

    private final Pool pool;
    private final ObjectMapper json;

    public WorkbenchStore(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** An item and whether it is resolved. */
    public record Stored(WorkbenchItem item, Instant resolvedAt, boolean decided) {
        public Stored(WorkbenchItem item, Instant resolvedAt) {
            this(item, resolvedAt, false);
        }
    }

    /** One recorded action: who, why, what. */
    public record ActionRow(UUID id, UUID itemId, String action, String actor, String why, String hisPatientRef, String field,
                            String newValue, Instant at) {
    }

    /** A parcel assignment (latest per area wins). */
    public record Assignment(String area, String owner, String assignedBy, Instant at) {
    }

    private RowSet<Row> sql(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).await().indefinitely();
    }

    public List<Stored> items(String incident, boolean openOnly) {
        List<Stored> out = new ArrayList<>();
        sql("select w.*, exists (select 1 from writeback_decision d where d.visit_id = w.visit_id) as decided"
                + " from workbench_item w where w.incident = $1" + (openOnly ? " and w.resolved_at is null" : "")
                + " order by w.raised_at, w.id", Tuple.of(incident)).forEach(r -> out.add(stored(r)));
        return out;
    }

    public Optional<Stored> item(UUID id) {
        RowSet<Row> r = sql("select w.*, exists (select 1 from writeback_decision d where d.visit_id = w.visit_id) as decided"
                + " from workbench_item w where w.id = $1", Tuple.of(id));
        return r.size() == 0 ? Optional.empty() : Optional.of(stored(r.iterator().next()));
    }

    /** HR-12: records that {@code reader} read the patient data of the item. */
    public void recordRead(WorkbenchItem item, String reader, Instant at) {
        sql("insert into workbench_read (id, item_id, visit_id, reader, read_at) values ($1, $2, $3, $4, $5)",
                Tuple.of(UUID.randomUUID(), item.id(), item.visitId(), reader, utc(at)));
    }

    /** HR-12: records that {@code reader} read an incident's traces (TRACES) or searched the HIS for an item (HIS_SEARCH). */
    public void recordTraceRead(String incident, String what, UUID itemId, String reader, Instant at) {
        sql("insert into workbench_trace_read (id, incident, what, item_id, reader, read_at) values ($1, $2, $3, $4, $5, $6)",
                Tuple.from(new Object[]{UUID.randomUUID(), incident, what, itemId, reader, utc(at)}));
    }

    /** A closed trace: which, who, why, when. */
    public record TraceClosure(String traceKey, String actor, String why, Instant closedAt) {
    }

    /** EP-6.7.5: a person closes a trace with why (HR-8); closing again adds a row, the first one counts. */
    public void closeTrace(String incident, String traceKey, String actor, String why, Instant at) {
        sql("insert into workbench_trace_closure (id, incident, trace_key, actor, why, closed_at) values ($1, $2, $3, $4, $5, $6)",
                Tuple.from(new Object[]{UUID.randomUUID(), incident, traceKey, actor, why, at.atOffset(java.time.ZoneOffset.UTC)}));
    }

    /** The closed traces of an incident, the first closure of each. */
    public java.util.Map<String, TraceClosure> closedTraces(String incident) {
        java.util.Map<String, TraceClosure> out = new java.util.LinkedHashMap<>();
        sql("select trace_key, actor, why, closed_at from workbench_trace_closure where incident = $1 order by closed_at, id",
                Tuple.of(incident)).forEach(r -> out.putIfAbsent(r.getString("trace_key"), new TraceClosure(r.getString("trace_key"),
                r.getString("actor"), r.getString("why"), r.getOffsetDateTime("closed_at").toInstant())));
        return out;
    }

    public long traceReadsOf(String incident, String what, String reader) {
        return sql("select count(*) as n from workbench_trace_read where incident = $1 and what = $2 and reader = $3",
                Tuple.of(incident, what, reader)).iterator().next().getLong("n");
    }

    public long readsOf(UUID visitId, String reader) {
        return sql("select count(*) as n from workbench_read where visit_id = $1 and reader = $2", Tuple.of(visitId, reader))
                .iterator().next().getLong("n");
    }

    /**
     * Records an action in one transaction: the action row; the HIS patient decision for the visit when
     * {@code decidePatient} is not null ("" = create new); the item resolved when {@code resolve}.
     */
    public UUID act(UUID itemId, UUID visitId, String action, String actor, String why, String hisPatientRef, String field,
                    String newValue, String decidePatient, boolean resolve, Instant at) {
        UUID id = UUID.randomUUID();
        pool.withTransaction((SqlConnection c) -> {
            Uni<?> u = c.preparedQuery("insert into workbench_action (id, item_id, action, actor, why, his_patient_ref, field,"
                            + " new_value, acted_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                    .execute(Tuple.from(new Object[]{id, itemId, action, actor, why, hisPatientRef, field, newValue, utc(at)}));
            if (decidePatient != null) {
                u = u.chain(() -> c.preparedQuery("insert into writeback_decision (visit_id, his_patient_ref, action_id) values ($1, $2, $3)"
                                + " on conflict (visit_id) do update set his_patient_ref = excluded.his_patient_ref, action_id = excluded.action_id")
                        .execute(Tuple.of(visitId, decidePatient, id)));
            }
            if (resolve) {
                u = u.chain(() -> c.preparedQuery("update workbench_item set resolved_at = $2 where id = $1 and resolved_at is null")
                        .execute(Tuple.of(itemId, utc(at))));
            }
            return u.replaceWithVoid();
        }).await().indefinitely();
        return id;
    }

    public List<ActionRow> actions(UUID itemId) {
        List<ActionRow> out = new ArrayList<>();
        sql("select * from workbench_action where item_id = $1 order by acted_at, id", Tuple.of(itemId)).forEach(r -> out.add(
                new ActionRow(r.getUUID("id"), r.getUUID("item_id"), r.getString("action"), r.getString("actor"), r.getString("why"),
                        r.getString("his_patient_ref"), r.getString("field"), r.getString("new_value"),
                        r.getOffsetDateTime("acted_at").toInstant())));
        return out;
    }

    /** Whether the visit has been written into the HIS. */
    public boolean written(UUID visitId) {
        return sql("select count(*) as n from writeback_visit where visit_id = $1", Tuple.of(visitId)).iterator().next().getLong("n") > 0;
    }

    /** The HIS patient of each of these visits that is written (visit → patient reference). */
    public Map<UUID, String> writtenPatients(List<UUID> visitIds) {
        Map<UUID, String> out = new LinkedHashMap<>();
        sql("select visit_id, his_patient_ref from writeback_visit where visit_id = any($1) and his_patient_ref is not null",
                Tuple.of(visitIds.toArray(new UUID[0]))).forEach(r -> out.put(r.getUUID("visit_id"), r.getString("his_patient_ref")));
        return out;
    }

    /** Closes the open "possible duplicate" items of these visits (a merge or un-merge answered them). */
    public void resolveDuplicateItems(List<UUID> visitIds, Instant at) {
        sql("update workbench_item set resolved_at = $2 where visit_id = any($1) and reason = 'POSSIBLE_DUPLICATE'"
                + " and resolved_at is null", Tuple.of(visitIds.toArray(new UUID[0]), utc(at)));
    }

    /** Incidents with workbench items: total and open counts, newest first. */
    public record IncidentCount(String incident, long total, long open, Instant first) {
    }

    public List<IncidentCount> incidents() {
        List<IncidentCount> out = new ArrayList<>();
        sql("select incident, count(*) as total, count(*) filter (where resolved_at is null) as open, min(raised_at) as first"
                + " from workbench_item group by incident order by min(raised_at) desc limit 200", Tuple.tuple())
                .forEach(r -> out.add(new IncidentCount(r.getString("incident"), r.getLong("total"), r.getLong("open"),
                        r.getOffsetDateTime("first").toInstant())));
        return out;
    }

    public void assign(String incident, String splitBy, String area, String owner, String by, Instant at) {
        sql("insert into workbench_parcel (id, incident, split_by, area, owner, assigned_by, assigned_at) values ($1, $2, $3, $4, $5, $6, $7)",
                Tuple.from(new Object[]{UUID.randomUUID(), incident, splitBy, area, owner, by, utc(at)}));
    }

    /** Area → the latest assignment. */
    public Map<String, Assignment> assignments(String incident, String splitBy) {
        Map<String, Assignment> out = new LinkedHashMap<>();
        sql("select * from workbench_parcel where incident = $1 and split_by = $2 order by assigned_at, id", Tuple.of(incident, splitBy))
                .forEach(r -> out.put(r.getString("area"), new Assignment(r.getString("area"), r.getString("owner"),
                        r.getString("assigned_by"), r.getOffsetDateTime("assigned_at").toInstant())));
        return out;
    }

    /** When the incident's first workbench item was raised. */
    public Optional<Instant> firstItemRaisedAt(String incident) {
        RowSet<Row> r = sql("select min(raised_at) as first from workbench_item where incident = $1", Tuple.of(incident));
        OffsetDateTime first = r.iterator().next().getOffsetDateTime("first");
        return Optional.ofNullable(first).map(OffsetDateTime::toInstant);
    }

    public Set<UUID> resolvedIds(List<Stored> items) {
        Set<UUID> out = new HashSet<>();
        items.stream().filter(s -> s.resolvedAt() != null).forEach(s -> out.add(s.item().id()));
        return out;
    }

    private Stored stored(Row r) {
        try {
            VisitDraft captured = json.readValue(r.getString("captured"), VisitDraft.class);
            List<MatchScore> candidates = json.readValue(r.getString("candidates"), new TypeReference<List<MatchScore>>() {
            });
            WorkbenchItem i = new WorkbenchItem(r.getUUID("id"), r.getString("incident"), r.getUUID("visit_id"), r.getString("kiosk_id"),
                    r.getString("department_code"), WorkbenchReason.valueOf(r.getString("reason")), r.getString("detail"), captured,
                    candidates, r.getBoolean("blocking"), r.getOffsetDateTime("raised_at").toInstant());
            OffsetDateTime resolved = r.getOffsetDateTime("resolved_at");
            return new Stored(i, resolved == null ? null : resolved.toInstant(), Boolean.TRUE.equals(r.getBoolean("decided")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
