package org.hospital.continuity.server.writeback;

/** Why a downtime record was not written back automatically (the workbench translates these). */
public enum WorkbenchReason {
    /** Matching found candidates but none with certainty. */
    PATIENT_PROPOSAL,
    /** The conditional create on the patient matched several HIS patients (412). */
    AMBIGUOUS_IN_HIS,
    /** A department, item or drug code has no HIS code (never guessed). */
    UNMAPPED_CODE,
    /** The HIS refused the content (400/422). */
    HIS_REFUSED,
    /** Written back, but the HIS's current price differs from the price charged (flag only). */
    PRICE_DIFFERS,
    /** A possible duplicate registration of the same person at two kiosks. */
    POSSIBLE_DUPLICATE,
    /**
     * A merge or un-merge decided after the visits were written: the HIS holds them under other patients than
     * the decision says. Nothing is changed silently; a person does it in the HIS (flag only).
     */
    FOLLOW_UP_IN_HIS,
    /**
     * A synced entry that cannot be read as a record of the contract (not JSON, a field missing or of the wrong type, a
     * kind this server does not know): a person looks at it; it never stops the other records.
     */
    UNREADABLE_RECORD,
    /**
     * The record's patient cannot be resolved: a charge whose registration is not among the synced records, a form with
     * only a name that fits no registration (or several), a patient of the snapshot the HIS does not know. A person
     * chooses the HIS patient; the next run writes the record under it.
     */
    PATIENT_UNRESOLVED,
    /** The inpatient encounter (admission) the record belongs to is not in the HIS. */
    ENCOUNTER_UNRESOLVED,
    /**
     * HR-9: a void, a correction or an IOU exchange whose record (the one it voids, corrects or pays) is not among this
     * incident's records (captured in another outage, or never synced): a person applies it in the HIS or says why not.
     */
    AMENDS_RECORD_ELSEWHERE
}
