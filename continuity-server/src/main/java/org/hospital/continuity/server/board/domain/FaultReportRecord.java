package org.hospital.continuity.server.board.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What IT adds to the generated fault report and recovery record (EP-7.4, EP-8.1, EP-8.6): the root cause,
 * the preventive measures, the follow-ups, and when the technical review met. Submitted once complete; the
 * plan asks for it within 2 days after the fault.
 */
public record FaultReportRecord(UUID incidentId, String rootCause, String preventiveMeasures, String followUps,
                                Instant reviewedAt, String writtenBy, Instant updatedAt, Instant submittedAt) {

    /** EP-8.6: within 2 days after the fault. */
    public static final Duration DEADLINE = Duration.ofDays(2);

    public FaultReportRecord {
        Objects.requireNonNull(incidentId);
    }

    public static FaultReportRecord empty(UUID incidentId) {
        return new FaultReportRecord(incidentId, "", "", "", null, null, null, null);
    }

    public enum DeadlineState { NOT_STARTED, OPEN, DUE_SOON, OVERDUE, SUBMITTED, SUBMITTED_LATE }

    /** The EP-8.6 deadline: 2 days after the incident closed (null while it is open). */
    public static Instant deadline(Instant closedAt) {
        return closedAt == null ? null : closedAt.plus(DEADLINE);
    }

    /** Where the report stands against its deadline; "due soon" in the last 12 hours. */
    public DeadlineState state(Instant closedAt, Instant now) {
        Instant deadline = deadline(closedAt);
        if (deadline == null) {
            return DeadlineState.NOT_STARTED;
        }
        if (submittedAt != null) {
            return submittedAt.isAfter(deadline) ? DeadlineState.SUBMITTED_LATE : DeadlineState.SUBMITTED;
        }
        if (now.isAfter(deadline)) {
            return DeadlineState.OVERDUE;
        }
        return now.isAfter(deadline.minus(Duration.ofHours(12))) ? DeadlineState.DUE_SOON : DeadlineState.OPEN;
    }

    /** The outcome of saving or submitting. */
    public sealed interface Decision {
        record Accepted(FaultReportRecord record) implements Decision {
        }

        record Rejected(String rule, String reason) implements Decision {
        }
    }

    /** IT saves its part; allowed until submitted (then it is the record, HR-9). */
    public Decision save(String rootCause, String preventiveMeasures, String followUps, Instant reviewedAt, String by, Instant now) {
        if (submittedAt != null) {
            return new Decision.Rejected("HR-9", "The fault report was submitted on " + submittedAt + " and is not changed any more.");
        }
        return new Decision.Accepted(new FaultReportRecord(incidentId, nz(rootCause), nz(preventiveMeasures), nz(followUps),
                reviewedAt, by, now, null));
    }

    /** EP-8.6: submitted once the incident is closed and root cause and preventive measures are written. */
    public Decision submit(boolean incidentClosed, String by, Instant now) {
        if (submittedAt != null) {
            return new Decision.Rejected("HR-9", "The fault report was already submitted.");
        }
        if (!incidentClosed) {
            return new Decision.Rejected("EP-8.6", "The fault report is submitted after the incident is closed.");
        }
        if (rootCause.isBlank() || preventiveMeasures.isBlank()) {
            return new Decision.Rejected("EP-8.6", "Root cause and preventive measures are required before submitting.");
        }
        return new Decision.Accepted(new FaultReportRecord(incidentId, rootCause, preventiveMeasures, followUps, reviewedAt,
                by, now, now));
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
