package org.hospital.continuity.server.drill.app;

import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.drill.domain.DrillReport;
import org.hospital.continuity.server.drill.domain.TimeScale;
import org.hospital.continuity.server.drill.persistence.DrillStore;
import org.hospital.continuity.server.drill.persistence.DrillStore.DrillRow;
import org.hospital.continuity.server.incident.persistence.IncidentStore;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.incident.persistence.InstructionStore;

/**
 * Gathers what a drill recorded and computes its report ({@link DrillReport}). A report is computed live while
 * the drill's data exists; the one stored at the drill's end (and again on request) is what survives a purge.
 */
@ApplicationScoped
public class ReportingDrills {

    private final DrillStore store;
    private final IncidentStore incidents;
    private final InstructionStore instructions;
    private final DrillConfig config;
    private final DrillClock clock;
    private final ObjectMapper json;

    public ReportingDrills(DrillStore store, IncidentStore incidents, InstructionStore instructions, DrillConfig config,
                           DrillClock clock, ObjectMapper json) {
        this.store = store;
        this.incidents = incidents;
        this.instructions = instructions;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    /** The report: live while the drill's data exists, the stored one after a purge. */
    public Uni<JsonObject> report(UUID id) {
        return store.byId(store.pool(), id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Drill " + id)).chain(d -> {
            if (d.purgedAt() != null) {
                return Uni.createFrom().item(d.report() == null ? new JsonObject() : d.report());
            }
            return compute(d).map(this::toJson);
        });
    }

    /** Computes the report and stores it with the drill (the copy a purge keeps). */
    public Uni<JsonObject> writeReport(UUID id) {
        return store.byId(store.pool(), id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Drill " + id)).chain(d -> {
            if (d.purgedAt() != null) {
                throw DomainRejection.conflict("drill-purged", "EP-9.4", "The drill's data was purged; its stored report stands.");
            }
            return compute(d).map(this::toJson).call(j -> store.saveReport(store.pool(), id, j, clock.realNow()));
        });
    }

    private JsonObject toJson(DrillReport.Report r) {
        try {
            return new JsonObject(json.writeValueAsString(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Uni<DrillReport.Report> compute(DrillRow d) {
        TimeScale scale = TimeScale.compressed(d.realStartedAt(), d.factor());
        Instant realEnd = d.realEndedAt() == null ? clock.realNow() : d.realEndedAt();
        SqlClient c = store.pool();
        Uni<List<DrillReport.Event>> events = d.incidentId() == null ? Uni.createFrom().item(List.of())
                : incidents.timeline(c, d.incidentId()).map(rows -> rows.stream().map(e -> new DrillReport.Event(e.seq(), e.event())).toList());
        Uni<List<DrillReport.Instruction>> instr = d.incidentId() == null ? Uni.createFrom().item(List.of())
                : instructions.forIncident(c, d.incidentId()).map(list -> list.stream().map(i -> new DrillReport.Instruction(i.id(),
                i.eventSeq(), i.party(), i.kind(), i.issuedAt(), i.deadline(), i.acks().isEmpty() ? null : i.acks().get(0).at(),
                i.acks().isEmpty() ? null : i.acks().get(0).personName())).toList());
        Uni<List<DrillReport.Step>> steps = store.steps(c, d.id()).map(list -> list.stream()
                .map(s -> new DrillReport.Step(s.index(), s.kind(), s.dueAt(), s.engineAt())).toList());
        return Uni.combine().all().unis(events, instr, steps, kiosks(c, d.realStartedAt(), realEnd), writeBack(c, d),
                integrity(c, d.realStartedAt(), realEnd)).with(list -> {
                    @SuppressWarnings("unchecked") List<DrillReport.Event> ev = (List<DrillReport.Event>) list.get(0);
                    @SuppressWarnings("unchecked") List<DrillReport.Instruction> in = (List<DrillReport.Instruction>) list.get(1);
                    @SuppressWarnings("unchecked") List<DrillReport.Step> st = (List<DrillReport.Step>) list.get(2);
                    @SuppressWarnings("unchecked") List<DrillReport.KioskSync> ks = (List<DrillReport.KioskSync>) list.get(3);
                    DrillReport.WriteBack wb = (DrillReport.WriteBack) list.get(4);
                    long integrity = (Long) list.get(5);
                    return DrillReport.compute(new DrillReport.Facts(d.id(), d.scenarioId(), d.factor(), scale, d.status(), realEnd,
                            d.endReason(), st, ev, in, ks, wb, integrity, config.playerTick().multipliedBy(4)));
                });
    }

    private static Uni<List<DrillReport.KioskSync>> kiosks(SqlClient c, Instant from, Instant to) {
        return c.preparedQuery("""
                select kiosk_id, count(*) as entries,
                       count(*) filter (where stream_type = 'registration' and event_type = 'PatientRegistered') as visits,
                       min(recorded_at) as first_recorded, max(recorded_at) as last_recorded, max(received_at) as last_received,
                       percentile_cont(0.5) within group (order by extract(epoch from received_at - recorded_at)) as median_lag,
                       max(extract(epoch from received_at - recorded_at)) as max_lag
                  from sync_entry where recorded_at >= $1 and recorded_at <= $2 group by kiosk_id order by kiosk_id""")
                .execute(Tuple.of(ts(from), ts(to))).map(rows -> {
                    List<DrillReport.KioskSync> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new DrillReport.KioskSync(r.getString("kiosk_id"), r.getLong("entries"), r.getLong("visits"),
                                instant(r, "first_recorded"), instant(r, "last_recorded"), instant(r, "last_received"),
                                number(r, "median_lag"), number(r, "max_lag")));
                    }
                    return out;
                });
    }

    private static double number(Row r, String column) {
        Object v = r.getValue(column);
        return v instanceof Number n ? Math.round(n.doubleValue() * 10) / 10.0 : 0;
    }

    private Uni<DrillReport.WriteBack> writeBack(SqlClient c, DrillRow d) {
        String target = config.sandboxFhirUrl().filter(u -> !u.isBlank()).isPresent() ? "SANDBOX" : "HELD";
        if (d.incidentId() == null) {
            return Uni.createFrom().item(new DrillReport.WriteBack(target, 0, 0, 0, null, null));
        }
        String incident = d.incidentId().toString();
        return c.preparedQuery("""
                select (select count(*) from writeback_visit where incident = $1) as written,
                       (select max(written_at) from writeback_visit where incident = $1) as last_written,
                       (select count(*) from workbench_item where incident = $1) as items,
                       (select count(*) from workbench_item where incident = $1 and resolved_at is null) as open,
                       (select max(resolved_at) from workbench_item where incident = $1) as last_resolved""")
                .execute(Tuple.of(incident)).map(rows -> {
                    Row r = rows.iterator().next();
                    return new DrillReport.WriteBack(target, r.getLong("written"), r.getLong("items"), r.getLong("open"),
                            instant(r, "last_written"), instant(r, "last_resolved"));
                });
    }

    private static Uni<Long> integrity(SqlClient c, Instant from, Instant to) {
        return c.preparedQuery("select count(*) as n from sync_integrity_incident where detected_at >= $1 and detected_at <= $2")
                .execute(Tuple.of(ts(from), ts(to))).map(rows -> rows.iterator().next().getLong("n"));
    }
}
