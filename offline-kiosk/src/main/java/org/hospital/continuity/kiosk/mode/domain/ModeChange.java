package org.hospital.continuity.kiosk.mode.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hospital.continuity.kiosk.journal.Phase;

/**
 * Entering and leaving downtime mode (EP-6.1, EP-8.3). Entering records the breakpoint: either the
 * server's announced instruction, or — when the server is unreachable and the announcement came by
 * phone — a supervisor's decision with a reason. Decisions are returned, not thrown.
 */
public final class ModeChange {

    private ModeChange() {
    }

    public enum Source { ANNOUNCED, SUPERVISOR }

    /** Payload of the breakpoint entry ({@code DowntimeEntered}). */
    public record Entered(Source source, String instructionId, Instant announcedAt, String reason, long lastSeqBefore) {
    }

    /** Payload of {@code DowntimeLeft}. */
    public record Left(Source source, String instructionId, String reason, long downtimeSeconds) {
    }

    public sealed interface Decision {
    }

    public record Accepted(Phase next) implements Decision {
    }

    public record Rejected(String rule, String field, String reason) implements Decision {
    }

    /** EP-6.1: downtime starts only by an announced instruction, or by a supervisor with a reason. */
    public static Decision enter(Phase current, Source source, String instructionId, String reason, boolean supervisor) {
        if (current == Phase.DOWNTIME) {
            return new Rejected("EP-8.3", null, "already-in-downtime");
        }
        return check(source, instructionId, reason, supervisor, Phase.DOWNTIME);
    }

    /** Leaving downtime likewise needs the announced notice (EP-6.4.5) or a supervisor with a reason. */
    public static Decision leave(Phase current, Source source, String instructionId, String reason, boolean supervisor) {
        if (current != Phase.DOWNTIME) {
            return new Rejected("EP-6.8", null, "not-in-downtime");
        }
        return check(source, instructionId, reason, supervisor, Phase.AFTER_RECOVERY);
    }

    private static Decision check(Source source, String instructionId, String reason, boolean supervisor, Phase next) {
        List<Rejected> problems = new ArrayList<>();
        if (source == Source.ANNOUNCED && (instructionId == null || instructionId.isBlank())) {
            problems.add(new Rejected("EP-6.1", "instructionId", "instruction-required"));
        }
        if (source == Source.SUPERVISOR) {
            if (!supervisor) {
                problems.add(new Rejected("EP-6.1", null, "supervisor-required"));
            }
            if (reason == null || reason.trim().length() < 4) {
                problems.add(new Rejected("EP-6.1", "reason", "reason-required"));
            }
        }
        return problems.isEmpty() ? new Accepted(next) : problems.get(0);
    }
}
