package org.hospital.continuity.server.incident.persistence;

import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.Tx;
import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.server.incident.DepartmentMode;
import org.hospital.continuity.server.incident.domain.InstructionDraft;
import org.hospital.continuity.server.incident.Instruction;
import org.hospital.continuity.server.incident.Instruction.Ack;

/** Instructions, acknowledgements and department modes. */
@ApplicationScoped
public class InstructionStore {

    public record Mode(String department, DepartmentMode mode, Instant since, UUID instructionId) {
    }

    private final Pool pool;

    public InstructionStore(Pool pool) {
        this.pool = pool;
    }

    public Db pool() {
        return new Db(pool);
    }

    /**
     * Inserts unless the same dedupe key was issued before; the new id, or null when it existed. An instruction of
     * a drill incident says so in its text: every party reading it, on a kiosk or a board, sees "演练 DRILL".
     */
    public Uni<UUID> issue(Tx c, UUID incident, long eventSeq, InstructionDraft d) {
        UUID id = UUID.randomUUID();
        return c.client().preparedQuery("""
                insert into instruction (id, incident_id, event_seq, dedupe_key, party, party_kind, kind, mode_after, reference, clause,
                                         text_zh, text_en, issued_at, issued_by, deadline_at, area)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
                        case when exists (select 1 from incident where id = $2 and drill_id is not null) then '【演练 DRILL】' || $11::varchar else $11::varchar end,
                        case when exists (select 1 from incident where id = $2 and drill_id is not null) then '[DRILL 演练] ' || $12::varchar else $12::varchar end,
                        $13, $14, $15, $16) on conflict (dedupe_key) do nothing""")
                .execute(Tuple.from(Arrays.asList(id, incident, eventSeq, d.dedupeKey(), d.party(), d.partyKind(), d.kind(),
                        d.modeAfter() == null ? null : d.modeAfter().name(), d.reference(), d.clause(), d.zh(), d.en(),
                        ts(d.issuedAt()), d.issuedBy(), ts(d.deadline()), d.area())))
                .map(r -> r.rowCount() == 1 ? id : null);
    }

    private static final String SELECT = """
            select i.id, i.incident_id, i.event_seq, i.party, i.party_kind, i.kind, i.mode_after, i.reference, i.clause, i.text_zh, i.text_en,
                   i.issued_at, i.issued_by, i.deadline_at, i.number, i.area, a.person_id, a.person_name, a.acknowledged_at
              from instruction i left join instruction_ack a on a.instruction_id = i.id""";

    private static List<Instruction> instructions(Iterable<Row> rows) {
        Map<UUID, Instruction> byId = new LinkedHashMap<>();
        for (Row r : rows) {
            Instruction i = byId.computeIfAbsent(r.getUUID("id"), id -> new Instruction(id, r.getUUID("incident_id"), r.getLong("event_seq"),
                    r.getString("party"), r.getString("party_kind"), r.getString("kind"),
                    r.getString("mode_after") == null ? null : DepartmentMode.valueOf(r.getString("mode_after")),
                    r.getString("reference"), r.getString("clause"), r.getString("text_zh"), r.getString("text_en"),
                    instant(r, "issued_at"), r.getString("issued_by"), instant(r, "deadline_at"), new ArrayList<>(), r.getLong("number"),
                    r.getString("area")));
            if (r.getUUID("person_id") != null) {
                i.acks().add(new Ack(r.getUUID("person_id"), r.getString("person_name"), instant(r, "acknowledged_at")));
            }
        }
        return List.copyOf(byId.values());
    }

    public Uni<Instruction> byId(Tx c, UUID id) {
        return c.client().preparedQuery(SELECT + " where i.id = $1 order by a.acknowledged_at").execute(Tuple.of(id))
                .map(rows -> instructions(rows).stream().findFirst().orElse(null));
    }

