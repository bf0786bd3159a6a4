package org.hospital.continuity.sync.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.Utf8Text;

/**
 * Reads the JSON body of a {@link PushBatch} (wire version 1) on the receiver's hot path: Jackson's streaming
 * parser over the body's bytes, straight into the {@link WireEntry} records, without the data binder's
 * per-property machinery (a 200,000-entry backlog is 200 bodies of 1,000 entries).
 *
 * <p>This fast path takes only the shape the kiosks send: an object with the known fields, each with the JSON
 * type its Java field expects (strings, integers within range, canonical 36-character UUIDs, instants as
 * {@link Instant#toString()} writes them), no field twice, no nulls. On anything else — unknown fields from a
 * newer peer, nulls, numbers as strings, a syntax error Jackson reports — it hands the body to the
 * {@link SyncJson} data binder and returns (or throws) exactly what the binder does. Both use the same parser
 * settings (the binder's own {@link JsonFactory}), so the accepted input, the result and every error message
 * stay those of {@code mapper.readValue(body, PushBatch.class)}; only the usual case is faster.
 *
 * <p>The payload, most of the body, is never made a Java string: its UTF-8 bytes are encoded straight from the
 * characters Jackson decoded (its text buffer) and carried as {@link Utf8Text} to the content hash and to
 * PostgreSQL. They are {@code s.getBytes(UTF_8)} of the string {@code s} the binder reads (a lone escaped
 * surrogate as {@code '?'}), so the content hash sees the same input either way. The payload is a JSON
 * string whose text is itself JSON, so every payload holds escapes ({@code \"}): the raw byte slice at its
 * token offsets is not its value, and resolving escapes at the byte level is Jackson's work, not ours.
 * Bytes that are not UTF-8 are decoded or refused by Jackson exactly as for the binder.
 */
public final class PushBatchReader {

    private final ObjectMapper binder;
    private final JsonFactory factory;

    /** @param binder the {@link SyncJson} mapper, whose parser factory the fast path uses and which reads every other body */
    public PushBatchReader(ObjectMapper binder) {
        this.binder = binder;
        this.factory = binder.getFactory();
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
        try (JsonParser p = factory.createParser(body)) {
            return new Pass(p).batch();
        } catch (IOException | RuntimeException unusual) { // a parse error, or not the usual shape: the binder decides
            return null;
        }
    }

