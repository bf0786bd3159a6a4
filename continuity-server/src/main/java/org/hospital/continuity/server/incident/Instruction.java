package org.hospital.continuity.server.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An instruction the incident announced to a party (EP-6.1), with the acknowledgements of named people.
 * {@code eventSeq} is the timeline event it was announced with; {@code number} its short number (通知第N号),
 * the one people say on the phone and type at a kiosk.
 */
public record Instruction(UUID id, UUID incidentId, long eventSeq, String party, String partyKind, String kind,
                          DepartmentMode modeAfter, String reference, String clause, String zh, String en,
                          Instant issuedAt, String issuedBy, Instant deadline, List<Ack> acks, long number) {
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

