package org.hospital.continuity.server.fault.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A fault report filed from a workstation (EP-3.1): who, where, what they saw, since when.
 * IT on duty records and verifies every report (EP-3.2).
 */
public record FaultReport(
        UUID id,
        String reporter,
        String location,
        String terminal,
        String symptom,
        Instant observedSince,
        Instant filedAt,
        Verification verification) {

    /** EP-3.2: IT verifies a report with the reporting workstation. */
    public enum Verification { UNVERIFIED, CONFIRMED, NOT_REPRODUCED }

    /** Clocks of workstations drift: a report may say it started this far in the future. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    public FaultReport {
        Objects.requireNonNull(id);
        Objects.requireNonNull(filedAt);
        Objects.requireNonNull(verification);
    }

    /** What a workstation sends. */
    public record Filing(String reporter, String location, String terminal, String symptom, Instant observedSince) {
    }

    /** EP-3.1: a report is accepted in one action; only an impossible start time is refused. */
    public static FaultDecision file(Filing filing, UUID id, Instant now) {
        Instant since = filing.observedSince() == null ? now : filing.observedSince();
        if (since.isAfter(now.plus(CLOCK_TOLERANCE))) {
            return new FaultDecision.Rejected("EP-3.1", "The fault cannot have started in the future (" + since + ").");
        }
        return new FaultDecision.Filed(new FaultReport(id, filing.reporter(), filing.location(), filing.terminal(),
                filing.symptom(), since, now, Verification.UNVERIFIED));
    }
}