    /** True when an instruction with this id (when given) and this number (when given) exists. */
    public Uni<Boolean> issued(Tx c, UUID id, Long number) {
        return c.client().preparedQuery("select exists (select 1 from instruction where ($1::uuid is null or id = $1) "
                + "and ($2::int8 is null or number = $2))").execute(Tuple.of(id, number)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    public Uni<Instruction> byIdForUpdate(Tx c, UUID id) {
        return c.client().preparedQuery("select id from instruction where id = $1 for update").execute(Tuple.of(id))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().nullItem() : byId(c, id));
    }

    /** Instructions for a party, newest first; only unacknowledged ones when asked. */
    public Uni<List<Instruction>> forParty(Tx c, String party, boolean onlyOpen, int limit) {
        return forParty(c, party, false, null, onlyOpen, limit);
    }

    /**
     * Instructions for a party at a place, newest first: the hospital-wide ones and those of an area covering
     * {@code place} (a building/floor/ward path; null: a department whose place is not known gets the
     * hospital-wide ones only). EP-4.1 局部网络不通: an area's ladder reaches the departments of that area only.
     */
    public Uni<List<Instruction>> forPartyAt(Tx c, String party, String place, boolean onlyOpen, int limit) {
        return forParty(c, party, true, place, onlyOpen, limit);
    }

    private Uni<List<Instruction>> forParty(Tx c, String party, boolean byPlace, String place, boolean onlyOpen, int limit) {
        return c.client().preparedQuery("select id from instruction i where party = $1 and ($2 = false or not exists "
                        + "(select 1 from instruction_ack a where a.instruction_id = i.id)) "
                        + "and ($4 = false or i.area is null or i.area = '' or i.area = $5 or $5 like i.area || '/%') "
                        + "order by issued_at desc, id limit $3")
                .execute(Tuple.from(Arrays.asList(party, onlyOpen, limit, byPlace, place)))
                .chain(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID("id")));
                    return byIds(c, ids);
                });
    }

    public Uni<List<Instruction>> forIncident(Tx c, UUID incident) {
        return c.client().preparedQuery(SELECT + " where i.incident_id = $1 order by i.issued_at, i.event_seq, i.party, a.acknowledged_at")
                .execute(Tuple.of(incident)).map(InstructionStore::instructions);
    }

    /** Unacknowledged instructions issued before {@code before} (they escalate, EP-6.1). */
    public Uni<List<Instruction>> unacknowledged(Tx c, Instant before) {
        return c.client().preparedQuery("select id from instruction i where issued_at <= $1 and not exists "
                        + "(select 1 from instruction_ack a where a.instruction_id = i.id) order by issued_at limit 500")
                .execute(Tuple.of(ts(before))).chain(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID("id")));
                    return byIds(c, ids);
                });
    }

    private Uni<List<Instruction>> byIds(Tx c, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return c.client().preparedQuery(SELECT + " where i.id = any($1) order by i.issued_at desc, i.id, a.acknowledged_at")
                .execute(Tuple.of(ids.toArray(new UUID[0]))).map(InstructionStore::instructions);
    }

    /** True when the person had not acknowledged it yet. */
    public Uni<Boolean> acknowledge(Tx c, UUID instruction, UUID person, String personName, UUID account, Instant at) {
        return c.client().preparedQuery("""
                insert into instruction_ack (instruction_id, person_id, person_name, account_id, acknowledged_at) values ($1, $2, $3, $4, $5)
                on conflict do nothing""")
                .execute(Tuple.of(instruction, person, personName, account, ts(at))).map(r -> r.rowCount() == 1);
    }

    /** The newest hospital-wide mode instruction of a department (only it may change the department's mode). */
    public Uni<UUID> latestModeInstruction(Tx c, String department) {
        return c.client().preparedQuery("select id from instruction where party = $1 and mode_after is not null and (area is null or area = '') "
                        + "order by issued_at desc, event_seq desc limit 1")
                .execute(Tuple.of(department)).map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
    }

    public Uni<Mode> mode(Tx c, String department) {
        return c.client().preparedQuery("select department, mode, since, instruction_id from department_mode where department = $1")
                .execute(Tuple.of(department)).map(rows -> rows.size() == 0 ? null : mode(rows.iterator().next()));
    }

    private static Mode mode(Row r) {
        return new Mode(r.getString("department"), DepartmentMode.valueOf(r.getString("mode")), instant(r, "since"), r.getUUID("instruction_id"));
    }

    public Uni<List<Mode>> modes(Tx c) {
        return c.client().query("select department, mode, since, instruction_id from department_mode order by department").execute().map(rows -> {
            List<Mode> out = new ArrayList<>();
            rows.forEach(r -> out.add(mode(r)));
            return out;
        });
    }

    public Uni<Void> changeMode(Tx c, String department, DepartmentMode from, DepartmentMode to, Instant at, UUID instruction, UUID person) {
        return c.client().preparedQuery("""
                insert into department_mode (department, mode, since, instruction_id) values ($1, $2, $3, $4)
                on conflict (department) do update set mode = excluded.mode, since = excluded.since, instruction_id = excluded.instruction_id""")
                .execute(Tuple.of(department, to.name(), ts(at), instruction))
                .chain(() -> c.client().preparedQuery("insert into department_mode_change (department, from_mode, to_mode, at, instruction_id, person_id) values ($1, $2, $3, $4, $5, $6)")
                        .execute(Tuple.from(List.of(department, from.name(), to.name(), ts(at), instruction, person))))
                .replaceWithVoid();
    }
}
