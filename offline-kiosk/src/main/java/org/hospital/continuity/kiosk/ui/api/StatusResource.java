package org.hospital.continuity.kiosk.ui.api;

import jakarta.annotation.security.PermitAll;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.journal.Backlog;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.mode.FollowingInstructions;
import org.hospital.continuity.kiosk.mode.SwitchingMode;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.platform.i18n.Texts;
import org.hospital.continuity.kiosk.pool.NumberPools;
import org.hospital.continuity.kiosk.pool.PoolLevel;
import org.hospital.continuity.kiosk.readiness.ReportingReadiness;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.kiosk.reference.SnapshotInfo;
import org.hospital.continuity.kiosk.session.Sessions;
import org.hospital.continuity.kiosk.relay.RelayInbox;

/** What the permanent banner shows (mode, elapsed downtime, unsent count, snapshot age, pools) and the UI texts. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@PermitAll
public class StatusResource {

    private final SwitchingMode mode;
    private final Journal journal;
    private final ReferenceData reference;
    private final NumberPools pools;
    private final EnrolledKiosk enrolled;
    private final Sessions sessions;
    private final Texts texts;
    private final KioskConfig config;
    private final InstantSource clock;
    private final ReportingReadiness readiness;
    private final FollowingInstructions instructions;
    private final RelayInbox relay;

    public StatusResource(SwitchingMode mode, Journal journal, ReferenceData reference, NumberPools pools, EnrolledKiosk enrolled,
                          Sessions sessions, Texts texts, KioskConfig config, InstantSource clock, ReportingReadiness readiness,
                          FollowingInstructions instructions, RelayInbox relay) {
        this.relay = relay; // HIS down, LAN up: 联网停机 or 完全离线 on the banner
        this.readiness = readiness; // the drill banner
        this.instructions = instructions;
        this.mode = mode;
        this.journal = journal;
        this.reference = reference;
        this.pools = pools;
        this.enrolled = enrolled;
        this.sessions = sessions;
        this.texts = texts;
        this.config = config;
        this.clock = clock;
    }

    public record Snapshot(String version, Instant generatedAt, long ageSeconds, boolean stale, int items) {
    }

    public record Status(boolean enrolled, String kioskId, String kioskName, String departmentName, String phase, boolean downtime,
                         Instant downtimeSince, long downtimeSeconds, long unsent, Instant oldestUnsentAt, long lastSeq,
                         Snapshot snapshot, List<PoolLevel> pools, String staff, String language, Instant now,
                         ReportingReadiness.Drill drill, FollowingInstructions.Announced instruction, String departmentCode,
                         List<String> roles, String timeZone, Boolean serverReachable, Boolean relayReachable) {
    }

    @GET
    @Path("/status")
    public Status status(@CookieParam(Sessions.COOKIE) String token) {
        Instant now = clock.instant();
        var identity = enrolled.identity();
        SwitchingMode.ModeState m = identity.isPresent() ? mode.state() : null;
        Backlog backlog = journal.backlog();
        Snapshot snap = reference.info().map(i -> new Snapshot(i.version(), i.generatedAt(), i.age(now).toSeconds(),
                i.staleAt(now, config.reference().staleAfter()), i.itemCount())).orElse(null);
        return new Status(identity.isPresent(), identity.map(i -> i.kioskId()).orElse(null), identity.map(i -> i.kioskName()).orElse(null),
                identity.map(i -> i.departmentName()).orElse(null), m == null ? null : m.phase().name(), m != null && m.downtime(),
                m == null ? null : m.since(), m == null ? 0 : m.elapsed().toSeconds(), backlog.unsent(), backlog.oldestUnsentAt(),
                journal.lastSeq(), snap, pools.levels(), sessions.peek(token).map(s -> s.displayName()).orElse(null),
                texts.language(), now, readiness.drill().orElse(null), instructions.last().latest(),
                identity.map(i -> i.departmentCode()).orElse(null), sessions.peek(token).map(s -> s.roles()).orElse(List.of()),
                config.timeZone(), instructions.last().pulledAt() == null ? null : instructions.last().reachable(),
                relay.reachable().orElse(null));
    }

    @GET
    @Path("/i18n/{language}")
    public Map<String, String> bundle(@PathParam("language") String language) {
        return texts.bundle(language);
    }

    static boolean stale(SnapshotInfo i, Instant now, KioskConfig config) {
        return i.staleAt(now, config.reference().staleAfter());
    }
}
