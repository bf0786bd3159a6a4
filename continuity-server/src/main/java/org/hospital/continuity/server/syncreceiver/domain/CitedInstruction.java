package org.hospital.continuity.server.syncreceiver.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.sync.protocol.WireEntry;

/**
 * EP-6.1: a kiosk's downtime entered/left entry that cites an instruction (its id, as relayed by the server, and/or the
 * short number people read out). The server must have issued that instruction; one it never issued is stored like every
 * entry (the kiosk's record is the record) and raised as an integrity flag for IT.
 *
 * @param entry         the synced entry
 * @param instructionId the cited id as written ({@code null} when none)
 * @param id            the cited id when it is a UUID ({@code null} when none or not a UUID: then no instruction has it)
 * @param number        the cited short number ({@code null} when none)
 */
public record CitedInstruction(WireEntry entry, String instructionId, UUID id, Long number) {

    /** Unknown instruction: the server never issued what this entry cites. */
    public static final String UNKNOWN_INSTRUCTION = "unknown-instruction";

    /** True when an id is cited that cannot be any instruction's id (not a UUID). */
    public boolean idMalformed() {
        return instructionId != null && id == null;
    }

    /** The mode entries of a checked batch that cite an instruction (most batches have none: only the event type is looked at). */
    public static List<CitedInstruction> of(List<WireEntry> entries) {
        List<CitedInstruction> out = new ArrayList<>();
        for (WireEntry e : entries) {
            if (!"DowntimeEntered".equals(e.eventType()) && !"DowntimeLeft".equals(e.eventType())) {
                continue;
            }
            if (!(Contract.CURRENT.read(e.toEnvelope()) instanceof Contract.Readable r)) {
                continue; // the record contract refused it before: never reached here
            }
            String cited;
            Long number;
            if (r.record() instanceof DowntimeRecord.DowntimeEntered d) {
                cited = d.instructionId();
                number = d.instructionNumber();
            } else if (r.record() instanceof DowntimeRecord.DowntimeLeft d) {
                cited = d.instructionId();
                number = d.instructionNumber();
            } else {
                continue;
            }
            if (cited != null && cited.isBlank()) {
                cited = null;
            }
            if (cited == null && number == null) {
                continue;
            }
            out.add(new CitedInstruction(e, cited, uuid(cited), number));
        }
        return out;
    }

    private static UUID uuid(String s) {
        if (s == null || s.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
