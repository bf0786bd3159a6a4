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
 * later entry follows from it.
 */
@ApplicationScoped
public class SwitchingMode {

    public static final String STREAM = "mode";

    /** The mode as the banner shows it. */
    public record ModeState(Phase phase, boolean downtime, Instant since, Duration elapsed, UUID episode) {
    }

    private final Journal journal;
    private final InstantSource clock;

    public SwitchingMode(Journal journal, InstantSource clock) {
        this.journal = journal;
        this.clock = clock;
    }

    public JournalEntry enter(ModeChange.Source source, String instructionId, Instant announcedAt, String reason, StaffSession by) {
        return enter(source, instructionId, announcedAt, reason, by.hasRole(StaffSession.SUPERVISOR), by.accountId());
    }

    /**
     * EP-6.1: enters downtime because the server announced it (an instruction acknowledged by a
     * named person of the department); {@code actor} is that person's account when acknowledged at
     * this kiosk, else this kiosk ({@code kiosk:<id>}).
     */
    public JournalEntry enterAnnounced(String instructionId, Instant announcedAt, String text, String actor) {
        return enter(ModeChange.Source.ANNOUNCED, instructionId, announcedAt, text, false, actor);
    }

    /** EP-6.1 / EP-6.8: leaves downtime because the server announced the restart (acknowledged). */
    public JournalEntry leaveAnnounced(String instructionId, String text, String actor) {
        return leave(ModeChange.Source.ANNOUNCED, instructionId, text, false, actor);
    }

    private JournalEntry enter(ModeChange.Source source, String instructionId, Instant announcedAt, String reason, boolean supervisor,
                               String actor) {
        Phase current = journal.currentPhase();
        ModeChange.Decision d = ModeChange.enter(current, source, instructionId, reason, supervisor);
        refuseIfRejected(d);
        UUID episode = UUID.randomUUID();
        JournalEntry entry = journal.changePhase(Phase.DOWNTIME, c -> c.append(STREAM, episode, 1, "DowntimeEntered", 1,
                CanonicalJson.of(new ModeChange.Entered(source, blankToNull(instructionId), announcedAt, blankToNull(reason),
                        c.lastSeqOfFile())), actor));
        Log.infof("downtime entered (breakpoint) seq=%d source=%s", entry.kioskSeq(), source);
        return entry;
    }

    public JournalEntry leave(ModeChange.Source source, String instructionId, String reason, StaffSession by) {
        return leave(source, instructionId, reason, by.hasRole(StaffSession.SUPERVISOR), by.accountId());
    }

    private JournalEntry leave(ModeChange.Source source, String instructionId, String reason, boolean supervisor, String actor) {
        ModeState state = state();
        ModeChange.Decision d = ModeChange.leave(state.phase(), source, instructionId, reason, supervisor);
        refuseIfRejected(d);
        JournalEntry entry = journal.changePhase(Phase.AFTER_RECOVERY, c -> c.append(STREAM, state.episode(), 2, "DowntimeLeft", 1,
                CanonicalJson.of(new ModeChange.Left(source, blankToNull(instructionId), blankToNull(reason),
                        state.elapsed().toSeconds())), actor));
        Log.infof("downtime left seq=%d", entry.kioskSeq());
        return entry;
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

    private static void refuseIfRejected(ModeChange.Decision d) {
        if (d instanceof ModeChange.Rejected r) {
            if ("supervisor-required".equals(r.reason())) {
                throw new KioskRejection(403, "supervisor-required", r.rule(),
                        "error.supervisor-required", List.of());
            }
            if (r.field() != null) {
                throw KioskRejection.invalid("error.form", List.of(new Problem.Violation(r.field(),
                        "reason-required".equals(r.reason()) ? "error.mode.reason" : "error.mode.instruction")));
            }
            throw KioskRejection.conflict(r.reason(), r.rule(), "already-in-downtime".equals(r.reason())
                    ? "error.mode.already-downtime" : "error.mode.not-downtime");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
