package org.hospital.continuity.sync.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.JournalEntry;

/** Random push batches (fixed seeds) with Chinese, emoji, JSON escapes and control characters in every string. */
final class RandomBatches {

    private static final String[] PIECES = {
        "挂错科室", "肾内科", "收费处", "张三", "王小明", "😀", "🏥", "𠀀", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f",
        "\u0001", "\u001f", "\u007f", "\u2028", "\u2029", "é", "ß", "<script>", "&amp;", "'", "{\"a\":1}", " ", "x", "abc",
        "1000", "-", "\u00a0", "\ufeff"
    };

    private RandomBatches() {
    }

    static String text(Random r, int maxPieces) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            b.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    static Instant instant(Random r) {
        Instant base = Instant.parse("2026-11-21T06:30:00Z").plusSeconds(r.nextInt(100_000) - 50_000);
        return switch (r.nextInt(4)) {
            case 0 -> base;
            case 1 -> base.plusMillis(r.nextInt(1000));
            case 2 -> base.plusNanos(r.nextInt(1_000_000) * 1000L);
            default -> base.plusNanos(r.nextInt(1_000_000_000));
        };
    }

    static JournalEntry entry(Random r, String kiosk, long seq) {
        String payload = "{\"department\":\"" + text(r, 6).replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"fee\":"
                + r.nextInt(100_000) + ",\"note\":\"" + text(r, 40).replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return JournalEntry.seal(new UUID(r.nextLong(), r.nextLong()), kiosk, seq, r.nextBoolean() ? "registration" : "charge",
                new UUID(r.nextLong(), r.nextLong()), 1 + r.nextInt(3), r.nextBoolean() ? "PatientRegistered" : "ChargeRecorded",
                1 + r.nextInt(2), payload, instant(r), Math.abs(r.nextLong()) >>> 1, "acct-" + text(r, 2));
    }

    static PushBatch batch(Random r) {
        String kiosk = "kiosk-" + text(r, 3);
        int n = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(60);
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(entry(r, kiosk, 1 + i + r.nextInt(3)));
        }
        Backlog backlog = r.nextInt(5) == 0 ? Backlog.EMPTY
                : new Backlog(r.nextInt(10_000), r.nextBoolean() ? null : instant(r), r.nextInt(100_000));
        return PushBatch.of(kiosk, UUID.randomUUID(), backlog, entries);
    }
}
