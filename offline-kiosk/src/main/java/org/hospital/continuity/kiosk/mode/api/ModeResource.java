package org.hospital.continuity.kiosk.mode.api;

import jakarta.annotation.security.RolesAllowed;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;
import jakarta.annotation.security.PermitAll;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.UUID;
import org.hospital.continuity.kiosk.mode.FollowingInstructions;
import org.hospital.continuity.kiosk.mode.SwitchingMode;
import org.hospital.continuity.kiosk.mode.domain.ModeChange;
import org.hospital.continuity.kiosk.session.Sessions;
import org.hospital.continuity.sync.envelope.JournalEntry;

/** EP-6.1 / EP-8.3: downtime mode on and off, each change a journal entry (the breakpoint). */
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

    public record Change(@NotNull @Pattern(regexp = "ANNOUNCED|SUPERVISOR") String source,
                         @Size(max = 64) String instructionId,
                         Instant announcedAt,
                         @Size(max = 500) String reason) {
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
        var staff = sessions.require(token);
        JournalEntry e = mode.enter(ModeChange.Source.valueOf(change.source()), change.instructionId(), change.announcedAt(),
                change.reason(), staff);
        return Changed.of(e, mode.state());
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

    /** EP-6.1: the signed-in staff member acknowledges an announced instruction to the server; the kiosk follows it. */
    @POST
    @Path("/instructions/{id}/acknowledgement")
    public FollowingInstructions.Announced acknowledge(@CookieParam(Sessions.COOKIE) String token, @PathParam("id") UUID id) {
        var staff = sessions.require(token);
        return instructions.acknowledge(id, staff);
    }

    @POST
    @Path("/normal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Changed leave(@CookieParam(Sessions.COOKIE) String token, @Valid @NotNull Change change) {
        var staff = sessions.require(token);
        JournalEntry e = mode.leave(ModeChange.Source.valueOf(change.source()), change.instructionId(), change.reason(), staff);
        return Changed.of(e, mode.state());
    }
}
