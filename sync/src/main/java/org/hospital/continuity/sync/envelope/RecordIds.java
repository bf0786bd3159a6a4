package org.hospital.continuity.sync.envelope;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.UUID;

/**
 * Ids for journal entries, record streams and audit records: UUID version 7 (RFC 9562) — 48 bits of
 * Unix milliseconds, then 74 random bits. Still globally unique without coordination (every kiosk
 * makes its own ids offline), but ids made one after another sort one after another, so the
 * B-tree indexes of the kiosk's SQLite journal (and the server's tables) append to their last page
 * instead of touching a random page per insert — fewer pages written per durable commit.
 *
 * <p>The timestamp is only an ordering hint: nothing reads a time back out of an id (the
 * recorded-at and hybrid logical clock fields are the record's times).
 */
public final class RecordIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final InstantSource SYSTEM = InstantSource.system();

    private RecordIds() {
    }

    /** A new version-7 id for now. */
    public static UUID next() {
        return at(SYSTEM.millis());
    }

    /** A new version-7 id for the given Unix time in milliseconds (tests, replays). */
    public static UUID at(long unixMillis) {
        if (unixMillis < 0 || unixMillis >= (1L << 48)) {
            throw new IllegalArgumentException("time out of the 48-bit range of a version-7 id: " + unixMillis);
        }
        byte[] r = new byte[10];
        RANDOM.nextBytes(r);
        long randA = ((r[0] & 0xffL) << 8 | (r[1] & 0xffL)) & 0x0fffL;
        long high = unixMillis << 16 | 0x7000L | randA;
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = randB << 8 | (r[i] & 0xffL);
        }
        long low = randB & 0x3fffffffffffffffL | 0x8000000000000000L; // variant 0b10
        return new UUID(high, low);
    }

    /** The Unix milliseconds a version-7 id was made at. */
    public static long millisOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version-7 id: " + id);
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
