package org.hospital.continuity.server.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An instruction the incident announced to a party (EP-6.1), with the acknowledgements of named people.
 * {@code eventSeq} is the timeline event it was announced with; {@code number} its short number (通知第N号),
 * the one people say on the phone and type at a kiosk; {@code area} the place it is for (null: the whole hospital).
 */
public record Instruction(UUID id, UUID incidentId, long eventSeq, String party, String partyKind, String kind,
                          DepartmentMode modeAfter, String reference, String clause, String zh, String en,
                          Instant issuedAt, String issuedBy, Instant deadline, List<Ack> acks, long number, String area) {

    /** An instruction for the whole hospital, not yet numbered. */
    public Instruction(UUID id, UUID incidentId, long eventSeq, String party, String partyKind, String kind,
                       DepartmentMode modeAfter, String reference, String clause, String zh, String en,
                       Instant issuedAt, String issuedBy, Instant deadline, List<Ack> acks) {
        this(id, incidentId, eventSeq, party, partyKind, kind, modeAfter, reference, clause, zh, en, issuedAt, issuedBy, deadline, acks, 0, null);
    }

    /** An instruction for the whole hospital with its short number. */
    public Instruction(UUID id, UUID incidentId, long eventSeq, String party, String partyKind, String kind,
                       DepartmentMode modeAfter, String reference, String clause, String zh, String en,
                       Instant issuedAt, String issuedBy, Instant deadline, List<Ack> acks, long number) {
        this(id, incidentId, eventSeq, party, partyKind, kind, modeAfter, reference, clause, zh, en, issuedAt, issuedBy, deadline, acks, number,
                null);
    }

    /** An instruction for an area, not yet numbered. */
    public Instruction(UUID id, UUID incidentId, long eventSeq, String party, String partyKind, String kind,
                       DepartmentMode modeAfter, String reference, String clause, String zh, String en,
                       Instant issuedAt, String issuedBy, Instant deadline, List<Ack> acks, String area) {
        this(id, incidentId, eventSeq, party, partyKind, kind, modeAfter, reference, clause, zh, en, issuedAt, issuedBy, deadline, acks, 0, area);
    }

    /**
     * True when the instruction reaches a department at {@code place} (a building/floor/ward path, null when not
     * known): a hospital-wide instruction reaches every place; an area's (EP-4.1 局部网络不通) only the places it covers.
     */
    public boolean reaches(String place) {
        if (area == null || area.isEmpty()) {
            return true;
        }
        return place != null && (place.equals(area) || place.startsWith(area + "/"));
    }

    public record Ack(UUID personId, String personName, Instant at) {
    }

    /** The instruction kind of a ladder row or a granted request: switch to manual operation (EP-5.2, EP-6.1). */
    public static final String SWITCH_TO_MANUAL = "SWITCH_TO_MANUAL";

    public boolean switchesToManual() {
        return SWITCH_TO_MANUAL.equals(kind);
    }

    public boolean acknowledged() {
        return !acks.isEmpty();
    }
}

