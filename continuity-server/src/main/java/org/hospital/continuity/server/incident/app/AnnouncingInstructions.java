package org.hospital.continuity.server.incident.app;

import org.hospital.continuity.server.platform.persistence.Tx;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Party;
import org.hospital.continuity.server.directory.DirectoryConfig;
import org.hospital.continuity.server.directory.People;
import org.hospital.continuity.server.incident.DepartmentState;
import org.hospital.continuity.server.incident.IncidentEvent;
import org.hospital.continuity.server.incident.Instructions;
import org.hospital.continuity.server.incident.IncidentEvent.Words;
import org.hospital.continuity.server.incident.persistence.IncidentStore;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.hospital.continuity.server.incident.domain.Announcements;
import org.hospital.continuity.server.incident.DepartmentMode;
import org.hospital.continuity.server.incident.domain.InstructionDraft;
import org.hospital.continuity.server.incident.persistence.InstructionStore;
import org.hospital.continuity.server.incident.Instruction;
import org.hospital.continuity.server.incident.persistence.InstructionStore.Mode;

/**
 * EP-6.1: announced instructions per department and their acknowledgement by named people. A department's
 * mode changes only when a named person of that department acknowledges its newest mode instruction.
 * This is the app-service API kiosks and the board use as well:
 * {@link #forParty}, {@link #acknowledge}, {@link #modes}.
 */
@ApplicationScoped
public class AnnouncingInstructions implements Instructions {

    private final InstructionStore instructions;
    private final IncidentStore incidents;
    private final People directory;
    private final InstantSource clock;
    private final DirectoryConfig config;

    public AnnouncingInstructions(InstructionStore instructions, IncidentStore incidents, People directory, InstantSource clock,
                                  DirectoryConfig config) {
        this.instructions = instructions;
        this.incidents = incidents;
        this.directory = directory;
        this.clock = clock;
        this.config = config;
    }

    private static Party party(String code) {
        return Party.fromCode(code).orElseThrow(() -> new IllegalStateException("unknown party " + code));
    }

    private static Uni<String> validParty(String party) {
        if (party == null || Party.fromCode(party).isEmpty()) {
            return Uni.createFrom().failure(DomainRejection.notFound("Department or office " + party));
        }
        return Uni.createFrom().item(party);
    }

    /** The instructions for a department (or office, team), newest first; only unacknowledged ones if asked. */
    @Override
    public Uni<List<Instruction>> forParty(String party, boolean onlyOpen, int limit) {
        return validParty(party).chain(p -> instructions.forParty(instructions.pool(), p, onlyOpen, limit));
    }

    @Override
    public Uni<List<Instruction>> forPartyAt(String party, String place, boolean onlyOpen, int limit) {
        return validParty(party).chain(p -> instructions.forPartyAt(instructions.pool(), p, place, onlyOpen, limit));
    }

