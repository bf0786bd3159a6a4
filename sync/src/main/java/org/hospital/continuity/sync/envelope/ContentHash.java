package org.hospital.continuity.sync.envelope;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * SHA-256 over every field of a {@link JournalEntry} except the hash itself, each field
 * length-prefixed (4 bytes, big-endian, then its UTF-8 bytes) so that no two different entries
 * share an input. Both ends compute it the same way; the server rejects an entry whose hash does
 * not match its content.
 *
 * <p>The receiver verifies every entry of a 200,000-entry backlog, so the input is assembled in one
 * reused per-thread buffer and digested in one call (no per-field arrays); the bytes hashed are
 * exactly those of {@code field(value.getBytes(UTF_8))} for each field, and {@code recordedAt} is
 * written as {@link Instant#toString()} writes it ({@code ContentHashTest} checks both against the
 * plain definition).
 */
public final class ContentHash {

    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ContentHash() {
    }

    public static String of(JournalEntry e) {
        return of(e.entryId(), e.kioskId(), e.kioskSeq(), e.streamType(), e.streamId(), e.streamVersion(),
                e.eventType(), e.schemaVersion(), e.payload(), e.recordedAt(), e.hlc(), e.actor());
    }

    static String of(UUID entryId, String kioskId, long kioskSeq, String streamType, UUID streamId, int streamVersion,
                     String eventType, int schemaVersion, String payload, Instant recordedAt, long hlc, String actor) {
        return of(entryId, kioskId, kioskSeq, streamType, streamId, streamVersion, eventType, schemaVersion, Utf8Text.of(payload),
                recordedAt, hlc, actor);
    }

    /**
     * The same hash with the payload as {@link Utf8Text}: its UTF-8 bytes go into the input as they are
     * (a payload read from the wire is never decoded), which are the bytes {@code field(payload)} of the
     * string it stands for.
     */
    public static String of(UUID entryId, String kioskId, long kioskSeq, String streamType, UUID streamId, int streamVersion,
                            String eventType, int schemaVersion, Utf8Text payload, Instant recordedAt, long hlc, String actor) {
        Hasher h = HASHER.get();
        h.reset();
        h.uuidField(entryId);
        h.field(kioskId);
        h.longField(kioskSeq);
        h.field(streamType);
        h.uuidField(streamId);
        h.longField(streamVersion);
        h.field(eventType);
        h.longField(schemaVersion);
        if (payload.hasUtf8()) {
            h.field(payload.utf8());
        } else {
            h.field(payload.toString());
        }
        h.instantField(recordedAt);
        h.longField(hlc);
        h.field(actor);
        return h.digestHex();
    }

