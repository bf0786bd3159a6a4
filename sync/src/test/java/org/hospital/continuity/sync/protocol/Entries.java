package org.hospital.continuity.sync.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.JournalEntry;

/** Test builders of journal entries with a fixed seed. */
final class Entries {

    static final Instant T0 = Instant.parse("2026-11-21T06:30:00Z");

    private Entries() {
    }

    static JournalEntry entry(String kiosk, long seq, String payload) {
        UUID id = UUID.nameUUIDFromBytes((kiosk + "/" + seq).getBytes());
        UUID stream = UUID.nameUUIDFromBytes((kiosk + "/stream/" + seq).getBytes());
        return JournalEntry.seal(id, kiosk, seq, "registration", stream, 1, "PatientRegistered", 1, payload,
                T0.plusSeconds(seq), (T0.toEpochMilli() + seq) << 16, "acct-7");
    }

    static List<JournalEntry> journal(String kiosk, int n, Random random) {
        List<JournalEntry> list = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            list.add(entry(kiosk, s, "{\"fee\":" + random.nextInt(100_000) + "}"));
        }
        return list;
    }

    static JournalEntry altered(JournalEntry e, String payload) {
        return JournalEntry.seal(e.entryId(), e.kioskId(), e.kioskSeq(), e.streamType(), e.streamId(), e.streamVersion(),
                e.eventType(), e.schemaVersion(), payload, e.recordedAt(), e.hlc(), e.actor());
    }
}
