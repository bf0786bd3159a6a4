package org.hospital.continuity.sync.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.Utf8Text;

/**
 * Reads the JSON body of a {@link PushBatch} (wire version 1) on the receiver's hot path: one pass
 * over the body's bytes straight into the {@link WireEntry} records, without Jackson's tokenizer or
 * the data binder's per-property machinery (a 200,000-entry backlog is 200 bodies of 1,000 entries).
 *
 * <p>The fast path accepts only the shape the kiosks send: an object with the known fields, each
 * with the JSON type its Java field expects (strings, integers within range, canonical 36-character
 * UUIDs, instants as {@link Instant#toString()} writes them), no field twice, no nulls, strict JSON
 * syntax and well-formed UTF-8. On anything else — unknown fields from a newer peer, nulls, numbers
 * as strings, a syntax error, a value the binder would refuse — it hands the body to the
 * {@link SyncJson} data binder and returns (or throws) exactly what the binder does. So the accepted
 * input, the result and every error message stay those of {@code mapper.readValue(body, PushBatch.class)};
 * only the usual case is faster.
 *
 * <p>The payload, most of the body, is never decoded into a Java string: its JSON escapes are
 * resolved at the byte level ({@link JsonStringBytes}) and its UTF-8 bytes carried as
 * {@link Utf8Text} to the content hash and to PostgreSQL. UUIDs and instants are read from the bytes
 * too. A payload that is not strictly well-formed (invalid or non-shortest UTF-8, an encoded
 * surrogate, an unknown escape, a raw control character) sends the body to the binder, which accepts
 * or refuses it as before; so the fast path's payload bytes are always the {@code getBytes(UTF_8)} of
 * the string the binder would have read, and the content hash sees the same input either way.
 */
public final class PushBatchReader {

    private final ObjectMapper binder;
    /** Throw-away switch for the A/B measurement: -Dsync.push-reader=jackson. */
    private static final boolean JACKSON = "jackson".equals(System.getProperty("sync.push-reader"));
    private final JacksonPushBatchReader jackson;

    /** @param binder the {@link SyncJson} mapper, which reads every body the fast path does not */
    public PushBatchReader(ObjectMapper binder) {
        this.binder = binder;
        this.jackson = new JacksonPushBatchReader(binder);
    }

    public PushBatchReader() {
        this(SyncJson.mapper());
    }

    /** The batch of this body, as {@code binder.readValue(body, PushBatch.class)} would give it. */
    public PushBatch read(byte[] body) throws IOException {
        PushBatch fast = fast(body);
        return fast != null ? fast : binder.readValue(body, PushBatch.class);
    }

    /** The batch by the fast path, or null when the body is not of the usual shape. */
    PushBatch fast(byte[] body) {
        if (JACKSON) {
            return jackson.fast(body);
        }
        try {
            return new Pass(body).batch();
        } catch (RuntimeException unusual) { // Unusual, and an index or arithmetic overflow on a truncated or huge value
            return null;
        }
    }

    /** Field names of the batch, the backlog and an entry, in the order kiosks write them. */
    private static final byte[][] BATCH_FIELDS = names("protocol", "kioskId", "batchId", "backlog", "entries");
    private static final byte[][] BACKLOG_FIELDS = names("pending", "oldestUnsentAt", "lastSeq");
    private static final byte[][] ENTRY_FIELDS = names("entryId", "kioskId", "kioskSeq", "streamType", "streamId", "streamVersion",
            "eventType", "schemaVersion", "payload", "contentHash", "recordedAt", "hlc", "actor");

    private static byte[][] names(String... names) {
        byte[][] b = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            b[i] = names[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return b;
    }

    /** A value that is not of the usual shape: the whole body goes to the binder. */
    private static final class Unusual extends RuntimeException {
        static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super("not the usual shape", null, false, false);
        }
    }

    /**
     * One fast-path read of one body, a strict JSON reader for exactly the shape kiosks send: whitespace
     * as JSON defines it (space, tab, line feed, carriage return), objects, the entry array, strings,
     * integers written as JSON writes them ({@code -?(0|[1-9][0-9]*)} followed by a delimiter). Anything
     * else — a fraction or exponent, a literal, a nested value where none belongs, a field name with an
     * escape, a trailing comma — throws {@link Unusual}, and the binder reads the body instead. Like
     * Jackson's data binder it stops after the root object.
     */
    private static final class Pass {
        private final byte[] b;
        private final int n;
        private int i;
        private final JsonStringBytes strings = new JsonStringBytes();

        Pass(byte[] body) {
            this.b = body;
            this.n = body.length;
        }

        private static Unusual unusual() {
            return Unusual.INSTANCE;
        }

        /** Skips JSON whitespace; returns the next byte (not consumed), or throws at the end of the body. */
        private byte peek() {
            while (i < n) {
                byte c = b[i];
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    i++;
                } else {
                    return c;
                }
            }
            throw unusual();
        }

