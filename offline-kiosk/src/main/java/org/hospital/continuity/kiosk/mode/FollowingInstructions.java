package org.hospital.continuity.kiosk.mode;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.KioskIdentity;
import org.hospital.continuity.kiosk.enrolment.KioskServer;
import org.hospital.continuity.kiosk.journal.CanonicalJson;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.journal.Phase;
import org.hospital.continuity.kiosk.mode.integration.InstructionWire;
import org.hospital.continuity.kiosk.mode.persistence.InstructionTable;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.persistence.KioskSettings;
import org.hospital.continuity.kiosk.session.StaffSession;

/**
 * EP-6.1: while the server answers, the kiosk pulls the announced instructions of its department and keeps them
 * ({@link InstructionTable}): F8 lists them with their short numbers, and only an instruction this kiosk received
 * can be acknowledged here. The person signed in acknowledges with their own sign-in: the acknowledgement goes to
 * the server at once when it answers, else it is journaled here and delivered later (with the time it was given).
 * A mode instruction switches this kiosk's mode once acknowledged — here, or by a named person of the department
 * elsewhere (the next pull follows it). Each instruction is followed at most once (remembered in
 * {@code kiosk_setting}), so a supervisor's later decision is never overridden by an old announcement.
 */
@ApplicationScoped
public class FollowingInstructions {

    static final String FOLLOWED_KEY = "instructions.followed";
    static final String MANUAL = "MANUAL";
    static final String RECOVERING = "RECOVERING";
    /** Stream of the acknowledgements given at this kiosk (one stream per acknowledgement). */
    public static final String ACK_STREAM = "instruction";

    /** An instruction as F8 and the banner show it, with its acknowledgement (server's or this kiosk's) and whether it was followed. */
    public record Announced(UUID id, Long number, String kind, String modeAfter, String clause, String zh, String en, Instant issuedAt,
                            String issuedBy, boolean acknowledged, String acknowledgedBy, Instant acknowledgedAt, boolean followed,
                            boolean acknowledgedHere, boolean deliveryPending, String deliveryError) {
    }

    /** The last pull: when, whether the server answered, and the newest mode instruction (null: none announced). */
    public record Pulled(Announced latest, Instant pulledAt, boolean reachable) {
    }

    /** Payload of {@code InstructionAcknowledged}: who acknowledged which instruction at this kiosk, and when. */
    public record Acknowledged(String instructionId, Long number, String kind, String modeAfter, String accountId, String personName,
                               Instant acknowledgedAt, boolean deliveredAtOnce) {
    }

    private final KioskServer server;
    private final EnrolledKiosk enrolled;
    private final SwitchingMode mode;
    private final Journal journal;
    private final KioskSettings settings;
    private final InstructionTable table;
    private final InstantSource clock;
    private volatile Pulled last = new Pulled(null, null, false);

    private final org.hospital.continuity.kiosk.journal.TrainingMode training;

    public FollowingInstructions(KioskServer server, EnrolledKiosk enrolled, SwitchingMode mode, Journal journal, KioskSettings settings,
                                 InstructionTable table, InstantSource clock, org.hospital.continuity.kiosk.journal.TrainingMode training) {
        this.training = training;
        this.server = server;
        this.enrolled = enrolled;
        this.mode = mode;
        this.journal = journal;
        this.settings = settings;
        this.table = table;
        this.clock = clock;
    }

    @Scheduled(every = "{continuity.instructions.interval}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = org.hospital.continuity.kiosk.platform.crypto.SkipWhileLocked.class)
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

    /** The instructions this kiosk received, newest first, with the acknowledgements given here. */
    public List<Announced> received(int limit) {
        Map<UUID, InstructionTable.Ack> acks = table.acks().stream()
                .collect(Collectors.toMap(InstructionTable.Ack::instructionId, Function.identity(), (a, b) -> a));
        String followed = followed();
        return table.newest(limit).stream().map(r -> view(r, acks.get(r.id()), followed)).toList();
    }

    /**
     * Pulls the department's instructions now, keeps them, delivers acknowledgements given here while the server
     * was unreachable, and follows the newest mode instruction when someone acknowledged it.
     */
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
        Instant now = clock.instant();
        table.remember(got.instructions().stream().map(i -> received(i, now)).toList());
        deliverPending();
        Optional<InstructionWire.Instruction> newest = got.instructions().stream().filter(i -> i.modeAfter() != null).findFirst();
        if (newest.isEmpty()) {
            last = new Pulled(null, now, true);
            return last;
        }
        if (newest.get().acknowledged()) {
            follow(table.byId(newest.get().id()).orElseThrow(), "kiosk:" + k.kioskId(), null);
        }
        last = new Pulled(current(newest.get().id()), now, true);
        return last;
    }