    @Override
    public Uni<Instruction> get(UUID id) {
        return instructions.byId(instructions.pool(), id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Instruction " + id));
    }

    @Override
    public Uni<Boolean> issued(UUID id, Long number) {
        return id == null && number == null ? Uni.createFrom().item(false) : instructions.issued(instructions.pool(), id, number);
    }

    @Override
    public Uni<List<Instruction>> forIncident(UUID incident) {
        return instructions.forIncident(instructions.pool(), incident);
    }

    /** EP-6.1: instructions nobody acknowledged within the grace period (notifications escalate them). */
    @Override
    public Uni<List<Instruction>> unacknowledged(java.time.Duration olderThan) {
        return instructions.unacknowledged(instructions.pool(), clock.instant().minus(olderThan));
    }

    @Override
    public Uni<List<DepartmentState>> modes() {
        return instructions.modes(instructions.pool()).map(rows -> {
            Map<String, Mode> byDept = new java.util.HashMap<>();
            rows.forEach(m -> byDept.put(m.department(), m));
            return Arrays.stream(Department.values()).map(d -> {
                Mode m = byDept.get(d.code());
                return m == null ? new DepartmentState(d.code(), d.zh(), d.en(), DepartmentMode.NORMAL, null, null)
                        : new DepartmentState(d.code(), d.zh(), d.en(), m.mode(), m.since(), m.instructionId());
            }).toList();
        });
    }

    /** Whether this person (of department {@code d}, or none) may acknowledge for the party: its own department's area, or IT for offices and teams. */
    private static boolean mayAcknowledge(org.hospital.continuity.server.directory.Department d, Staff staff, Instruction i) {
        // an area's instruction (EP-4.1 局部网络不通) is acknowledged by the departments of that area
        boolean ownArea = d != null && i.party().equals(d.area()) && i.reaches(d.place());
        return ownArea || (!"DEPARTMENT".equals(i.partyKind()) && staff.has(Roles.IT));
    }

    /**
     * A named person acknowledges an instruction (EP-6.1). The newest mode instruction of a department
     * switches its mode with the first acknowledgement. 409 if this person already acknowledged it.
     */
    @Override
    public Uni<Instruction> acknowledge(UUID id, Staff staff, Instant at) {
        Instant now = clock.instant();
        // the person's department is read before the engine's transaction opens: never a second connection while holding one
        return directory.department(staff.departmentCode()).chain(dept -> incidents.pool().withTransaction(c -> incidents.lock(c)
                .chain(() -> instructions.byIdForUpdate(c, id)).chain(i -> {
            if (i == null) {
                return Uni.createFrom().failure(DomainRejection.notFound("Instruction " + id));
            }
            return Uni.createFrom().item(mayAcknowledge(dept, staff, i)).chain(may -> {
                if (!may) {
                    return Uni.createFrom().failure(new DomainRejection(403, "not-your-department", "EP-6.1",
                            "Only staff of " + i.party() + " acknowledge its instructions."));
                }
                // the time it was given (a kiosk's delivery after an outage), never before the announcement nor after now; in a
                // drill the announcement is stamped on the drill's clock, ahead of real time: an acknowledgement is a real
                // instant (the board puts it on the drill clock), so it is never moved up to a drill time
                boolean announcedInRealTime = !i.issuedAt().isAfter(now);
                Instant given = at == null || at.isAfter(now) ? now
                        : announcedInRealTime && at.isBefore(i.issuedAt()) ? i.issuedAt() : at;
                return instructions.acknowledge(c, id, staff.personId(), staff.personName(), staff.accountId(), given).chain(fresh -> {
                    if (!fresh) {
                        return Uni.createFrom().failure(DomainRejection.conflict("already-acknowledged", "EP-6.1",
                                "You already acknowledged this instruction."));
                    }
                    Uni<Void> event = incidents.appendEvent(c, i.incidentId(), 0, new IncidentEvent.InstructionAcknowledged(now, "EP-6.1",
                            new Words(staff.personName() + " 已确认: " + i.zh(), staff.personName() + " acknowledged: " + i.en()),
                            i.id(), party(i.party()), staff.personId()), now).replaceWithVoid();
                    return event.chain(() -> i.modeAfter() == null ? Uni.createFrom().voidItem() : switchMode(c, i, staff, now))
                            .chain(() -> instructions.byId(c, id));
                });
            });
        }))).invoke(i -> Log.infof("instruction acknowledged id=%s person=%s", i.id(), staff.personId()));
    }

    private Uni<Void> switchMode(Tx c, Instruction i, Staff staff, Instant now) {
        return instructions.latestModeInstruction(c, i.party()).chain(latest -> {
            if (!i.id().equals(latest)) {
                return Uni.createFrom().voidItem(); // superseded by a newer announcement: acknowledged, no change
            }
            return instructions.mode(c, i.party()).chain(m -> {
                DepartmentMode current = m == null ? DepartmentMode.NORMAL : m.mode();
                if (current == i.modeAfter() || current.refusalToBecome(i.modeAfter()).isPresent()) {
                    return Uni.createFrom().voidItem();
                }
                // the department in words on the timeline, the board and the fault report, never its code
                Department department = Department.fromCode(i.party()).orElseThrow();
                return instructions.changeMode(c, i.party(), current, i.modeAfter(), now, i.id(), staff.personId())
                        .chain(() -> incidents.appendEvent(c, i.incidentId(), 0, new IncidentEvent.ModeChanged(now, "EP-6.1",
                                new Words(department.zh() + "：" + current.zh() + " → " + i.modeAfter().zh(),
                                        department.en() + ": " + current.en() + " → " + i.modeAfter().en()),
                                department, current, i.modeAfter(), i.id()), now))
                        .replaceWithVoid();
            });
        });
    }

    /**
     * EP-8.4: IT (or the department's head) reports a department's back-entry finished; the server announces
     * its return to normal operation, which takes effect when the department acknowledges.
     */
    @Override
    public Uni<Instruction> announceBackToNormal(String department, Staff staff) {
        Instant now = clock.instant();
        return validParty(department).chain(p -> {
            if (Department.fromCode(p).isEmpty()) {
                return Uni.createFrom().failure(DomainRejection.notFound("Department " + p));
            }
            return incidents.pool().withTransaction(c -> incidents.lock(c).chain(() -> instructions.mode(c, p)).chain(m -> {
                if (m == null || m.mode() != DepartmentMode.RECOVERING) {
                    return Uni.createFrom().failure(DomainRejection.conflict("not-recovering", "EP-6.1",
                            "Only a department that is back-entering (recovering) returns to normal."));
                }
                return instructions.byId(c, m.instructionId()).chain(modeInstruction -> {
                    UUID incident = modeInstruction == null ? null : modeInstruction.incidentId();
                    InstructionDraft d = Announcements.resumeNormal(p, now, staff.personName(), config.zone());
                    return incidents.appendEvent(c, incident, 0, new IncidentEvent.InstructionIssued(now, d.clause(),
                                    new Words(d.zh(), d.en()), party(p), d.kind(), staff.personName()), now)
                            .chain(seq -> instructions.issue(c, incident, seq, d))
                            .chain(newId -> instructions.byId(c, newId));
                });
            }));
        });
    }
}
