package org.hospital.continuity.kiosk.mode.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.hospital.continuity.kiosk.mode.FollowingInstructions;
import org.hospital.continuity.kiosk.mode.SwitchingMode;
import org.hospital.continuity.kiosk.mode.domain.ModeChange;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;
import org.hospital.continuity.kiosk.session.Sessions;
import org.hospital.continuity.kiosk.session.StaffSession;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.wire.Problem;

/**
 * EP-6.1 / EP-8.3: downtime mode on and off, each change a journal entry (the breakpoint), by an announced
 * instruction this kiosk received (acknowledged by the person signed in) or by a phoned one that a second person
 * with a supervisor role confirms here with their password.
 */
@Path("/api/mode")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(KioskRoles.STAFF)
public class ModeResource {

    private final SwitchingMode mode;
    private final Sessions sessions;
    private final FollowingInstructions instructions;

    public ModeResource(SwitchingMode mode, Sessions sessions, FollowingInstructions instructions) {
        this.mode = mode;
        this.sessions = sessions;
        this.instructions = instructions;
    }

    /**
     * A mode change. ANNOUNCED: {@code instructionId} is the id or the short number of an instruction this kiosk
     * received. SUPERVISOR (a phoned instruction): {@code reason} states the instruction as phoned (who called, what
     * they said), {@code instructionNumber} the number they gave if any, and a second person with a supervisor role
     * confirms with {@code confirmerAccountId} and {@code confirmerPassword}.
     */
    public record Change(@NotNull @Pattern(regexp = "ANNOUNCED|SUPERVISOR") String source,
                         @Size(max = 64) String instructionId,
                         Instant announcedAt,
                         @Size(max = 500) String reason,
                         Long instructionNumber,
                         @Size(max = 64) String confirmerAccountId,
                         @Size(max = 128) String confirmerPassword) {
    }

    public record Changed(long kioskSeq, String eventType, Instant recordedAt, SwitchingMode.ModeState mode) {
        static Changed of(JournalEntry e, SwitchingMode.ModeState m) {
            return new Changed(e.kioskSeq(), e.eventType(), e.recordedAt(), m);
        }
    }

    @GET
    @PermitAll
    public SwitchingMode.ModeState state() {
        return mode.state();
    }

    @POST
    @Path("/downtime")
    @Consumes(MediaType.APPLICATION_JSON)
    public Changed enter(@CookieParam(Sessions.COOKIE) String token, @Valid @NotNull Change change) {
        StaffSession staff = sessions.require(token);
        if (ModeChange.Source.ANNOUNCED.name().equals(change.source())) {
            requireInstruction(change);
            instructions.acknowledge(change.instructionId(), staff, "MANUAL");
            SwitchingMode.ModeState m = mode.state();
            if (!m.downtime()) {
                throw KioskRejection.conflict("not-followed", "EP-6.1", "error.instruction.superseded");
            }
            return latest(m);
        }
        JournalEntry e = mode.enterPhoned(phoned(change, staff), staff);
        return Changed.of(e, mode.state());
    }

    @POST
    @Path("/normal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Changed leave(@CookieParam(Sessions.COOKIE) String token, @Valid @NotNull Change change) {
        StaffSession staff = sessions.require(token);
        if (ModeChange.Source.ANNOUNCED.name().equals(change.source())) {
            requireInstruction(change);
            instructions.acknowledge(change.instructionId(), staff, "RECOVERING");
            SwitchingMode.ModeState m = mode.state();
            if (m.downtime()) {
                throw KioskRejection.conflict("not-followed", "EP-6.1", "error.instruction.superseded");
            }
            return latest(m);
        }
        JournalEntry e = mode.leavePhoned(phoned(change, staff), staff);
        return Changed.of(e, mode.state());
    }

    /** EP-6.1: the instructions this kiosk received for its department, newest first (F8). */
    @GET
    @Path("/instructions")
    public List<FollowingInstructions.Announced> received(@CookieParam(Sessions.COOKIE) String token) {
        sessions.require(token);
        return instructions.received(30);
    }

    /** EP-6.1: the server's newest mode instruction for this kiosk's department as last pulled. */
    @GET
    @Path("/instruction")
    public FollowingInstructions.Pulled instruction() {
        return instructions.last();
    }

    /** EP-6.1: pulls the announced instructions now (the kiosk also does so by itself while online). */
    @POST
    @Path("/instruction/pull")
    public FollowingInstructions.Pulled pull(@CookieParam(Sessions.COOKIE) String token) {
        sessions.require(token);
        return instructions.pull();
    }

    /**
     * EP-6.1: the signed-in staff member acknowledges an instruction this kiosk received (by id or short number);
     * sent to the server at once, or journaled and delivered later; a mode instruction switches this kiosk.
     */
    @POST
    @Path("/instructions/{ref}/acknowledgement")
    public FollowingInstructions.Announced acknowledge(@CookieParam(Sessions.COOKIE) String token,
                                                      @PathParam("ref") @Size(max = 64) String ref) {
        StaffSession staff = sessions.require(token);
        return instructions.acknowledge(ref, staff, null);
    }

    private Changed latest(SwitchingMode.ModeState m) {
        // the entry that made the change: the breakpoint, or the entry that left downtime
        return mode.lastChange().map(e -> Changed.of(e, m)).orElseThrow();
    }

    /**
     * EP-6.1: an announced change names an instruction this kiosk received from the server. One it never received (a
     * made-up id or number) is a field of the body that does not hold: 422 naming {@code instructionId}, in the kiosk's
     * words, before anything is journaled or the mode moves (the acknowledgement route answers 404 for a path it cannot
     * find; here the resource is the mode, and the bad part is the body's field).
     */
    private void requireInstruction(Change change) {
        if (change.instructionId() == null || change.instructionId().isBlank()) {
            throw KioskRejection.invalid("error.form", List.of(new Problem.Violation("instructionId", "error.mode.instruction")));
        }
        try {
            instructions.find(change.instructionId());
        } catch (KioskRejection notReceived) {
            if (!"instruction-not-received".equals(notReceived.slug())) {
                throw notReceived;
            }
            throw new KioskRejection(422, "instruction-not-received", "EP-6.1", "error.instruction.unknown",
                    List.of(new Problem.Violation("instructionId", "error.instruction.unknown")));
        }
    }

    /** The phoned instruction and its second person, whose password is checked here (a wrong one is a field error, not a sign-out). */
    private SwitchingMode.Phoned phoned(Change change, StaffSession staff) {
        StaffSession confirmer = null;
        if (change.confirmerAccountId() != null && !change.confirmerAccountId().isBlank()) {
            if (change.confirmerAccountId().trim().equals(staff.accountId())) {
                throw new KioskRejection(403, "second-person-required", "EP-6.1", "error.mode.second-person",
                        List.of(new Problem.Violation("confirmerAccountId", "error.mode.second-person")));
            }
            if (change.confirmerPassword() == null || change.confirmerPassword().isEmpty()) {
                throw KioskRejection.invalid("error.form", List.of(new Problem.Violation("confirmerPassword", "error.required")));
            }
            try {
                confirmer = sessions.confirm(change.confirmerAccountId().trim(), change.confirmerPassword().toCharArray());
            } catch (KioskRejection refused) {
                throw KioskRejection.invalid("error.form", List.of(new Problem.Violation("confirmerPassword",
                        "account-locked".equals(refused.slug()) ? "error.login.locked" : "error.login.failed")));
            }
        }
        return new SwitchingMode.Phoned(change.reason() == null ? "" : change.reason(), change.instructionNumber(), confirmer);
    }
}