    /**
     * EP-6.1: the staff member signed in here acknowledges an instruction this kiosk received, by its id or short
     * number. With the server answering the acknowledgement reaches it at once (a refusal stores nothing); with the
     * server unreachable it is journaled and delivered later. A mode instruction switches this kiosk's mode now.
     *
     * @param expectedMode MANUAL or RECOVERING when the person asked to enter or leave downtime; null for any
     */
    public synchronized Announced acknowledge(String reference, StaffSession by, String expectedMode) {
        InstructionTable.Received r = find(reference);
        if (expectedMode != null && !expectedMode.equals(r.modeAfter())) {
            throw KioskRejection.conflict("instruction-other-step", "EP-6.1",
                    MANUAL.equals(expectedMode) ? "error.instruction.not-manual" : "error.instruction.not-restart");
        }
        if (table.acks().stream().anyMatch(a -> a.instructionId().equals(r.id()) && a.accountId().equals(by.accountId()))) {
            throw KioskRejection.conflict("already-acknowledged", "EP-6.1", "error.instruction.already-acknowledged");
        }
        Instant at = clock.instant();
        String deliveryError = null;
        boolean delivered;
        try {
            server.post("/api/kiosk/instructions/" + r.id() + "/acknowledgements",
                    new InstructionWire.Acknowledgement(by.accountId(), at), InstructionWire.Instruction.class);
            delivered = true;
        } catch (KioskRejection e) {
            if (e.status() >= 500) {
                delivered = false; // EP-6.1: kept here and delivered when the server answers again
                deliveryError = "error.server-unreachable";
            } else if ("server:already-acknowledged".equals(e.slug())) {
                delivered = true;
            } else {
                throw e; // the server refused (another department, not a hospital account …): nothing stored
            }
        }
        boolean atOnce = delivered;
        UUID ackId = UUID.randomUUID();
        InstructionTable.Ack ack = new InstructionTable.Ack(ackId, r.id(), by.accountId(), by.displayName(), at,
                atOnce ? at : null, 1, deliveryError);
        journal.capture(c -> {
            c.append(ACK_STREAM, ackId, 1, "InstructionAcknowledged", 1, CanonicalJson.of(new Acknowledged(r.id().toString(),
                    r.number(), r.kind(), r.modeAfter(), by.accountId(), by.displayName(), at, atOnce)), by.accountId());
            table.insertAck(c.transaction(), ack);
            return null;
        });
        Log.infof("instruction acknowledged at this kiosk instruction=%s account=%s delivered=%s", r.id(), by.accountId(), atOnce);
        follow(table.byId(r.id()).orElseThrow(), by.accountId(), by.displayName());
        Announced view = current(r.id());
        if (r.modeAfter() != null && (last.latest() == null || !last.latest().issuedAt().isAfter(r.issuedAt()))) {
            last = new Pulled(view, last.pulledAt() == null ? clock.instant() : last.pulledAt(), last.reachable());
        }
        return view;
    }

