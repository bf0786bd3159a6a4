package org.hospital.continuity.server.board.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hospital.continuity.server.notification.PatientDataGuard;

/**
 * A periodic status report of the incident lead to the leadership group: Conditions (where we stand),
 * Actions (what is being done), Needs (what we need from the group) — EP-2.3 the group coordinates, EP-3.3
 * IT reports to it. Never edited: a newer report supersedes it.
 */
public record StatusReport(UUID id, UUID incidentId, String conditions, String actions, String needs, String author, Instant writtenAt) {

    public static final int MAX_LENGTH = 2000;

    public StatusReport {
        Objects.requireNonNull(id);
        Objects.requireNonNull(incidentId);
        Objects.requireNonNull(writtenAt);
    }

    /** The outcome of writing one: accepted, or refused with the rule and a human reason. */
    public sealed interface Decision {
        record Accepted(StatusReport report) implements Decision {
        }

        record Rejected(String rule, String reason) implements Decision {
        }
    }

    /** Checks and writes a report. Conditions and actions are required; needs may be "none". */
    public static Decision write(UUID id, UUID incidentId, String conditions, String actions, String needs, String author,
                                 boolean incidentOpen, Instant now) {
        if (!incidentOpen) {
            return new Decision.Rejected("EP-8.1", "The incident is closed; write the fault report instead.");
        }
        List<String> problems = new ArrayList<>();
        if (blank(conditions)) {
            problems.add("conditions are required");
        }
        if (blank(actions)) {
            problems.add("actions are required");
        }
        if (blank(author)) {
            problems.add("the author is required");
        }
        for (String part : new String[] {conditions, actions, needs}) {
            if (part != null && part.length() > MAX_LENGTH) {
                problems.add("a part is longer than " + MAX_LENGTH + " characters");
            }
        }
        if (!problems.isEmpty()) {
            return new Decision.Rejected("EP-2.3", String.join("; ", problems) + ".");
        }
        List<String> patientData = new ArrayList<>();
        for (String part : new String[] {conditions, actions, needs}) {
            patientData.addAll(PatientDataGuard.violations(part));
        }
        if (!patientData.isEmpty()) {
            // HR-12: the board is read on wall screens and phones; no patient data on it
            return new Decision.Rejected("HR-12", "A status report may not carry patient data: " + String.join("; ", patientData));
        }
        return new Decision.Accepted(new StatusReport(id, incidentId, conditions.strip(), actions.strip(),
                blank(needs) ? "" : needs.strip(), author.strip(), now));
    }

    /**
     * When the next report is due: {@code every} after the last report, or after the incident opened when
     * there is none yet.
     */
    public static Instant nextDue(Instant openedAt, Instant lastReportAt, Duration every) {
        return (lastReportAt != null ? lastReportAt : openedAt).plus(every);
    }

    /**
     * The reminder a due report gets: 1 for the first interval missed, 2 for the second … (each is sent once),
     * or 0 while it is not due.
     */
    public static int reminderNumber(Instant openedAt, Instant lastReportAt, Duration every, Instant now) {
        Instant due = nextDue(openedAt, lastReportAt, every);
        if (now.isBefore(due)) {
            return 0;
        }
        return 1 + (int) (Duration.between(due, now).toMillis() / every.toMillis());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