        private void expect(char c) {
            if (peek() != c) {
                throw unusual();
            }
            i++;
        }

        /**
         * Starts an object's next member: after '{' ({@code first}) a name or '}', after a value ',' and a
         * name, or '}'. Returns the index of the name in {@code names} ({@code guess} tried first), or -1
         * at the object's end; an unknown or escaped name is unusual.
         */
        private int member(byte[][] names, int guess, boolean first) {
            byte c = peek();
            if (c == '}') {
                i++;
                return -1;
            }
            if (!first) {
                if (c != ',') {
                    throw unusual();
                }
                i++;
                c = peek();
            }
            if (c != '"') {
                throw unusual();
            }
            int start = i + 1;
            int end = start;
            while (true) {
                if (end >= n) {
                    throw unusual();
                }
                byte x = b[end];
                if (x == '"') {
                    break;
                }
                if (x == '\\' || x < 0x20) {
                    throw unusual(); // escapes, control and non-ASCII bytes: no known name has them
                }
                end++;
            }
            i = end + 1;
            expect(':');
            peek();
            if (guess >= 0 && guess < names.length && matches(names[guess], start, end)) {
                return guess;
            }
            for (int k = 0; k < names.length; k++) {
                if (matches(names[k], start, end)) {
                    return k;
                }
            }
            throw unusual(); // a field of a newer peer
        }

        private boolean matches(byte[] name, int start, int end) {
            return end - start == name.length && java.util.Arrays.equals(b, start, end, name, 0, name.length);
        }

        /** {@code null} means "not the usual shape, ask the binder". */
        PushBatch batch() {
            expect('{');
            Integer protocol = null;
            String kioskId = null;
            UUID batchId = null;
            Backlog backlog = null;
            List<WireEntry> entries = null;
            int seen = 0;
            int f = 0;
            for (boolean first = true; (f = member(BATCH_FIELDS, f, first)) >= 0; first = false) {
                int bit = 1 << f;
                if ((seen & bit) != 0) {
                    return null;
                }
                seen |= bit;
                switch (f) {
                    case 0 -> protocol = intValue();
                    case 1 -> kioskId = string();
                    case 2 -> batchId = uuid();
                    case 3 -> backlog = backlog();
                    default -> entries = entries();
                }
                f++;
            }
            return new PushBatch(protocol, kioskId, batchId, backlog, entries);
        }

        private Backlog backlog() {
            expect('{');
            long pending = 0;
            Instant oldest = null;
            long lastSeq = 0;
            int seen = 0;
            int f = 0;
            for (boolean first = true; (f = member(BACKLOG_FIELDS, f, first)) >= 0; first = false) {
                int bit = 1 << f;
                if ((seen & bit) != 0) {
                    throw unusual();
                }
                seen |= bit;
                switch (f) {
                    case 0 -> pending = longValue();
                    case 1 -> oldest = instant();
                    default -> lastSeq = longValue();
                }
                f++;
            }
            if (pending < 0 || lastSeq < 0) {
                throw unusual();
            }
            return new Backlog(pending, oldest, lastSeq);
        }

