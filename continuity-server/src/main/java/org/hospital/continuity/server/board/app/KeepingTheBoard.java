package org.hospital.continuity.server.board.app;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.eventbus.EventBus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import org.hospital.continuity.server.board.domain.FaultReportRecord;
import org.hospital.continuity.server.board.domain.StatusReport;
import org.hospital.continuity.server.board.domain.TeamAssignment;
import org.hospital.continuity.server.board.persistence.BoardStore;
import org.hospital.continuity.server.directory.People;
import org.hospital.continuity.server.platform.api.DomainRejection;

/**
 * What the incident lead and IT write on the board: status reports, team members (EP-8.2), and their part
 * of the fault report (EP-8.6). Each change is published so that every open board updates.
 */
@ApplicationScoped
public class KeepingTheBoard {

    private final BoardStore store;
    private final IncidentSource incidents;
    private final InstantSource clock;
    private final EventBus bus;
    private final People people;

    public KeepingTheBoard(BoardStore store, IncidentSource incidents, InstantSource clock, EventBus bus, People people) {
        this.store = store;
        this.incidents = incidents;
        this.clock = clock;
        this.bus = bus;
        this.people = people;
    }

    private Uni<IncidentPicture> incident(UUID id) {
        return incidents.byId(id).map(found -> found.orElseThrow(() -> DomainRejection.notFound("Incident " + id)));
    }

    public Uni<StatusReport> writeStatusReport(UUID incidentId, String conditions, String actions, String needs, String author) {
        return incident(incidentId).chain(i -> {
            Instant now = clock.instant();
            StatusReport.Decision d = StatusReport.write(UUID.randomUUID(), incidentId, conditions, actions, needs, author, i.isOpen(), now);
            if (d instanceof StatusReport.Decision.Rejected r) {
                return Uni.createFrom().failure(rejection(r.rule(), r.reason()));
            }
            StatusReport report = ((StatusReport.Decision.Accepted) d).report();
            return store.addStatusReport(report).invoke(() -> changed(incidentId, "STATUS_REPORT")).replaceWith(report);
        });
    }

    /**
     * EP-8.2, EP-8.3: a person of the directory joins a team. The name comes from the directory, never typed, so the
     * member is the person that notices to the team reach (notification's TeamMembers port answers by person id).
     */
    public Uni<TeamAssignment> assign(UUID incidentId, String team, UUID personId, String note, String by) {
        return people.person(personId).chain(p -> {
            if (p == null) {
                return Uni.createFrom().failure(new DomainRejection(422, "unknown-person", "EP-8.2",
                        "A team member is a person of the directory; no such person."));
            }
            if (!p.active()) {
                return Uni.createFrom().failure(new DomainRejection(409, "person-inactive", "EP-8.2",
                        "This person has left; only active staff join a team."));
            }
            return incident(incidentId).chain(i -> store.teamAssignments(incidentId).chain(current -> {
                TeamAssignment.Decision d = TeamAssignment.assign(UUID.randomUUID(), incidentId, team, p.name(), p.id().toString(), note, by,
                        i.isOpen(), current, clock.instant());
                if (d instanceof TeamAssignment.Decision.Rejected r) {
                    return Uni.createFrom().failure(rejection(r.rule(), r.reason()));
                }
                TeamAssignment a = ((TeamAssignment.Decision.Accepted) d).assignment();
                return store.addTeamAssignment(a).invoke(() -> changed(incidentId, "TEAM")).replaceWith(a);
            }));
        });
    }

    public Uni<Void> release(UUID incidentId, UUID assignmentId, String by) {
        return store.releaseTeamAssignment(incidentId, assignmentId, by, clock.instant()).chain(done -> done
                ? Uni.createFrom().voidItem().invoke(() -> changed(incidentId, "TEAM"))
                : Uni.createFrom().failure(DomainRejection.notFound("Active team assignment " + assignmentId)));
    }

    public Uni<FaultReportRecord> faultReport(UUID incidentId) {
        return incident(incidentId).chain(i -> store.faultReport(incidentId).map(f -> f.orElse(FaultReportRecord.empty(incidentId))));
    }

    public Uni<FaultReportRecord> saveFaultReport(UUID incidentId, String rootCause, String measures, String followUps,
                                                  Instant reviewedAt, String by) {
        return faultReport(incidentId).chain(current -> persist(incidentId,
                current.save(rootCause, measures, followUps, reviewedAt, by, clock.instant())));
    }

    public Uni<FaultReportRecord> submitFaultReport(UUID incidentId, String by) {
        return incident(incidentId).chain(i -> faultReport(incidentId).chain(current -> persist(incidentId,
                current.submit(!i.isOpen(), by, clock.instant()))));
    }

    private Uni<FaultReportRecord> persist(UUID incidentId, FaultReportRecord.Decision d) {
        if (d instanceof FaultReportRecord.Decision.Rejected r) {
            return Uni.createFrom().failure(rejection(r.rule(), r.reason()));
        }
        FaultReportRecord f = ((FaultReportRecord.Decision.Accepted) d).record();
        return store.saveFaultReport(f).chain(written -> written
                ? Uni.createFrom().item(f).invoke(() -> changed(incidentId, "FAULT_REPORT"))
                : Uni.createFrom().failure(DomainRejection.conflict("fault-report-submitted", "HR-9",
                "The fault report was submitted meanwhile and is not changed any more.")));
    }

    private static DomainRejection rejection(String rule, String reason) {
        int status = "HR-12".equals(rule) || reason.contains("required") ? 422 : 409;
        return new DomainRejection(status, "board-rejected", rule, reason);
    }

    private void changed(UUID incidentId, String what) {
        Log.infof("board incident=%s changed=%s", incidentId, what);
        bus.publish(BoardEvents.CHANGED, new JsonObject().put("incidentId", incidentId.toString()).put("change", what));
    }
}
