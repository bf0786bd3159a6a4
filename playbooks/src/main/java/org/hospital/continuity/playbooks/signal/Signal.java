package org.hospital.continuity.playbooks.signal;

import java.time.Instant;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * Something the system learns about an incident: a probe result, a fault report filed from a workstation
 * (EP-3), an integrity alarm, IT's diagnosis of a cause (EP-3.2), or a clearance. The classifier grades an
 * incident from its signals alone.
 */
public sealed interface Signal permits ProbeResult, FaultReport, IntegrityAlarm, Diagnosis, Clearance {

    /** Unique within an incident (the server uses the record's UUID; scenario files use short ids). */
    String id();

    /** When the signal was observed. */
    Instant at();

    /**
     * True when this signal can lower a grade: a probe that sees its component up, a clearance, or a diagnosis
     * (which replaces a report's provisional grade by its cause). Every other signal can only keep or raise
     * the grade; the property tests hold the classifier to that.
     */
    boolean mayLower();

    /** One line for a timeline or an evidence list, in both languages. */
    Bilingual describe();
}
