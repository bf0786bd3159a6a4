package org.hospital.continuity.server.drill.app;

import org.hospital.continuity.server.incident.Incidents;
import org.hospital.continuity.server.incident.Instructions;
import org.hospital.continuity.server.syncreceiver.SyncFigures;
import org.hospital.continuity.server.writeback.WriteBackFigures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.drill.domain.DrillReport;
import org.hospital.continuity.server.drill.domain.TimeScale;
import org.hospital.continuity.server.drill.persistence.DrillStore;
import org.hospital.continuity.server.drill.persistence.DrillStore.DrillRow;
import org.hospital.continuity.server.platform.api.DomainRejection;

/**
 * Gathers what a drill recorded and computes its report ({@link DrillReport}). A report is computed live while
 * the drill's data exists; the one stored at the drill's end (and again on request) is what survives a purge.
 */
@ApplicationScoped
public class ReportingDrills {

    private final DrillStore store;
    private final Incidents incidents;
    private final Instructions instructions;
    private final SyncFigures sync;
    private final WriteBackFigures writeBack;
    private final DrillConfig config;
    private final DrillClock clock;
    private final ObjectMapper json;
    private final org.hospital.continuity.server.drill.persistence.TrainingEntryRows training;

    public ReportingDrills(DrillStore store, Incidents incidents, Instructions instructions, SyncFigures sync, WriteBackFigures writeBack,
                           DrillConfig config, DrillClock clock, ObjectMapper json,
                           org.hospital.continuity.server.drill.persistence.TrainingEntryRows training) {
        this.training = training;
        this.sync = sync;
        this.writeBack = writeBack;
        this.store = store;
        this.incidents = incidents;
        this.instructions = instructions;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    /** The report: live while the drill's data exists, the stored one after a purge. */
    public Uni<JsonObject> report(UUID id) {
        return store.byId(id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Drill " + id)).chain(d -> {
            if (d.purgedAt() != null) {
                return Uni.createFrom().item(d.report() == null ? new JsonObject() : d.report());
            }
            return compute(d).map(this::toJson);
        });
    }

    /** Computes the report and stores it with the drill (the copy a purge keeps). */
    public Uni<JsonObject> writeReport(UUID id) {
        return store.byId(id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Drill " + id)).chain(d -> {
            if (d.purgedAt() != null) {
                throw DomainRejection.conflict("drill-purged", "EP-9.4", "The drill's data was purged; its stored report stands.");
            }
            return compute(d).map(this::toJson).call(j -> store.saveReport(id, j, clock.realNow()));
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
        Uni<List<DrillReport.Event>> events = d.incidentId() == null ? Uni.createFrom().item(List.of())
                : incidents.timeline(d.incidentId()).map(rows -> rows.stream().map(e -> new DrillReport.Event(e.seq(), e.event())).toList());
        Uni<List<DrillReport.Instruction>> instr = d.incidentId() == null ? Uni.createFrom().item(List.of())
                : instructions.forIncident(d.incidentId()).map(list -> list.stream().map(i -> new DrillReport.Instruction(i.id(),
                i.eventSeq(), i.party(), i.kind(), i.issuedAt(), i.deadline(), i.acks().isEmpty() ? null : i.acks().get(0).at(),
                i.acks().isEmpty() ? null : i.acks().get(0).personName())).toList());
        Uni<List<DrillReport.Step>> steps = store.steps(d.id()).map(list -> list.stream()
                .map(s -> new DrillReport.Step(s.index(), s.kind(), s.dueAt(), s.engineAt())).toList());
        return Uni.combine().all().unis(events, instr, steps, kiosks(d, realEnd), writeBack(d),
                sync.integrityIncidentsBetween(d.realStartedAt(), realEnd)).with(list -> {
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

    /**
     * The records of the drill per kiosk: entries synced in the drill's real span, and (HR-21) the training entries kiosks
     * captured in the drill's training namespace, each kiosk's under its namespace ("kiosk~drill-…"). Only the drill's own
     * report counts the training entries; nothing real does.
     */
    private Uni<List<DrillReport.KioskSync>> kiosks(DrillRow d, Instant to) {
        Uni<List<DrillReport.KioskSync>> synced = sync.kiosksBetween(d.realStartedAt(), to).map(list -> list.stream()
                .map(k -> new DrillReport.KioskSync(k.kioskId(), k.entries(), k.visits(), k.firstRecorded(), k.lastRecorded(), k.lastReceived(),
                        k.medianLagSeconds(), k.maxLagSeconds())).toList());
        Uni<List<DrillReport.KioskSync>> trained = training.byKiosk(d.id()).map(list -> list.stream()
                .map(k -> new DrillReport.KioskSync(k.namespace(), k.entries(), k.visits(), k.firstRecorded(), k.lastRecorded(), k.lastReceived(),
                        k.medianLagSeconds(), k.maxLagSeconds())).toList());
        return Uni.combine().all().unis(synced, trained).with((a, b) -> {
            List<DrillReport.KioskSync> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return all;
        });
    }

    private Uni<DrillReport.WriteBack> writeBack(DrillRow d) {
        String target = config.sandboxFhirUrl().filter(u -> !u.isBlank()).isPresent() ? "SANDBOX" : "HELD";
        if (d.incidentId() == null) {
            return Uni.createFrom().item(new DrillReport.WriteBack(target, 0, 0, 0, null, null));
        }
        return writeBack.progressOf(d.incidentId()).map(p -> new DrillReport.WriteBack(target, p.visitsWritten(), p.workbenchItems(),
                p.workbenchOpen(), p.lastWritten(), p.lastResolved()));
    }
}
