package org.hospital.continuity.sync.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final UUID ENTRY = UUID.fromString("0b9a7a64-6f3e-4f7e-9d55-9b7c3e2a1f00");
    private static final UUID STREAM = UUID.fromString("6c1f2e3d-4b5a-4978-8a6b-5c4d3e2f1a00");
    private static final Instant AT = Instant.parse("2026-11-21T06:30:00Z");

    private JournalEntry entry(String payload) {
        return JournalEntry.seal(ENTRY, "kiosk-sf-01", 41, "registration", STREAM, 1, "PatientRegistered", 1,
                payload, AT, 7L << 16, "acct-cashier-7");
    }

    @Test
    @DisplayName("HR-9 a sealed entry verifies, and any change to its content breaks the hash")
    void aSealedEntryVerifiesAndAnyChangeBreaksIt() {
        JournalEntry e = entry("{\"fee\":1000}");
        assertThat(e.hashMatches()).isTrue();
        assertThat(e.contentHash()).hasSize(64).matches("[0-9a-f]+");
        JournalEntry altered = new JournalEntry(e.entryId(), e.kioskId(), e.kioskSeq(), e.streamType(), e.streamId(),
                e.streamVersion(), e.eventType(), e.schemaVersion(), "{\"fee\":100}", e.contentHash(), e.recordedAt(), e.hlc(), e.actor());
        assertThat(altered.hashMatches()).isFalse();
    }

    @Test
    void theSameContentAlwaysHashesTheSame() {
        assertThat(entry("{\"a\":1}").contentHash()).isEqualTo(entry("{\"a\":1}").contentHash());
        assertThat(entry("{\"a\":1}").contentHash()).isNotEqualTo(entry("{\"a\":2}").contentHash());
    }

    @Test
    void sequencesAndVersionsStartAtOne() {
        assertThatThrownBy(() -> JournalEntry.seal(ENTRY, "k", 0, "t", STREAM, 1, "E", 1, "{}", AT, 0, "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JournalEntry.seal(ENTRY, "k", 1, "t", STREAM, 0, "E", 1, "{}", AT, 0, "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the hybrid logical clock never goes backwards when the wall clock is set back")
    void hlcIsMonotonicWhenTheWallClockGoesBack() {
        AtomicLong wall = new AtomicLong(1_000_000);
        HybridLogicalClock hlc = new HybridLogicalClock(() -> Instant.ofEpochMilli(wall.get()), 0);
        long a = hlc.tick();
        wall.set(500_000); // someone set the kiosk clock back
        long b = hlc.tick();
        long c = hlc.observe(a + 10);
        long d = hlc.tick();
        assertThat(b).isGreaterThan(a);
        assertThat(c).isGreaterThan(a + 10);
        assertThat(d).isGreaterThan(c);
        assertThat(HybridLogicalClock.millisOf(a)).isEqualTo(1_000_000);
    }
}
