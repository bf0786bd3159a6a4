package org.hospital.continuity.kiosk.mode;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.KioskIdentity;
import org.hospital.continuity.kiosk.enrolment.KioskServer;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.journal.Phase;
import org.hospital.continuity.kiosk.mode.integration.InstructionWire;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.persistence.KioskSettings;
import org.hospital.continuity.kiosk.session.StaffSession;

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

    private final KioskServer server;
    private final EnrolledKiosk enrolled;
    private final SwitchingMode mode;
    private final Journal journal;
    private final KioskSettings settings;
    private final InstantSource clock;
    private volatile Pulled last = new Pulled(null, null, false);

    public FollowingInstructions(KioskServer server, EnrolledKiosk enrolled, SwitchingMode mode, Journal journal, KioskSettings settings,
                                 InstantSource clock) {
        this.server = server;
        this.enrolled = enrolled;
        this.mode = mode;
        this.journal = journal;
        this.settings = settings;
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
        InstructionWire.Instructions got;
        try {
            got = server.get("/api/kiosk/instructions?limit=20", InstructionWire.Instructions.class);
        } catch (KioskRejection unreachable) {
            last = new Pulled(last.latest(), clock.instant(), false);
            return last;
        }
        Optional<InstructionWire.Instruction> newest = got.instructions().stream().filter(i -> i.modeAfter() != null).findFirst();
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
        InstructionWire.Instruction acknowledged = server.post("/api/kiosk/instructions/" + instructionId + "/acknowledgements",
                new InstructionWire.Acknowledgement(by.accountId()), InstructionWire.Instruction.class);
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
    private void follow(InstructionWire.Instruction i, String actor) {
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

    private Announced view(InstructionWire.Instruction i) {
        return new Announced(i.id(), i.kind(), i.modeAfter(), i.clause(), i.zh(), i.en(), i.issuedAt(), i.issuedBy(), i.acknowledged(),
                i.acknowledgedBy(), i.acknowledgedAt(), i.id().toString().equals(followed()));
    }

    private String followed() {
        return settings.get(FOLLOWED_KEY).orElse(null);
    }

    private void remember(UUID id) {
        settings.put(FOLLOWED_KEY, id.toString(), clock.instant());
    }
}
