package org.hospital.continuity.server.incident.domain;

import org.hospital.continuity.server.incident.DepartmentMode;
import java.time.Instant;

/**
 * An instruction to announce (EP-6.1): for one party (a department, office or team), what to do, under
 * which clause, by when; mode instructions also change the department's mode once acknowledged.
 *
 * @param dedupeKey  the same step for the same party of the same occurrence is issued once
 * @param party      playbooks party code
 * @param partyKind  DEPARTMENT, OFFICE or TEAM
 * @param kind       SWITCH_TO_MANUAL, RESTART_AND_BACK_ENTER, RESUME_NORMAL or PLAYBOOK_STEP
 * @param modeAfter  the department's mode once acknowledged, or null
 * @param reference  the playbook step ({@code playbook/step}), or null
 * @param area       the place it is for (building/floor/ward path: the departments of an area cut off, EP-4.1 局部网络不通),
 *                   or null for the whole hospital
 */
public record InstructionDraft(String dedupeKey, String party, String partyKind, String kind, DepartmentMode modeAfter,
                               String reference, String clause, String zh, String en, Instant issuedAt, String issuedBy,
                               Instant deadline, String area) {

    /** An instruction for the whole hospital. */
    public InstructionDraft(String dedupeKey, String party, String partyKind, String kind, DepartmentMode modeAfter,
                            String reference, String clause, String zh, String en, Instant issuedAt, String issuedBy,
                            Instant deadline) {
        this(dedupeKey, party, partyKind, kind, modeAfter, reference, clause, zh, en, issuedAt, issuedBy, deadline, null);
    }
}