    /** A value that is not of the usual shape: the whole body goes to the binder. */
    private static final class Unusual extends RuntimeException {
        static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super("not the usual shape", null, false, false);
        }
    }

    /** One fast-path read of one body. Like the data binder it stops after the root object. */
    private static final class Pass {
        private final JsonParser p;
        private byte[] scratch = new byte[4096];

        Pass(JsonParser p) {
            this.p = p;
        }

        private static Unusual unusual() {
            return Unusual.INSTANCE;
        }

        private void next(JsonToken expected) throws IOException {
            if (p.nextToken() != expected) {
                throw unusual();
            }
        }

        /** Marks field {@code f} seen; a field twice is unusual (the binder keeps the last one). */
        private static int seen(int seen, int f) {
            if (f < 0 || (seen & 1 << f) != 0) {
                throw unusual();
            }
            return seen | 1 << f;
        }

        private void atEndOfObject() {
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw unusual();
            }
        }

        PushBatch batch() throws IOException {
            next(JsonToken.START_OBJECT);
            Integer protocol = null;
            String kioskId = null;
            UUID batchId = null;
            Backlog backlog = null;
            List<WireEntry> entries = null;
            int seen = 0;
            for (String name; (name = p.nextFieldName()) != null; ) {
                int f = switch (name) {
                    case "protocol" -> 0;
                    case "kioskId" -> 1;
                    case "batchId" -> 2;
                    case "backlog" -> 3;
                    case "entries" -> 4;
                    default -> -1; // a field of a newer peer
                };
                seen = seen(seen, f);
                switch (f) {
                    case 0 -> protocol = intValue();
                    case 1 -> kioskId = string();
                    case 2 -> batchId = uuid();
                    case 3 -> backlog = backlog();
                    default -> entries = entries();
                }
            }
            atEndOfObject();
            return new PushBatch(protocol, kioskId, batchId, backlog, entries);
        }

        private Backlog backlog() throws IOException {
            next(JsonToken.START_OBJECT);
            long pending = 0;
            Instant oldest = null;
            long lastSeq = 0;
            int seen = 0;
            for (String name; (name = p.nextFieldName()) != null; ) {
                int f = switch (name) {
                    case "pending" -> 0;
                    case "oldestUnsentAt" -> 1;
                    case "lastSeq" -> 2;
                    default -> -1;
                };
                seen = seen(seen, f);
                switch (f) {
                    case 0 -> pending = longValue();
                    case 1 -> oldest = instant();
                    default -> lastSeq = longValue();
                }
            }
            atEndOfObject();
            if (pending < 0 || lastSeq < 0) {
                throw unusual(); // the binder's refusal
            }
            return new Backlog(pending, oldest, lastSeq);
        }

        private List<WireEntry> entries() throws IOException {
            next(JsonToken.START_ARRAY);
            List<WireEntry> list = new ArrayList<>(SyncProtocol.MAX_BATCH_ENTRIES);
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                list.add(entry());
            }
            if (t != JsonToken.END_ARRAY) {
                throw unusual();
            }
            return list;
        }

        private WireEntry entry() throws IOException {
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
            for (String name; (name = p.nextFieldName()) != null; ) {
                int f = switch (name) {
                    case "entryId" -> 0;
                    case "kioskId" -> 1;
                    case "kioskSeq" -> 2;
                    case "streamType" -> 3;
                    case "streamId" -> 4;
                    case "streamVersion" -> 5;
                    case "eventType" -> 6;
                    case "schemaVersion" -> 7;
                    case "payload" -> 8;
                    case "contentHash" -> 9;
                    case "recordedAt" -> 10;
                    case "hlc" -> 11;
                    case "actor" -> 12;
                    default -> -1;
                };
                seen = seen(seen, f);
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
            }
            atEndOfObject();
            return new WireEntry(entryId, kioskId, kioskSeq, streamType, streamId, streamVersion, eventType, schemaVersion,
                    payload, contentHash, recordedAt, hlc, actor);
        }

        private String string() throws IOException {
            next(JsonToken.VALUE_STRING);
            return p.getText();
        }

        /** An integer within long (a fraction, an exponent or a bigger number: the binder decides). */
        private long longValue() throws IOException {
            next(JsonToken.VALUE_NUMBER_INT);
            JsonParser.NumberType t = p.getNumberType();
            if (t != JsonParser.NumberType.INT && t != JsonParser.NumberType.LONG) {
                throw unusual();
            }
            return p.getLongValue();
        }

        private int intValue() throws IOException {
            next(JsonToken.VALUE_NUMBER_INT);
            if (p.getNumberType() != JsonParser.NumberType.INT) {
                throw unusual();
            }
            return p.getIntValue();
        }

        /** Only the canonical 8-4-4-4-12 form (either case), read from Jackson's characters; anything else (base64 …) goes to the binder. */
        private UUID uuid() throws IOException {
            next(JsonToken.VALUE_STRING);
            if (p.getTextLength() != 36) {
                throw unusual();
            }
            char[] c = p.getTextCharacters();
            int o = p.getTextOffset();
            long msb = 0;
            long lsb = 0;
            int digits = 0;
            for (int k = 0; k < 36; k++) {
                char ch = c[o + k];
                if (k == 8 || k == 13 || k == 18 || k == 23) {
                    if (ch != '-') {
                        throw unusual();
                    }
                    continue;
                }
                int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
                if (d < 0) {
                    throw unusual();
                }
                if (digits++ < 16) {
                    msb = msb << 4 | d;
                } else {
                    lsb = lsb << 4 | d;
                }
            }
            return new UUID(msb, lsb);
        }

        private Instant instant() throws IOException {
            next(JsonToken.VALUE_STRING);
            Instant t = PushBatchReader.instant(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (t == null) {
                throw unusual();
            }
            return t;
        }

        /**
         * The payload's UTF-8 bytes, encoded from Jackson's decoded characters: {@code getBytes(UTF_8)} of the
         * binder's string, a lone surrogate as {@code '?'}. U+0000 (an escape, or an overlong form Jackson
         * decodes) goes to the binder, whose string the batch check refuses (PostgreSQL's text cannot hold it).
         */
        private Utf8Text payload() throws IOException {
            next(JsonToken.VALUE_STRING);
            char[] c = p.getTextCharacters();
            int i = p.getTextOffset();
            int end = i + p.getTextLength();
            if (scratch.length < 3 * (end - i)) {
                scratch = new byte[Math.max(3 * (end - i), 2 * scratch.length)];
            }
            byte[] out = scratch;
            int n = 0;
            while (i < end) {
                char ch = c[i++];
                if (ch < 0x80) {
                    if (ch == 0) {
                        throw unusual();
                    }
                    out[n++] = (byte) ch;
                } else if (ch < 0x800) {
                    out[n++] = (byte) (0xC0 | ch >> 6);
                    out[n++] = (byte) (0x80 | ch & 0x3F);
                } else if (!Character.isSurrogate(ch)) {
                    out[n++] = (byte) (0xE0 | ch >> 12);
                    out[n++] = (byte) (0x80 | ch >> 6 & 0x3F);
                    out[n++] = (byte) (0x80 | ch & 0x3F);
                } else if (Character.isHighSurrogate(ch) && i < end && Character.isLowSurrogate(c[i])) {
                    int cp = Character.toCodePoint(ch, c[i++]);
                    out[n++] = (byte) (0xF0 | cp >> 18);
                    out[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    out[n++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    out[n++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) writes it
                }
            }
            return Utf8Text.ofUtf8(Arrays.copyOf(out, n));
        }
    }

    /**
     * An instant written as {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} (1–9 fraction digits, upper-case T and Z, no
     * spaces) — what {@link Instant#toString()} and so every kiosk writes — computed without the formatter;
     * null for any other text, which then goes to the binder. For this shape the binder's instant deserializer
     * gives {@code DateTimeFormatter.ISO_INSTANT}'s value, which this equals (fields checked as strictly:
     * month 1–12, a day of that month, hour 0–23, minute and second 0–59).
     */
    static Instant instant(char[] c, int o, int n) {
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
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    /** The value of {@code count} decimal digits, or -1 if any is not a digit. */
    private static int digits(char[] c, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char ch = c[i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
