package org.hospital.continuity.kiosk.mode;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.journal.CanonicalJson;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.journal.Phase;
import org.hospital.continuity.kiosk.mode.domain.ModeChange;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.session.StaffSession;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.wire.Problem;

/**
 * EP-6.1 / EP-8.3: entering downtime records the breakpoint as a journal entry of stream type
 * {@code mode} (one stream per outage: version 1 entered, version 2 left); the phase of every
 * later entry follows from it. A change follows an announced instruction this kiosk received
 * ({@link FollowingInstructions}) or a phoned one confirmed by a second person with a supervisor role.
 */
@ApplicationScoped
public class SwitchingMode {

    public static final String STREAM = "mode";

    /** The mode as the banner shows it. */
    public record ModeState(Phase phase, boolean downtime, Instant since, Duration elapsed, UUID episode) {
    }

    /** An announced instruction being followed: its id, short number, when it was announced, its text. */
    public record Announcement(String instructionId, Long number, Instant announcedAt, String text) {
    }

    /** A phoned instruction as stated at the kiosk, and the second person who confirmed it with their password. */
    public record Phoned(String statedInstruction, Long statedNumber, StaffSession confirmer) {
    }

    private final Journal journal;
    private final InstantSource clock;

    public SwitchingMode(Journal journal, InstantSource clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * EP-6.1: enters downtime because the server announced it and a named person acknowledged it; {@code actor}
     * is that person's account when acknowledged at this kiosk, else this kiosk ({@code kiosk:<id>}).
     */
    public JournalEntry enterAnnounced(Announcement a, String actor, String actorName) {
        refuseIfRejected(ModeChange.enter(journal.currentPhase(), ModeChange.Source.ANNOUNCED, a.instructionId(), a.text(), actor, null));
        return enter(new ModeChange.Entered(ModeChange.Source.ANNOUNCED, a.instructionId(), a.announcedAt(), clip(a.text()), 0,
                a.number(), actorName, null, null, null), actor);
    }

    /** EP-6.1 / EP-6.8: leaves downtime because the server announced the restart and a named person acknowledged it. */
    public JournalEntry leaveAnnounced(Announcement a, String actor, String actorName) {
        ModeState state = state();
        refuseIfRejected(ModeChange.leave(state.phase(), ModeChange.Source.ANNOUNCED, a.instructionId(), a.text(), actor, null));
        return leave(state, new ModeChange.Left(ModeChange.Source.ANNOUNCED, a.instructionId(), clip(a.text()),
                state.elapsed().toSeconds(), a.number(), actorName, null, null, null), actor);
    }

    /**
     * EP-6.1: the server is unreachable and IT phoned: the person signed in states the instruction, a second
     * person with a supervisor role confirms it here with their password; both names are journaled and IT reviews it.
     */
    public JournalEntry enterPhoned(Phoned p, StaffSession by) {
        refuseIfRejected(ModeChange.enter(journal.currentPhase(), ModeChange.Source.SUPERVISOR, null, p.statedInstruction(),
                by.accountId(), confirmation(p)));
        return enter(new ModeChange.Entered(ModeChange.Source.SUPERVISOR, null, null, p.statedInstruction().trim(), 0, p.statedNumber(),
                by.displayName(), p.confirmer().accountId(), p.confirmer().displayName(), Boolean.TRUE), by.accountId());
    }

    /** Leaving downtime by a phoned restart notice: the same two-person rule. */
    public JournalEntry leavePhoned(Phoned p, StaffSession by) {
        ModeState state = state();
        refuseIfRejected(ModeChange.leave(state.phase(), ModeChange.Source.SUPERVISOR, null, p.statedInstruction(), by.accountId(),
                confirmation(p)));
        return leave(state, new ModeChange.Left(ModeChange.Source.SUPERVISOR, null, p.statedInstruction().trim(),
                state.elapsed().toSeconds(), p.statedNumber(), by.displayName(), p.confirmer().accountId(), p.confirmer().displayName(),
                Boolean.TRUE), by.accountId());
    }

    /**
     * The schema versions of the breakpoint records in the sync contract: {@link ModeChange.Entered} and {@link ModeChange.Left}
     * write the fields of the contract's {@code DowntimeEntered}/{@code DowntimeLeft} at their current version (checked by
     * the kiosk's contract tests on every entry journalled).
     */
    static final int ENTERED_VERSION = org.hospital.continuity.sync.contract.Contract.CURRENT.kind("DowntimeEntered").orElseThrow().currentVersion();
    static final int LEFT_VERSION = org.hospital.continuity.sync.contract.Contract.CURRENT.kind("DowntimeLeft").orElseThrow().currentVersion();

    private JournalEntry enter(ModeChange.Entered payload, String actor) {
        UUID episode = UUID.randomUUID();
        JournalEntry entry = journal.changePhase(Phase.DOWNTIME, c -> c.append(STREAM, episode, 1, "DowntimeEntered", ENTERED_VERSION,
                CanonicalJson.of(new ModeChange.Entered(payload.source(), payload.instructionId(), payload.announcedAt(), payload.reason(),
                        c.lastSeqOfFile(), payload.instructionNumber(), payload.requestedByName(), payload.confirmedBy(),
                        payload.confirmedByName(), payload.itReview())), actor));
        Log.infof("downtime entered (breakpoint) seq=%d source=%s", entry.kioskSeq(), payload.source());
        return entry;
    }

    private JournalEntry leave(ModeState state, ModeChange.Left payload, String actor) {
        JournalEntry entry = journal.changePhase(Phase.AFTER_RECOVERY, c -> c.append(STREAM, state.episode(), 2, "DowntimeLeft", LEFT_VERSION,
                CanonicalJson.of(payload), actor));
        Log.infof("downtime left seq=%d source=%s", entry.kioskSeq(), payload.source());
        return entry;
    }

    /** The entry of the last mode change (the breakpoint, or the entry that left downtime), if any. */
    public java.util.Optional<JournalEntry> lastChange() {
        Journal.PhaseState p = journal.phaseState();
        return p.changedBySeq() == null ? java.util.Optional.empty() : journal.bySeq(p.changedBySeq()).map(r -> r.entry());
    }

    public ModeState state() {
        Journal.PhaseState p = journal.phaseState();
        if (p.phase() != Phase.DOWNTIME || p.changedBySeq() == null) {
            return new ModeState(p.phase(), false, null, Duration.ZERO, null);
        }
        // the breakpoint entry, found by the (kiosk_id, kiosk_seq) index
        return journal.bySeq(p.changedBySeq()).map(r -> new ModeState(p.phase(), true, r.entry().recordedAt(),
                        Duration.between(r.entry().recordedAt(), clock.instant()), r.entry().streamId()))
                .orElse(new ModeState(p.phase(), true, p.since(), Duration.between(p.since(), clock.instant()), null));
    }

    /** EP-6.1: captures happen only in downtime mode (before it, the HIS is used; after it, back-entry). */
    public void requireDowntime() {
        if (journal.currentPhase() != Phase.DOWNTIME) {
            throw KioskRejection.conflict("not-in-downtime", "EP-6.1",
                    "error.not-in-downtime");
        }
    }

    private static ModeChange.Confirmation confirmation(Phoned p) {
        return p.confirmer() == null ? null
                : new ModeChange.Confirmation(p.confirmer().accountId(), p.confirmer().hasRole(StaffSession.SUPERVISOR));
    }

    private static void refuseIfRejected(ModeChange.Decision d) {
        if (d instanceof ModeChange.Rejected r) {
            String permission = switch (r.reason()) {
                case "confirmation-required" -> "error.mode.confirmer";
                case "second-person-required" -> "error.mode.second-person";
                case "supervisor-required" -> "error.supervisor-required";
                default -> null;
            };
            if (permission != null) {
                // EP-6.1: nobody switches on their own: a second person with a supervisor role confirms
                throw new KioskRejection(403, r.reason(), r.rule(), permission, List.of(new Problem.Violation("confirmerAccountId", permission)));
            }
            if (r.field() != null) {
                throw KioskRejection.invalid("error.form", List.of(new Problem.Violation(r.field(),
                        "reason-required".equals(r.reason()) ? "error.mode.reason" : "error.mode.instruction")));
            }
            throw KioskRejection.conflict(r.reason(), r.rule(), "already-in-downtime".equals(r.reason())
                    ? "error.mode.already-downtime" : "error.mode.not-downtime");
        }
    }

    private static String clip(String s) {
        return s == null ? null : s.substring(0, Math.min(s.length(), 500));
    }
}
