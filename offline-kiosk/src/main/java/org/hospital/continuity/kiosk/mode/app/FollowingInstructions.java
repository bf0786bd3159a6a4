package org.hospital.continuity.kiosk.mode.app;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.enrolment.app.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.domain.KioskIdentity;
import org.hospital.continuity.kiosk.enrolment.integration.ServerClient;
import org.hospital.continuity.kiosk.enrolment.integration.ServerWire;
import org.hospital.continuity.kiosk.journal.app.Journal;
import org.hospital.continuity.kiosk.journal.domain.Phase;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.session.domain.StaffSession;

/**
 * EP-6.1: while the server answers, the kiosk pulls the announced instructions of its department
 * and follows the newest one that changes the department's mode: manual operation → downtime
 * (recording the breakpoint, EP-8.3), restart notice → leaving downtime. As on the server, the
 * mode changes once a named person of the department has acknowledged the instruction — elsewhere,
 * or here at the kiosk by the signed-in staff member ({@link #acknowledge}); until then the banner
 * shows the announcement waiting for acknowledgement. Each instruction is followed at most once
 * (remembered in {@code kiosk_setting}), so a supervisor's later decision is never overridden by
 * an old announcement. With the server unreachable the kiosk keeps the last announcement it saw
 * and a supervisor switches by phone instead.
 */
@ApplicationScoped
public class FollowingInstructions {

    static final String FOLLOWED_KEY = "instructions.followed";
    static final String MANUAL = "MANUAL";
    static final String RECOVERING = "RECOVERING";

    /** The newest mode instruction as the banner shows it, and whether this kiosk has followed it. */
    public record Announced(UUID id, String kind, String modeAfter, String clause, String zh, String en, Instant issuedAt,
                            String issuedBy, boolean acknowledged, String acknowledgedBy, Instant acknowledgedAt, boolean followed) {
    }

    /** The last pull: when, whether the server answered, and the newest mode instruction (null: none announced). */
    public record Pulled(Announced latest, Instant pulledAt, boolean reachable) {
    }

    private final ServerClient server;
    private final EnrolledKiosk enrolled;
    private final SwitchingMode mode;
    private final Journal journal;
    private final KioskDatabase database;
    private final InstantSource clock;
    private volatile Pulled last = new Pulled(null, null, false);

    public FollowingInstructions(ServerClient server, EnrolledKiosk enrolled, SwitchingMode mode, Journal journal, KioskDatabase database,
                                 InstantSource clock) {
        this.server = server;
        this.enrolled = enrolled;
        this.mode = mode;
        this.journal = journal;
        this.database = database;
        this.clock = clock;
    }

    @Scheduled(every = "{continuity.instructions.interval}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            pull();
        } catch (RuntimeException e) {
            Log.debugf("instruction pull failed: %s", e.getMessage());
        }
    }

    /** The last pull (nothing is fetched). */
    public Pulled last() {
        return last;
    }

    /** Pulls the department's instructions now and follows the newest mode instruction when it is acknowledged. */
    public synchronized Pulled pull() {
        Optional<KioskIdentity> identity = enrolled.identity();
        if (identity.isEmpty()) {
            return last;
        }
        KioskIdentity k = identity.get();
        ServerWire.Instructions got;
        try {
            got = server.instructions(k.serverUrl(), k.kioskId(), enrolled.credential());
        } catch (KioskRejection unreachable) {
            last = new Pulled(last.latest(), clock.instant(), false);
            return last;
        }
        Optional<ServerWire.Instruction> newest = got.instructions().stream().filter(i -> i.modeAfter() != null).findFirst();
        if (newest.isEmpty()) {
            last = new Pulled(null, clock.instant(), true);
            return last;
        }
        follow(newest.get(), "kiosk:" + k.kioskId());
        last = new Pulled(view(newest.get()), clock.instant(), true);
        return last;
    }

    /**
     * EP-6.1: the staff member signed in here acknowledges an announced instruction to the server
     * (a named acknowledgement), and the kiosk follows it at once.
     */
    public synchronized Announced acknowledge(UUID instructionId, StaffSession by) {
        KioskIdentity k = enrolled.identity().orElseThrow(() -> KioskRejection.conflict("not-enrolled", null, "error.not-enrolled"));
        ServerWire.Instruction acknowledged = server.acknowledge(k.serverUrl(), k.kioskId(), enrolled.credential(), instructionId, by.accountId());
        Log.infof("instruction acknowledged at this kiosk instruction=%s account=%s", instructionId, by.accountId());
        if (acknowledged.modeAfter() != null) {
            follow(acknowledged, by.accountId());
        }
        Announced view = view(acknowledged);
        if (acknowledged.modeAfter() != null && (last.latest() == null || last.latest().id().equals(acknowledged.id())
                || !last.latest().issuedAt().isAfter(acknowledged.issuedAt()))) {
            last = new Pulled(view, clock.instant(), true);
        }
        return view;
    }

    /** Switches the mode by an acknowledged instruction not followed before; a change already made (e.g. by a supervisor) is kept. */
    private void follow(ServerWire.Instruction i, String actor) {
        if (!i.acknowledged() || i.id().toString().equals(followed())) {
            return;
        }
        Phase phase = journal.currentPhase();
        String text = i.zh() == null ? null : i.zh().substring(0, Math.min(i.zh().length(), 500));
        try {
            if (MANUAL.equals(i.modeAfter()) && phase != Phase.DOWNTIME) {
                mode.enterAnnounced(i.id().toString(), i.issuedAt(), text, actor);
            } else if (RECOVERING.equals(i.modeAfter()) && phase == Phase.DOWNTIME) {
                mode.leaveAnnounced(i.id().toString(), text, actor);
            }
        } catch (KioskRejection alreadyThere) {
            // changed meanwhile by a supervisor at this kiosk: the same mode, one breakpoint only
            Log.infof("instruction %s: mode already changed (%s)", i.id(), alreadyThere.slug());
        }
        remember(i.id());
    }

    private Announced view(ServerWire.Instruction i) {
        return new Announced(i.id(), i.kind(), i.modeAfter(), i.clause(), i.zh(), i.en(), i.issuedAt(), i.issuedBy(), i.acknowledged(),
                i.acknowledgedBy(), i.acknowledgedAt(), i.id().toString().equals(followed()));
    }

    private String followed() {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select value from kiosk_setting where key = ?")) {
                    ps.setString(1, FOLLOWED_KEY);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
        } catch (SQLException e) {
            throw new Journal.JournalUnavailableException(e);
        }
    }

    private void remember(UUID id) {
        try {
            database.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into kiosk_setting(key, value, changed_at) values (?, ?, ?) "
                        + "on conflict(key) do update set value = excluded.value, changed_at = excluded.changed_at")) {
                    ps.setString(1, FOLLOWED_KEY);
                    ps.setString(2, id.toString());
                    ps.setString(3, clock.instant().toString());
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new Journal.JournalUnavailableException(e);
        }
    }
}