        private List<WireEntry> entries() {
            expect('[');
            List<WireEntry> list = new ArrayList<>(SyncProtocol.MAX_BATCH_ENTRIES);
            if (peek() == ']') {
                i++;
                return list;
            }
            while (true) {
                list.add(entry());
                byte c = peek();
                i++;
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw unusual();
                }
            }
        }

        private WireEntry entry() {
            expect('{');
            UUID entryId = null;
            String kioskId = null;
            Long kioskSeq = null;
            String streamType = null;
            UUID streamId = null;
            Integer streamVersion = null;
            String eventType = null;
            Integer schemaVersion = null;
            Utf8Text payload = null;
            String contentHash = null;
            Instant recordedAt = null;
            Long hlc = null;
            String actor = null;
            int seen = 0;
            int f = 0;
            for (boolean first = true; (f = member(ENTRY_FIELDS, f, first)) >= 0; first = false) {
                int bit = 1 << f;
                if ((seen & bit) != 0) {
                    throw unusual();
                }
                seen |= bit;
                switch (f) {
                    case 0 -> entryId = uuid();
                    case 1 -> kioskId = string();
                    case 2 -> kioskSeq = longValue();
                    case 3 -> streamType = string();
                    case 4 -> streamId = uuid();
                    case 5 -> streamVersion = intValue();
                    case 6 -> eventType = string();
                    case 7 -> schemaVersion = intValue();
                    case 8 -> payload = payload();
                    case 9 -> contentHash = string();
                    case 10 -> recordedAt = instant();
                    case 11 -> hlc = longValue();
                    default -> actor = string();
                }
                f++;
            }
            return new WireEntry(entryId, kioskId, kioskSeq, streamType, streamId, streamVersion, eventType, schemaVersion,
                    payload, contentHash, recordedAt, hlc, actor);
        }

        private String string() {
            String s = strings.string(b, i);
            if (s == null) {
                throw unusual();
            }
            i = strings.end();
            return s;
        }

        /** The payload's UTF-8 bytes straight from the body (escapes resolved), never a Java string. */
        private Utf8Text payload() {
            byte[] utf8 = strings.bytes(b, i);
            if (utf8 == null) {
                throw unusual();
            }
            i = strings.end();
            return Utf8Text.ofUtf8(utf8);
        }

        /** An integer in JSON's form: {@code -?(0|[1-9][0-9]*)}, within long, followed by a delimiter. */
        private long longValue() {
            boolean negative = i < n && b[i] == '-';
            if (negative) {
                i++;
            }
            int first = i;
            long v = 0;
            while (i < n && b[i] >= '0' && b[i] <= '9') {
                if (i - first < 18) {
                    v = v * 10 + (b[i] - '0');
                } else { // beyond long (and Long.MIN_VALUE): ArithmeticException, the binder decides
                    v = Math.addExact(Math.multiplyExact(v, 10), b[i] - '0');
                }
                i++;
            }
            int digits = i - first;
            if (digits == 0 || digits > 1 && b[first] == '0') {
                throw unusual();
            }
            if (i < n) {
                byte c = b[i];
                if (c == '.' || c == 'e' || c == 'E') {
                    throw unusual();
                }
            }
            if (negative && v == 0) {
                throw unusual(); // -0: the binder decides
            }
            return negative ? -v : v;
        }

        private int intValue() {
            long v = longValue();
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw unusual();
            }
            return (int) v;
        }

        /**
         * Only the canonical 8-4-4-4-12 form (either case), read from the body's bytes; anything else
         * (base64, short groups, escapes) goes to the binder.
         */
        private UUID uuid() {
            int o = i + 1;
            if (b[i] != '"' || o + 37 > n || b[o + 36] != '"') {
                throw unusual();
            }
            long msb = 0;
            long lsb = 0;
            int digits = 0;
            for (int k = 0; k < 36; k++) {
                byte ch = b[o + k];
                if (k == 8 || k == 13 || k == 18 || k == 23) {
                    if (ch != '-') {
                        throw unusual();
                    }
                    continue;
                }
                int d = JsonStringBytes.hexDigit(ch);
                if (d < 0) {
                    throw unusual();
                }
                if (digits < 16) {
                    msb = (msb << 4) | d;
                } else {
                    lsb = (lsb << 4) | d;
                }
                digits++;
            }
            i = o + 37;
            return new UUID(msb, lsb);
        }

        /** An instant read from the body's bytes (no escapes), see {@link PushBatchReader#instant(byte[], int, int)}. */
        private Instant instant() {
            if (b[i] != '"') {
                throw unusual();
            }
            int o = i + 1;
            int limit = Math.min(n, o + 31);
            for (int k = o; k < limit; k++) {
                byte c = b[k];
                if (c == '"') {
                    Instant t = PushBatchReader.instant(b, o, k - o);
                    if (t == null) {
                        throw unusual();
                    }
                    i = k + 1;
                    return t;
                }
                if (c == '\\') {
                    throw unusual();
                }
            }
            throw unusual();
        }
    }

    /** {@link #instant(byte[], int, int)} of chars; null if any is not ASCII. */
    static Instant instant(char[] c, int o, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            char ch = c[o + i];
            if (ch > 0x7F) {
                return null;
            }
            b[i] = (byte) ch;
        }
        return instant(b, 0, n);
    }

    /**
     * An instant written as {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} (1–9 fraction digits, upper-case T and Z,
     * no spaces) — what {@link Instant#toString()} and so every kiosk writes — computed without the
     * formatter; null for any other text, which then goes to the binder. For this shape the binder's
     * instant deserializer gives {@code DateTimeFormatter.ISO_INSTANT}'s value, which this equals
     * (fields checked as strictly: month 1–12, a day of that month, hour 0–23, minute and second 0–59).
     */
    static Instant instant(byte[] c, int o, int n) {
        if (n < 20 || n > 30 || n == 21 || c[o + n - 1] != 'Z' || c[o + 4] != '-' || c[o + 7] != '-' || c[o + 10] != 'T'
                || c[o + 13] != ':' || c[o + 16] != ':') {
            return null;
        }
        int year = digits(c, o, 4);
        int month = digits(c, o + 5, 2);
        int day = digits(c, o + 8, 2);
        int hour = digits(c, o + 11, 2);
        int minute = digits(c, o + 14, 2);
        int second = digits(c, o + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            if (c[o + 19] != '.') {
                return null;
            }
            int k = n - 21; // fraction digits, 1..9
            int f = digits(c, o + 20, k);
            if (f < 0) {
                return null;
            }
            nanos = f;
            for (int i = k; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    /** The value of {@code count} decimal digits, or -1 if any is not a digit. */
    private static int digits(byte[] c, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            byte ch = c[i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
