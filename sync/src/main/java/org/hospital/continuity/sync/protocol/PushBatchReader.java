package org.hospital.continuity.sync.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the JSON body of a {@link PushBatch} (wire version 1) on the receiver's hot path: one pass
 * of Jackson's streaming parser straight into the {@link WireEntry} records, without the data
 * binder's per-property machinery (a 200,000-entry backlog is 200 bodies of 1,000 entries).
 *
 * <p>The fast path accepts only the shape the kiosks send: an object with the known fields, each
 * with the token type its Java field expects (strings, integers within range, canonical 36-character
 * UUIDs, instants as {@link Instant#toString()} writes them), no field twice, no nulls. On anything else —
 * unknown fields from a newer peer, nulls, numbers as strings, a syntax error, a value the binder
 * would refuse — it hands the body to the {@link SyncJson} data binder and returns (or throws)
 * exactly what the binder does. So the accepted input, the result and every error message stay
 * those of {@code mapper.readValue(body, PushBatch.class)}; only the usual case is faster.
 */
public final class PushBatchReader {

    private final ObjectMapper binder;

    /** @param binder the {@link SyncJson} mapper; its parser factory is used for the fast path, itself for the fallback */
    public PushBatchReader(ObjectMapper binder) {
        this.binder = binder;
    }

    public PushBatchReader() {
        this(SyncJson.mapper());
    }

    /** The batch of this body, as {@code binder.readValue(body, PushBatch.class)} would give it. */
    public PushBatch read(byte[] body) throws IOException {
        PushBatch fast = fast(body);
        return fast != null ? fast : binder.readValue(body, PushBatch.class);
    }

    /** The batch by the streaming fast path, or null when the body is not of the usual shape. */
    PushBatch fast(byte[] body) {
        try (JsonParser p = binder.getFactory().createParser(body)) {
            return batch(p);
        } catch (IOException | RuntimeException unusual) {
            return null;
        }
    }

    /** {@code null} means "not the usual shape, ask the binder". */
    private static PushBatch batch(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Integer protocol = null;
        String kioskId = null;
        UUID batchId = null;
        Backlog backlog = null;
        List<WireEntry> entries = null;
        int seen = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int bit;
            switch (name) {
                case "protocol" -> {
                    bit = 1;
                    protocol = intValue(p, v);
                    if (protocol == null) {
                        return null;
                    }
                }
                case "kioskId" -> {
                    bit = 2;
                    if (v != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    kioskId = p.getText();
                }
                case "batchId" -> {
                    bit = 4;
                    batchId = uuid(p, v);
                    if (batchId == null) {
                        return null;
                    }
                }
                case "backlog" -> {
                    bit = 8;
                    backlog = backlog(p, v);
                    if (backlog == null) {
                        return null;
                    }
                }
                case "entries" -> {
                    bit = 16;
                    entries = entries(p, v);
                    if (entries == null) {
                        return null;
                    }
                }
                default -> {
                    return null;
                }
            }
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
        }
        if (t != JsonToken.END_OBJECT) {
            return null;
        }
        return new PushBatch(protocol, kioskId, batchId, backlog, entries);
    }

    private static Backlog backlog(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            return null;
        }
        long pending = 0;
        Instant oldest = null;
        long lastSeq = 0;
        int seen = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            int bit;
            switch (name) {
                case "pending" -> {
                    bit = 1;
                    Long l = longValue(p, value);
                    if (l == null) {
                        return null;
                    }
                    pending = l;
                }
                case "oldestUnsentAt" -> {
                    bit = 2;
                    oldest = instant(p, value);
                    if (oldest == null) {
                        return null;
                    }
                }
                case "lastSeq" -> {
                    bit = 4;
                    Long l = longValue(p, value);
                    if (l == null) {
                        return null;
                    }
                    lastSeq = l;
                }
                default -> {
                    return null;
                }
            }
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
        }
        if (t != JsonToken.END_OBJECT || pending < 0 || lastSeq < 0) {
            return null;
        }
        return new Backlog(pending, oldest, lastSeq);
    }

    private static List<WireEntry> entries(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            return null;
        }
        List<WireEntry> list = new ArrayList<>(SyncProtocol.MAX_BATCH_ENTRIES);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            WireEntry e = entry(p);
            if (e == null) {
                return null;
            }
            list.add(e);
        }
        return t == JsonToken.END_ARRAY ? list : null;
    }

    private static WireEntry entry(JsonParser p) throws IOException {
        UUID entryId = null;
        String kioskId = null;
        Long kioskSeq = null;
        String streamType = null;
        UUID streamId = null;
        Integer streamVersion = null;
        String eventType = null;
        Integer schemaVersion = null;
        String payload = null;
        String contentHash = null;
        Instant recordedAt = null;
        Long hlc = null;
        String actor = null;
        int seen = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int bit;
            Object value;
            switch (name) {
                case "entryId" -> {
                    bit = 1;
                    value = entryId = uuid(p, v);
                }
                case "kioskId" -> {
                    bit = 2;
                    value = kioskId = string(p, v);
                }
                case "kioskSeq" -> {
                    bit = 4;
                    value = kioskSeq = longValue(p, v);
                }
                case "streamType" -> {
                    bit = 8;
                    value = streamType = string(p, v);
                }
                case "streamId" -> {
                    bit = 16;
                    value = streamId = uuid(p, v);
                }
                case "streamVersion" -> {
                    bit = 32;
                    value = streamVersion = intValue(p, v);
                }
                case "eventType" -> {
                    bit = 64;
                    value = eventType = string(p, v);
                }
                case "schemaVersion" -> {
                    bit = 128;
                    value = schemaVersion = intValue(p, v);
                }
                case "payload" -> {
                    bit = 256;
                    value = payload = string(p, v);
                }
                case "contentHash" -> {
                    bit = 512;
                    value = contentHash = string(p, v);
                }
                case "recordedAt" -> {
                    bit = 1024;
                    value = recordedAt = instant(p, v);
                }
                case "hlc" -> {
                    bit = 2048;
                    value = hlc = longValue(p, v);
                }
                case "actor" -> {
                    bit = 4096;
                    value = actor = string(p, v);
                }
                default -> {
                    return null;
                }
            }
            if (value == null || (seen & bit) != 0) {
                return null;
            }
            seen |= bit;
        }
        if (t != JsonToken.END_OBJECT) {
            return null;
        }
        return new WireEntry(entryId, kioskId, kioskSeq, streamType, streamId, streamVersion, eventType, schemaVersion,
                payload, contentHash, recordedAt, hlc, actor);
    }

    private static String string(JsonParser p, JsonToken v) throws IOException {
        return v == JsonToken.VALUE_STRING ? p.getText() : null;
    }

    private static Integer intValue(JsonParser p, JsonToken v) throws IOException {
        return v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : null;
    }

    private static Long longValue(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT) {
            return null;
        }
        JsonParser.NumberType type = p.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG ? p.getLongValue() : null;
    }

    /** Only the canonical 8-4-4-4-12 form (either case); anything else (base64, short groups) goes to the binder. */
    private static UUID uuid(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING || p.getTextLength() != 36) {
            return null;
        }
        char[] c = p.getTextCharacters();
        int o = p.getTextOffset();
        long msb = 0;
        long lsb = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char ch = c[o + i];
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (ch != '-') {
                    return null;
                }
                continue;
            }
            int d = hex(ch);
            if (d < 0) {
                return null;
            }
            if (digits < 16) {
                msb = (msb << 4) | d;
            } else {
                lsb = (lsb << 4) | d;
            }
            digits++;
        }
        return new UUID(msb, lsb);
    }

    private static int hex(char ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        if (ch >= 'a' && ch <= 'f') {
            return ch - 'a' + 10;
        }
        if (ch >= 'A' && ch <= 'F') {
            return ch - 'A' + 10;
        }
        return -1;
    }

    private static Instant instant(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            return null;
        }
        return instant(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /**
     * An instant written as {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} (1–9 fraction digits, upper-case T and Z,
     * no spaces) — what {@link Instant#toString()} and so every kiosk writes — computed without the
     * formatter; null for any other text, which then goes to the binder. For this shape the binder's
     * instant deserializer gives {@code DateTimeFormatter.ISO_INSTANT}'s value, which this equals
     * (fields checked as strictly: month 1–12, a day of that month, hour 0–23, minute and second 0–59).
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
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
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
