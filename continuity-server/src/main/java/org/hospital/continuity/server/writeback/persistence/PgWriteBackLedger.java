package org.hospital.continuity.server.writeback.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hospital.continuity.server.writeback.WriteBackLedger;
import org.hospital.continuity.server.writeback.domain.Regrouping;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.sync.his.WriteOutcome;

import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable {@link WriteBackLedger} in PostgreSQL. The runner is blocking and runs on a worker thread,
 * so these calls wait for the reactive pool's answers; never call them on the event loop.
 */
@ApplicationScoped
public class PgWriteBackLedger implements WriteBackLedger {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    InstantSource clock;

    private RowSet<Row> sql(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).await().indefinitely();
    }

    @Override
    public boolean settled(UUID visitId) {
        RowSet<Row> r = sql("select (exists (select 1 from writeback_visit where visit_id = $1)) or"
                + " (exists (select 1 from workbench_item where visit_id = $1 and blocking and resolved_at is null)"
                + "  and not exists (select 1 from writeback_decision where visit_id = $1)) as settled", Tuple.of(visitId));
        return r.iterator().next().getBoolean("settled");
    }

    @Override
    public Optional<String> decidedPatient(UUID visitId) {
        RowSet<Row> r = sql("select his_patient_ref from writeback_decision where visit_id = $1", Tuple.of(visitId));
        return r.size() == 0 ? Optional.empty() : Optional.of(r.iterator().next().getString(0));
    }

    @Override
    public Optional<String> patientOfGroup(String groupKey) {
        RowSet<Row> r = sql("select his_patient_ref from writeback_visit where group_key = $1 and his_patient_ref is not null"
                + " order by written_at limit 1", Tuple.of(groupKey));
        return r.size() == 0 ? Optional.empty() : Optional.of(r.iterator().next().getString(0));
    }

    @Override
    public Optional<String> writtenPatientOf(java.util.Collection<UUID> visitIds) {
        if (visitIds.isEmpty()) {
            return Optional.empty();
        }
        RowSet<Row> r = sql("select his_patient_ref from writeback_visit where visit_id = any($1) and his_patient_ref is not null"
                + " order by written_at, visit_id limit 1", Tuple.of(visitIds.toArray(new UUID[0])));
        return r.size() == 0 ? Optional.empty() : Optional.of(r.iterator().next().getString(0));
    }

    @Override
    public java.util.List<Regrouping> regroupings(String incident) {
        java.util.List<Regrouping> out = new java.util.ArrayList<>();
        sql("select a.action, a.new_value from workbench_action a join workbench_item i on i.id = a.item_id"
                + " where i.incident = $1 and a.action in ('MERGE', 'UNMERGE') order by a.acted_at, a.id", Tuple.of(incident))
                .forEach(r -> out.add(new Regrouping("MERGE".equals(r.getString("action")), java.util.Arrays.stream(
                        r.getString("new_value").split(",")).map(String::trim).filter(v -> !v.isEmpty()).map(UUID::fromString).toList())));
        return out;
    }

    @Override
    public void written(String incident, UUID visitId, String groupKey, WriteOutcome.Written outcome, String how) {
        sql("insert into writeback_visit (visit_id, incident, group_key, his_patient_ref, created, existing, how,"
                        + " resource_refs, written_at, encounter_ref) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
                        + " on conflict (visit_id) do nothing",
                Tuple.from(new Object[]{visitId, incident, groupKey, outcome.hisPatientRef(), outcome.created(),
                        outcome.existing(), how, String.join("\n", outcome.resourceRefs()), now(), outcome.encounterRef()}));
        // a visit written after a person's decision closes its blocking items
        sql("update workbench_item set resolved_at = $2 where visit_id = $1 and blocking and resolved_at is null",
                Tuple.of(visitId, now()));
    }

    @Override
    public boolean waitsOnlyForItsGroup(UUID visitId) {
        Row r = sql("select count(*) filter (where reason = 'PATIENT_PROPOSAL' and detail = 'GROUP_WAITING') as waiting,"
                + " count(*) as open from workbench_item i where visit_id = $1 and blocking and resolved_at is null"
                + " and not exists (select 1 from writeback_decision d where d.visit_id = i.visit_id)"
                + " and not exists (select 1 from writeback_visit v where v.visit_id = i.visit_id)", Tuple.of(visitId)).iterator().next();
        long waiting = r.getLong("waiting");
        return waiting > 0 && waiting == r.getLong("open");
    }

    @Override
    public void releaseGroupWait(UUID visitId, String why) {
        // one statement: the item closes and its action (write-back's own, not a person's) is recorded together
        sql("with released as (update workbench_item set resolved_at = $2 where visit_id = $1 and blocking and resolved_at is null"
                + " and reason = 'PATIENT_PROPOSAL' and detail = 'GROUP_WAITING' returning id)"
                + " insert into workbench_action (id, item_id, action, actor, why, acted_at)"
                + " select gen_random_uuid(), id, 'RELEASED', $3, $4, $2 from released",
                Tuple.of(visitId, now(), RELEASED_BY, why));
    }

    /** Who closes a waiting item when its group's earlier registration is written: write-back itself (shown in words). */
    public static final String RELEASED_BY = "补录回写（自动）";

    @Override
    public void raise(WorkbenchItem item) {
        try {
            sql("insert into workbench_item (id, incident, visit_id, kiosk_id, department_code, reason, detail, captured,"
                            + " candidates, blocking, raised_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                    Tuple.from(new Object[]{item.id(), item.incident(), item.visitId(), item.kioskId(), item.departmentCode(),
                            item.reason().name(), item.detail(), json.writeValueAsString(item.captured()),
                            json.writeValueAsString(item.candidates()), item.blocking(),
                            item.raisedAt().atOffset(ZoneOffset.UTC)}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("workbench item not serialisable", e);
        }
    }

    @Override
    public Optional<org.hospital.continuity.sync.his.HisRecord.Subject> subjectOf(UUID unitId) {
        RowSet<Row> r = sql("select his_patient_ref, encounter_ref from writeback_visit where visit_id = $1 and his_patient_ref is not null",
                Tuple.of(unitId));
        if (r.size() == 0) {
            return Optional.empty();
        }
        Row row = r.iterator().next();
        return Optional.of(new org.hospital.continuity.sync.his.HisRecord.Subject(row.getString("his_patient_ref"),
                row.getString("encounter_ref")));
    }

    @Override
    public Optional<org.hospital.continuity.server.writeback.WorkbenchReason> waitingReason(UUID unitId) {
        RowSet<Row> r = sql("select reason from workbench_item i where visit_id = $1 and blocking and resolved_at is null"
                + " and not exists (select 1 from writeback_decision d where d.visit_id = i.visit_id)"
                + " and not exists (select 1 from writeback_visit v where v.visit_id = i.visit_id) order by raised_at limit 1",
                Tuple.of(unitId));
        return r.size() == 0 ? Optional.empty()
                : Optional.of(org.hospital.continuity.server.writeback.WorkbenchReason.valueOf(r.iterator().next().getString(0)));
    }

    @Override
    public boolean raisedBefore(UUID recordId, org.hospital.continuity.server.writeback.WorkbenchReason reason) {
        return sql("select exists (select 1 from workbench_item where visit_id = $1 and reason = $2) as raised",
                Tuple.of(recordId, reason.name())).iterator().next().getBoolean("raised");
    }

    @Override
    public void paused(String incident, UUID visitId, String detail) {
        sql("insert into writeback_pause (incident, visit_id, detail, paused_at) values ($1, $2, $3, $4)"
                + " on conflict (incident) do update set visit_id = excluded.visit_id, detail = excluded.detail,"
                + " paused_at = excluded.paused_at", Tuple.of(incident, visitId, detail, now()));
    }

    /**
     * Records a person's decision on a blocking item: the action (who, why) and the HIS patient to write the
     * visit under ("" = create new). The next run writes it.
     */
    public UUID decide(UUID itemId, UUID visitId, String action, String actor, String why, String hisPatientRef) {
        UUID id = UUID.randomUUID();
        sql("insert into workbench_action (id, item_id, action, actor, why, his_patient_ref, acted_at)"
                + " values ($1, $2, $3, $4, $5, $6, $7)", Tuple.from(new Object[]{id, itemId, action, actor, why, hisPatientRef, now()}));
        sql("insert into writeback_decision (visit_id, his_patient_ref, action_id) values ($1, $2, $3)"
                + " on conflict (visit_id) do update set his_patient_ref = excluded.his_patient_ref, action_id = excluded.action_id",
                Tuple.of(visitId, hisPatientRef, id));
        return id;
    }

    /** The workbench's corrections of a visit, oldest first: {field, new value} (HR-9). */
    public java.util.List<String[]> corrections(UUID visitId) {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        sql("select a.field, a.new_value from workbench_action a join workbench_item i on i.id = a.item_id"
                + " where i.visit_id = $1 and a.action = 'CORRECT' order by a.acted_at, a.id", Tuple.of(visitId))
                .forEach(r -> out.add(new String[]{r.getString("field"), r.getString("new_value")}));
        return out;
    }

    /** Where the incident's write-back paused (HIS unavailable), if it is paused. */
    public record Pause(UUID beforeVisit, String detail, java.time.Instant at) {
    }

    public Optional<Pause> pause(String incident) {
        RowSet<Row> r = sql("select visit_id, detail, paused_at from writeback_pause where incident = $1", Tuple.of(incident));
        if (r.size() == 0) {
            return Optional.empty();
        }
        Row row = r.iterator().next();
        return Optional.of(new Pause(row.getUUID("visit_id"), row.getString("detail"), row.getOffsetDateTime("paused_at").toInstant()));
    }

    /** A run went through to the end: the incident is no longer paused. */
    public void resumed(String incident) {
        sql("delete from writeback_pause where incident = $1", Tuple.of(incident));
    }

    /** Progress of an incident: visits written, open blocking items, open flags. */
    public record Progress(long written, long waiting, long openFlags) {
    }

    public Progress progress(String incident) {
        Row r = sql("select (select count(*) from writeback_visit where incident = $1) as written,"
                + " (select count(distinct visit_id) from workbench_item where incident = $1 and blocking and resolved_at is null) as waiting,"
                + " (select count(*) from workbench_item where incident = $1 and not blocking and resolved_at is null) as flags",
                Tuple.of(incident)).iterator().next();
        return new Progress(r.getLong("written"), r.getLong("waiting"), r.getLong("flags"));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
