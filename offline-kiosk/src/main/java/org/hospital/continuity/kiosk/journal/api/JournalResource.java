package org.hospital.continuity.kiosk.journal.api;

import jakarta.annotation.security.RolesAllowed;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.session.Sessions;

/**
 * The journal as a list (no payloads): sequence, type, phase before/after the breakpoint (EP-8.3),
 * and an integrity check (every entry decrypts, hashes match, no sequence gap). An entry that does not read back is named
 * (sequence and reason) and quarantined, never a 500 for the whole list.
 */
@Path("/api/journal")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(KioskRoles.STAFF)
public class JournalResource {

    private final Journal journal;
    private final Sessions sessions;

    public JournalResource(Journal journal, Sessions sessions) {
        this.journal = journal;
        this.sessions = sessions;
    }

    /**
     * An entry as listed; {@code actorName} is the person's name (or the kiosk, for what it did by itself). An entry that
     * does not read back is listed in its place with {@code unreadable} (the reason: cannot-decrypt, hash-mismatch,
     * malformed-row) and only what its clear columns still say.
     */
    public record Line(long kioskSeq, UUID entryId, String streamType, UUID streamId, Integer streamVersion, String eventType,
                       Instant recordedAt, String actor, String phase, String contentHash, String actorName, String unreadable) {
    }

    @GET
    public List<Line> entries(@CookieParam(Sessions.COOKIE) String token, @QueryParam("after") @DefaultValue("0") @Min(0) long after,
                              @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(10000) int limit) {
        sessions.require(token);
        Journal.Stretch stretch = journal.readStretch(after, limit);
        List<Line> lines = new java.util.ArrayList<>(stretch.recorded().size() + stretch.unreadable().size());
        stretch.recorded().forEach(r -> lines.add(new Line(r.entry().kioskSeq(), r.entry().entryId(),
                r.entry().streamType(), r.entry().streamId(), r.entry().streamVersion(), r.entry().eventType(), r.entry().recordedAt(),
                r.entry().actor(), r.phase().name(), r.entry().contentHash(), r.entry().actor() != null && r.entry().actor().startsWith("kiosk:")
                ? null : sessions.nameOf(r.entry().actor()), null)));
        stretch.unreadable().forEach(u -> lines.add(new Line(u.kioskSeq(), u.entryId(), null, null, null, u.eventType(), null, null,
                null, u.contentHash(), null, u.reason())));
        lines.sort(java.util.Comparator.comparingLong(Line::kioskSeq));
        return lines;
    }

    @GET
    @Path("/integrity")
    public Journal.Integrity integrity(@CookieParam(Sessions.COOKIE) String token) {
        sessions.require(token);
        return journal.verify();
    }
}
