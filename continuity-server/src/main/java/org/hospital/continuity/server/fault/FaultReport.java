package org.hospital.continuity.server.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A fault report filed from a workstation (EP-3.1): who, where, what they saw, since when.
 * IT on duty records and verifies every report (EP-3.2).
 *
 * @param area        the business area of the workstation (playbooks Department code), for the classifier
 * @param symptomCode what they saw in the classifier's terms (playbooks Symptom), may be null
 * @param filedBy     the account that filed it, null for a kiosk
 * @param check       IT's verification, empty until verified
 */
public record FaultReport(
        UUID id,
        String reporter,
        String location,
        String terminal,
        String symptom,
        Instant observedSince,
        Instant filedAt,
        Verification verification,
        String area,
        String symptomCode,
        String ward,
        String building,
        String subnet,
        UUID filedBy,
        Optional<Check> check) {

    /** EP-3.2: IT verifies a report with the reporting workstation. */
    public enum Verification { UNVERIFIED, CONFIRMED, NOT_REPRODUCED }

    /** IT's verification: who, when, the cause found (a playbooks Cause code, may be null), a note. */
    public record Check(UUID personId, String personName, Instant at, String cause, String note) {
    }

    /** Clocks of workstations drift: a report may say it started this far in the future. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    public FaultReport {
        Objects.requireNonNull(id);
        Objects.requireNonNull(filedAt);
        Objects.requireNonNull(verification);
        check = check == null ? Optional.empty() : check;
    }

    /** What a workstation sends. */
    public record Filing(String reporter, String location, String terminal, String symptom, Instant observedSince,
                         String area, String symptomCode, String ward, String building, String subnet, UUID filedBy) {
        public Filing(String reporter, String location, String terminal, String symptom, Instant observedSince) {
            this(reporter, location, terminal, symptom, observedSince, null, null, null, null, null, null);
        }
    }

    /** EP-3.1: a report is accepted in one action; only an impossible start time is refused. */
    public static FaultDecision file(Filing filing, UUID id, Instant now) {
        Instant since = filing.observedSince() == null ? now : filing.observedSince();
        if (since.isAfter(now.plus(CLOCK_TOLERANCE))) {
            return new FaultDecision.Rejected("EP-3.1", "The fault cannot have started in the future (" + since + ").");
        }
        return new FaultDecision.Filed(new FaultReport(id, filing.reporter(), filing.location(), filing.terminal(),
                filing.symptom(), since, now, Verification.UNVERIFIED, filing.area(), filing.symptomCode(), filing.ward(),
                filing.building(), filing.subnet(), filing.filedBy(), Optional.empty()));
    }

    /**
     * EP-3.2: IT verifies a report once: confirmed (with the cause when known) or not reproduced. A second
     * verification is refused; a correction is a new finding (a diagnosis), never an overwrite (HR-9).
     */
    public FaultDecision verify(Verification outcome, Check check) {
        if (outcome == Verification.UNVERIFIED) {
            return new FaultDecision.Rejected("EP-3.2", "A verification is either CONFIRMED or NOT_REPRODUCED.");
        }
        if (verification != Verification.UNVERIFIED) {
            return new FaultDecision.Rejected("EP-3.2", "This report was already verified (" + verification + ").");
        }
        if (outcome == Verification.NOT_REPRODUCED && check.cause() != null) {
            return new FaultDecision.Rejected("EP-3.2", "A report that could not be reproduced has no cause.");
        }
        return new FaultDecision.Filed(new FaultReport(id, reporter, location, terminal, symptom, observedSince, filedAt, outcome,
                area, symptomCode, ward, building, subnet, filedBy, Optional.of(check)));
    }
}
