package org.hospital.continuity.kiosk.mode.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hospital.continuity.kiosk.journal.Phase;

/**
 * Entering and leaving downtime mode (EP-6.1, EP-8.3). Entering records the breakpoint; both directions follow
 * the same rule: either an announced instruction this kiosk received from the server, acknowledged by the person
 * signed in, or — when the instruction came by phone — a second person with a supervisor role (head nurse,
 * cashier lead) confirming on the same kiosk with their password, with the instruction as stated. Both names and
 * the stated instruction are journaled and the change is flagged for IT's review. Decisions are returned, not thrown.
 */
public final class ModeChange {

    private ModeChange() {
    }

    /** ANNOUNCED: an instruction received from the server; SUPERVISOR: a phoned instruction confirmed by a second person. */
    public enum Source { ANNOUNCED, SUPERVISOR }

    /**
     * Payload of the breakpoint entry ({@code DowntimeEntered}). The fields after {@code lastSeqBefore} are
     * optional (null in entries written before them): the instruction's short number, the signed-in person's
     * name, the confirming supervisor, and whether IT must review the change (a phoned instruction).
     */
    public record Entered(Source source, String instructionId, Instant announcedAt, String reason, long lastSeqBefore,
                          Long instructionNumber, String requestedByName, String confirmedBy, String confirmedByName, Boolean itReview) {
    }

    /** Payload of {@code DowntimeLeft}; optional fields as in {@link Entered}. */
    public record Left(Source source, String instructionId, String reason, long downtimeSeconds, Long instructionNumber,
                       String requestedByName, String confirmedBy, String confirmedByName, Boolean itReview) {
    }

    /** The person who confirmed a phoned instruction with their password: their account and whether they hold a supervisor role. */
    public record Confirmation(String accountId, boolean supervisor) {
    }

    public sealed interface Decision {
    }

    public record Accepted(Phase next) implements Decision {
    }

    public record Rejected(String rule, String field, String reason) implements Decision {
    }

    /** EP-6.1: downtime starts only by an announced instruction, or by a phoned one confirmed by a second person. */
    public static Decision enter(Phase current, Source source, String instructionId, String reason, String requestedBy,
                                 Confirmation confirmation) {
        if (current == Phase.DOWNTIME) {
            return new Rejected("EP-8.3", null, "already-in-downtime");
        }
        return check(source, instructionId, reason, requestedBy, confirmation, Phase.DOWNTIME);
    }

    /** Leaving downtime follows the same rule (the restart notice, EP-6.4.5, EP-6.8). */
    public static Decision leave(Phase current, Source source, String instructionId, String reason, String requestedBy,
                                 Confirmation confirmation) {
        if (current != Phase.DOWNTIME) {
            return new Rejected("EP-6.8", null, "not-in-downtime");
        }
        return check(source, instructionId, reason, requestedBy, confirmation, Phase.AFTER_RECOVERY);
    }

    private static Decision check(Source source, String instructionId, String reason, String requestedBy, Confirmation confirmation,
                                  Phase next) {
        List<Rejected> problems = new ArrayList<>();
        if (source == Source.ANNOUNCED && (instructionId == null || instructionId.isBlank())) {
            problems.add(new Rejected("EP-6.1", "instructionId", "instruction-required"));
        }
        if (source == Source.SUPERVISOR) {
            if (reason == null || reason.trim().length() < 4) {
                problems.add(new Rejected("EP-6.1", "reason", "reason-required"));
            }
            // who may: a second person, with a supervisor role (not a field to correct, a permission: refused as such)
            if (confirmation == null) {
                problems.add(0, new Rejected("EP-6.1", null, "confirmation-required"));
            } else if (confirmation.accountId().equals(requestedBy)) {
                problems.add(0, new Rejected("EP-6.1", null, "second-person-required"));
            } else if (!confirmation.supervisor()) {
                problems.add(0, new Rejected("EP-6.1", null, "supervisor-required"));
            }
        }
        return problems.isEmpty() ? new Accepted(next) : problems.get(0);
    }
}