    /** {@link Instant#toString()} without the formatter, for instants in years 1970–9999 (others use toString). */
    static String instantText(Instant i) {
        Hasher h = new Hasher();
        h.instantField(i);
        return new String(h.buf, 4, h.len - 4, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static final class Hasher {
        private final MessageDigest sha = sha256();
        private byte[] buf = new byte[4096];
        private final byte[] digitScratch = new byte[19];
        private int len;

        void reset() {
            len = 0;
        }

        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }

        /** {@code field(u.toString())} without the string: 36 characters, lowercase hex. */
        void uuidField(UUID u) {
            ensure(40);
            byte[] b = buf;
            int p = len;
            b[p] = 0;
            b[p + 1] = 0;
            b[p + 2] = 0;
            b[p + 3] = 36;
            long msb = u.getMostSignificantBits();
            long lsb = u.getLeastSignificantBits();
            hex(b, p + 4, msb >>> 32, 8);
            b[p + 12] = '-';
            hex(b, p + 13, msb >>> 16, 4);
            b[p + 17] = '-';
            hex(b, p + 18, msb, 4);
            b[p + 22] = '-';
            hex(b, p + 23, lsb >>> 48, 4);
            b[p + 27] = '-';
            hex(b, p + 28, lsb, 12);
            len = p + 40;
        }

        /** The low {@code digits} hex digits of {@code v}, most significant first. */
        private static void hex(byte[] b, int at, long v, int digits) {
            for (int i = digits - 1; i >= 0; i--) {
                b[at + i] = HEX[(int) (v & 0xF)];
                v >>>= 4;
            }
        }

        /** {@code field(Long.toString(v))} without the string. */
        void longField(long v) {
            if (v < 0) {
                field(Long.toString(v));
                return;
            }
            ensure(4 + 19);
            byte[] d = digitScratch;
            int at = d.length;
            do {
                long q = v / 10;
                d[--at] = (byte) ('0' + (int) (v - q * 10));
                v = q;
            } while (v != 0);
            int digits = d.length - at;
            byte[] b = buf;
            int p = len;
            b[p] = 0;
            b[p + 1] = 0;
            b[p + 2] = 0;
            b[p + 3] = (byte) digits;
            System.arraycopy(d, at, b, p + 4, digits);
            len = p + 4 + digits;
        }

        /** Length prefix, then these bytes. */
        void field(byte[] utf8) {
            int n = utf8.length;
            ensure(4 + n);
            byte[] b = buf;
            b[len] = (byte) (n >>> 24);
            b[len + 1] = (byte) (n >>> 16);
            b[len + 2] = (byte) (n >>> 8);
            b[len + 3] = (byte) n;
            System.arraycopy(utf8, 0, b, len + 4, n);
            len += 4 + n;
        }

        /** Length prefix, then the UTF-8 bytes exactly as {@code String.getBytes(UTF_8)} gives them. */
        void field(String s) {
            int n = s.length();
            ensure(4 + n * 3);
            int start = len;
            int p = start + 4;
            byte[] b = buf;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    b[p++] = (byte) c;
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xC0 | c >> 6);
                    b[p++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    int cp = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))
                            ? Character.toCodePoint(c, s.charAt(++i)) : -1;
                    if (cp < 0) {
                        b[p++] = '?'; // what getBytes(UTF_8) writes for a lone surrogate
                    } else {
                        b[p++] = (byte) (0xF0 | cp >> 18);
                        b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                        b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                        b[p++] = (byte) (0x80 | cp & 0x3F);
                    }
                } else {
                    b[p++] = (byte) (0xE0 | c >> 12);
                    b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                    b[p++] = (byte) (0x80 | c & 0x3F);
                }
            }
            int bytes = p - start - 4;
            b[start] = (byte) (bytes >>> 24);
            b[start + 1] = (byte) (bytes >>> 16);
            b[start + 2] = (byte) (bytes >>> 8);
            b[start + 3] = (byte) bytes;
            len = p;
        }

        void instantField(Instant t) {
            long seconds = t.getEpochSecond();
            if (seconds < 0 || seconds > 253_402_300_799L) { // outside 1970-01-01 … 9999-12-31
                field(t.toString());
                return;
            }
            ensure(4 + 30);
            int start = len;
            int p = start + 4;
            byte[] b = buf;
            long days = Math.floorDiv(seconds, 86_400L);
            int secs = (int) Math.floorMod(seconds, 86_400L);
            LocalDate d = LocalDate.ofEpochDay(days);
            p = digits(b, p, d.getYear(), 4);
            b[p++] = '-';
            p = digits(b, p, d.getMonthValue(), 2);
            b[p++] = '-';
            p = digits(b, p, d.getDayOfMonth(), 2);
            b[p++] = 'T';
            p = digits(b, p, secs / 3600, 2);
            b[p++] = ':';
            p = digits(b, p, secs / 60 % 60, 2);
            b[p++] = ':';
            p = digits(b, p, secs % 60, 2);
            int nano = t.getNano();
            if (nano > 0) {
                b[p++] = '.';
                if (nano % 1_000_000 == 0) {
                    p = digits(b, p, nano / 1_000_000, 3);
                } else if (nano % 1000 == 0) {
                    p = digits(b, p, nano / 1000, 6);
                } else {
                    p = digits(b, p, nano, 9);
                }
            }
            b[p++] = 'Z';
            int bytes = p - start - 4;
            b[start] = 0;
            b[start + 1] = 0;
            b[start + 2] = 0;
            b[start + 3] = (byte) bytes;
            len = p;
        }

        private static int digits(byte[] b, int p, int value, int width) {
            for (int i = width - 1; i >= 0; i--) {
                b[p + i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            return p + width;
        }

        String digestHex() {
            sha.update(buf, 0, len);
            byte[] d = sha.digest();
            byte[] hex = new byte[64];
            for (int i = 0; i < 32; i++) {
                hex[2 * i] = HEX[(d[i] >> 4) & 0xF];
                hex[2 * i + 1] = HEX[d[i] & 0xF];
            }
            return new String(hex, java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
