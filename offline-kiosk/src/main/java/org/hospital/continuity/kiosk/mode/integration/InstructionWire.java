package org.hospital.continuity.kiosk.mode.integration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON of the server's announced instructions for kiosks ({@code /api/kiosk/instructions}, EP-6.1). */
public final class InstructionWire {

    private InstructionWire() {
    }

    /** EP-6.1: the announced instructions of the kiosk's department ({@code party}: its area of the downtime ladder), newest first. */
    public record Instructions(String party, List<Instruction> instructions) {
    }

    /**
     * An announced instruction; {@code modeAfter} MANUAL starts downtime, RECOVERING ends it (null: no mode change);
     * {@code number} is its short number (通知第N号) people say on the phone, null from a server without numbers.
     */
    public record Instruction(UUID id, Long number, String party, String kind, String modeAfter, String clause, String zh, String en,
                              Instant issuedAt, String issuedBy, boolean acknowledged, String acknowledgedBy, Instant acknowledgedAt) {
    }

    /**
     * The staff member signed in at the kiosk who acknowledges an instruction, and when (an acknowledgement given
     * while the server was unreachable arrives later with the time it was given).
     */
    public record Acknowledgement(String accountId, Instant acknowledgedAt) {
    }
}