    /** The instruction this kiosk received under an id or a short number; a clear refusal for one it never received. */
    public InstructionTable.Received find(String reference) {
        String ref = reference == null ? "" : reference.trim().replaceFirst("^(第|No\\.?\\s*|#)", "").replaceFirst("号$", "");
        Optional<InstructionTable.Received> found = Optional.empty();
        if (ref.matches("\\d{1,9}")) {
            found = table.byNumber(Long.parseLong(ref));
        } else {
            try {
                found = table.byId(UUID.fromString(ref.toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException notAnId) {
                found = Optional.empty();
            }
        }
        return found.orElseThrow(() -> new KioskRejection(404, "instruction-not-received", "EP-6.1", "error.instruction.unknown",
                List.of(new org.hospital.continuity.sync.wire.Problem.Violation("instructionId", "error.instruction.unknown"))));
    }

    /** Sends the acknowledgements given here while the server was unreachable (oldest first), with the time each was given. */
    void deliverPending() {
        for (InstructionTable.Ack a : table.undelivered()) {
            try {
                server.post("/api/kiosk/instructions/" + a.instructionId() + "/acknowledgements",
                        new InstructionWire.Acknowledgement(a.accountId(), a.acknowledgedAt()), InstructionWire.Instruction.class);
                table.delivered(a.id(), clock.instant(), null);
                Log.infof("acknowledgement delivered later instruction=%s account=%s", a.instructionId(), a.accountId());
            } catch (KioskRejection e) {
                if (e.status() >= 500) {
                    table.attempted(a.id(), "error.server-unreachable");
                    return;
                }
                // already there, or refused for good: the server's words are kept for F8, and it is not sent again
                table.delivered(a.id(), clock.instant(), "server:already-acknowledged".equals(e.slug()) ? null : e.getMessage());
            }
        }
    }

    /** Switches the mode by an acknowledged instruction not followed before; a change already made (e.g. by a supervisor) is kept. */
    private void follow(InstructionTable.Received i, String actor, String actorName) {
        if (i.modeAfter() == null || i.id().toString().equals(followed())) {
            return;
        }
        // superseded by a newer mode announcement: acknowledged, but the mode follows only the newest (as on the server)
        Optional<InstructionTable.Received> newest = table.newest(50).stream().filter(x -> x.modeAfter() != null).findFirst();
        if (newest.isPresent() && !newest.get().id().equals(i.id())) {
            return;
        }
        // HR-21: a drill's instruction moves only the drill's mode, never the real one once the kiosk is out of the drill (the
        // kiosk leaves a drill only on the server's word in its readiness answer: a real fault stops the drill there)
        boolean drillInstruction = i.zh() != null && i.zh().startsWith(org.hospital.continuity.kiosk.journal.TrainingMode.DRILL_INSTRUCTION_MARK);
        boolean inDrill = training.current().isPresent();
        if (drillInstruction && !inDrill) {
            Log.infof("instruction %s is a drill's: the real mode is not changed outside the drill", i.id());
            settings.put(FOLLOWED_KEY, i.id().toString(), clock.instant());
            return;
        }
        Phase phase = journal.currentPhase();
        SwitchingMode.Announcement a = new SwitchingMode.Announcement(i.id().toString(), i.number(), i.issuedAt(), i.zh());
        try {
            if (MANUAL.equals(i.modeAfter()) && phase != Phase.DOWNTIME) {
                mode.enterAnnounced(a, actor, actorName);
            } else if (RECOVERING.equals(i.modeAfter()) && phase == Phase.DOWNTIME) {
                mode.leaveAnnounced(a, actor, actorName);
            }
        } catch (KioskRejection alreadyThere) {
            // changed meanwhile by a supervisor at this kiosk: the same mode, one breakpoint only
            Log.infof("instruction %s: mode already changed (%s)", i.id(), alreadyThere.slug());
        }
        settings.put(FOLLOWED_KEY, i.id().toString(), clock.instant());
    }

    private Announced current(UUID id) {
        Optional<InstructionTable.Ack> ack = table.acks().stream().filter(a -> a.instructionId().equals(id)).findFirst();
        return view(table.byId(id).orElseThrow(), ack.orElse(null), followed());
    }

    private static Announced view(InstructionTable.Received r, InstructionTable.Ack ack, String followed) {
        boolean acknowledged = r.acknowledgedBy() != null || ack != null;
        return new Announced(r.id(), r.number(), r.kind(), r.modeAfter(), r.clause(), r.zh(), r.en(), r.issuedAt(), r.issuedBy(),
                acknowledged, r.acknowledgedBy() != null ? r.acknowledgedBy() : ack == null ? null : ack.personName(),
                r.acknowledgedAt() != null ? r.acknowledgedAt() : ack == null ? null : ack.acknowledgedAt(),
                r.id().toString().equals(followed), ack != null, ack != null && ack.deliveredAt() == null,
                ack == null ? null : ack.lastError());
    }

    private static InstructionTable.Received received(InstructionWire.Instruction i, Instant now) {
        return new InstructionTable.Received(i.id(), i.number(), i.party(), i.kind(), i.modeAfter(), i.clause(),
                i.zh() == null ? "" : i.zh(), i.en() == null ? "" : i.en(), i.issuedAt(), i.issuedBy(),
                i.acknowledged() ? i.acknowledgedBy() : null, i.acknowledged() ? i.acknowledgedAt() : null, now);
    }

    private String followed() {
        return settings.get(FOLLOWED_KEY).orElse(null);
    }
}
