package org.hospital.continuity.sync.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The fast hash is the plain definition: same bytes, same digest, for any text and any instant. */
class ContentHashTest {

    /** The definition, written plainly: length-prefixed UTF-8 of every field, Instant.toString for the kiosk clock. */
    static String reference(UUID entryId, String kioskId, long kioskSeq, String streamType, UUID streamId, int streamVersion,
                            String eventType, int schemaVersion, String payload, Instant recordedAt, long hlc, String actor) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String v : new String[] {entryId.toString(), kioskId, Long.toString(kioskSeq), streamType, streamId.toString(),
                Integer.toString(streamVersion), eventType, Integer.toString(schemaVersion), payload, recordedAt.toString(),
                Long.toString(hlc), actor}) {
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    @DisplayName("HR-9 the hash equals the plain definition for 20,000 random entries (Chinese, emoji, lone surrogates, any clock value)")
    void equalsThePlainDefinition() throws Exception {
        Random random = new Random(20261122);
        for (int i = 0; i < 20_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            UUID stream = new UUID(random.nextLong(), random.nextLong());
            String payload = text(random, random.nextInt(i % 100 == 0 ? 9000 : 800));
            Instant at = instant(random);
            long seq = 1 + (random.nextLong() & Long.MAX_VALUE) % 1_000_000_000L;
            String kiosk = text(random, 1 + random.nextInt(20));
            int version = 1 + random.nextInt(9);
            long hlc = random.nextLong();
            String actor = "acct-" + random.nextInt(99);
            String expected = reference(id, kiosk, seq, "registration", stream, version, "PatientRegistered", 1, payload, at, hlc, actor);
            assertThat(ContentHash.of(id, kiosk, seq, "registration", stream, version, "PatientRegistered", 1, payload, at, hlc, actor))
                    .isEqualTo(expected);
            // the receiver's way: the payload as UTF-8 bytes (as read from a push body), or a string wrapped
            assertThat(ContentHash.of(id, kiosk, seq, "registration", stream, version, "PatientRegistered", 1,
                    Utf8Text.ofUtf8(payload.getBytes(StandardCharsets.UTF_8)), at, hlc, actor)).isEqualTo(expected);
            assertThat(ContentHash.of(id, kiosk, seq, "registration", stream, version, "PatientRegistered", 1,
                    Utf8Text.of(payload), at, hlc, actor)).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("numbers at the edges of long are written as Long.toString writes them")
    void edgeNumbers() throws Exception {
        UUID id = new UUID(0, 0);
        Instant at = Instant.EPOCH;
        for (long v : new long[] {0, 1, 9, 10, 99, 100, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE, -1,
                Long.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThat(ContentHash.of(id, "k", 1, "s", id, 1, "e", 1, "{}", at, v, "a"))
                    .as("hlc %d", v).isEqualTo(reference(id, "k", 1, "s", id, 1, "e", 1, "{}", at, v, "a"));
        }
        assertThat(ContentHash.of(id, "k", Long.MAX_VALUE, "s", id, Integer.MAX_VALUE, "e", Integer.MAX_VALUE, "{}", at, 0, "a"))
                .isEqualTo(reference(id, "k", Long.MAX_VALUE, "s", id, Integer.MAX_VALUE, "e", Integer.MAX_VALUE, "{}", at, 0, "a"));
        UUID max = new UUID(-1, -1);
        assertThat(ContentHash.of(max, "k", 1, "s", max, 1, "e", 1, "{}", at, 0, "a"))
                .isEqualTo(reference(max, "k", 1, "s", max, 1, "e", 1, "{}", at, 0, "a"));
    }

    @Test
    @DisplayName("Utf8Text: bytes are getBytes(UTF_8) of the text (lone surrogate as '?'), equality by bytes, blankness as String.isBlank")
    void utf8Text() {
        for (String s : new String[] {"", " ", "\t\n ", "{}", "挂号", "😀", "\u3000", " \u2028x", "\ud800", "a\udc00b"}) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            Utf8Text fromString = Utf8Text.of(s);
            Utf8Text fromBytes = Utf8Text.ofUtf8(utf8);
            assertThat(fromString.utf8()).isEqualTo(utf8);
            assertThat(fromString).isEqualTo(fromBytes).hasSameHashCodeAs(fromBytes);
            assertThat(fromBytes.utf8Length()).isEqualTo(utf8.length);
            assertThat(fromBytes.toString()).isEqualTo(new String(utf8, StandardCharsets.UTF_8));
            assertThat(fromBytes.isBlank()).as(s).isEqualTo(s.isBlank());
            assertThat(fromString.isBlank()).as(s).isEqualTo(s.isBlank());
            assertThat(fromBytes.hasUtf8()).isTrue();
        }
        assertThat(Utf8Text.of("a")).isNotEqualTo(Utf8Text.of("b"));
        assertThat(Utf8Text.of("\ud800")).isEqualTo(Utf8Text.of("?")); // what the hash sees
    }

    @Test
    @DisplayName("the kiosk clock is written exactly as Instant.toString writes it")
    void instantsAsToString() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            Instant at = instant(random);
            assertThat(ContentHash.instantText(at)).isEqualTo(at.toString());
        }
        for (Instant edge : new Instant[] {Instant.EPOCH, Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-21T00:00:00.100Z"), Instant.parse("2026-11-21T00:00:00.000100Z"),
                Instant.parse("2026-11-21T00:00:00.000000100Z"), Instant.MIN, Instant.MAX}) {
            assertThat(ContentHash.instantText(edge)).isEqualTo(edge.toString());
        }
    }

    private static Instant instant(Random random) {
        long seconds = switch (random.nextInt(4)) {
            case 0 -> 1_700_000_000L + random.nextInt(200_000_000);
            case 1 -> random.nextLong() % 253_402_300_799L;
            case 2 -> -random.nextInt(1_000_000_000);
            default -> 253_402_300_799L - random.nextInt(1000);
        };
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static String text(Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(10)) {
                case 0 -> b.append((char) (0x4E00 + random.nextInt(0x5000)));
                case 1 -> b.appendCodePoint(0x1F300 + random.nextInt(0x300));
                case 2 -> b.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate now and then
                case 3 -> b.append((char) (0x80 + random.nextInt(0x780)));
                default -> b.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return b.toString();
    }
}
