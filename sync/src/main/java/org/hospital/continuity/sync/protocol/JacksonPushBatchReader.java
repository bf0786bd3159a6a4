package org.hospital.continuity.sync.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.Utf8Text;

/**
 * Reads the JSON body of a {@link PushBatch} with Jackson's streaming parser over the body's bytes.
 */
public final class JacksonPushBatchReader {

    private final ObjectMapper binder;
    private final JsonFactory factory;

    public JacksonPushBatchReader(ObjectMapper binder) {
        this.binder = binder;
        this.factory = binder.getFactory();
    }

    public PushBatch read(byte[] body) throws IOException {
        PushBatch fast = fast(body);
        return fast != null ? fast : binder.readValue(body, PushBatch.class);
    }

    PushBatch fast(byte[] body) {
        try (JsonParser p = factory.createParser(body)) {
            return new Pass(p).batch();
        } catch (IOException | RuntimeException unusual) {
            return null;
        }
    }

    private static final class Unusual extends RuntimeException {
        static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super("not the usual shape", null, false, false);
        }
    }

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

        PushBatch batch() throws IOException {
            next(JsonToken.START_OBJECT);
            Integer protocol = null;
            String kioskId = null;
            UUID batchId = null;
            Backlog backlog = null;
            List<WireEntry> entries = null;
            int seen = 0;
            String name;
            while ((name = p.nextFieldName()) != null) {
                int f = switch (name) {
                    case "protocol" -> 0;
                    case "kioskId" -> 1;
                    case "batchId" -> 2;
                    case "backlog" -> 3;
                    case "entries" -> 4;
                    default -> throw unusual();
                };
                if ((seen & 1 << f) != 0) {
                    throw unusual();
                }
                seen |= 1 << f;
                switch (f) {
                    case 0 -> protocol = intValue();
                    case 1 -> kioskId = string();
                    case 2 -> batchId = uuid();
                    case 3 -> backlog = backlog();
                    default -> entries = entries();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw unusual();
            }
            return new PushBatch(protocol, kioskId, batchId, backlog, entries);
        }

        private Backlog backlog() throws IOException {
            next(JsonToken.START_OBJECT);
            long pending = 0;
            Instant oldest = null;
            long lastSeq = 0;
            int seen = 0;
            String name;
            while ((name = p.nextFieldName()) != null) {
                int f = switch (name) {
                    case "pending" -> 0;
                    case "oldestUnsentAt" -> 1;
                    case "lastSeq" -> 2;
                    default -> throw unusual();
                };
                if ((seen & 1 << f) != 0) {
                    throw unusual();
                }
                seen |= 1 << f;
                switch (f) {
                    case 0 -> pending = longValue();
                    case 1 -> oldest = instant();
                    default -> lastSeq = longValue();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || pending < 0 || lastSeq < 0) {
                throw unusual();
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
            String name;
            while ((name = p.nextFieldName()) != null) {
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
                    default -> throw unusual();
                };
                if ((seen & 1 << f) != 0) {
                    throw unusual();
                }
                seen |= 1 << f;
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
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw unusual();
            }
            return new WireEntry(entryId, kioskId, kioskSeq, streamType, streamId, streamVersion, eventType, schemaVersion,
                    payload, contentHash, recordedAt, hlc, actor);
        }

        private String string() throws IOException {
            next(JsonToken.VALUE_STRING);
            return p.getText();
        }

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

        private UUID uuid() throws IOException {
            next(JsonToken.VALUE_STRING);
            char[] c = p.getTextCharacters();
            int o = p.getTextOffset();
            if (p.getTextLength() != 36) {
                throw unusual();
            }
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
                int d = Character.digit(ch, 16);
                if (d < 0 || ch > 'f') {
                    throw unusual();
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

        private Instant instant() throws IOException {
            next(JsonToken.VALUE_STRING);
            Instant t = PushBatchReader.instant(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (t == null) {
                throw unusual();
            }
            return t;
        }

        /**
         * The payload's UTF-8 bytes, encoded straight from Jackson's decoded characters (no Java string in
         * between): {@code s.getBytes(UTF_8)} of the string {@code s} the binder would read, a lone surrogate
         * as {@code '?'}. U+0000 (only from an escape or an overlong form) goes to the binder, whose string
         * the batch check refuses.
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
                        throw unusual(); // U+0000: the binder's string reaches the batch check, which refuses it
                    }
                    out[n++] = (byte) ch;
                } else if (ch < 0x800) {
                    out[n++] = (byte) (0xC0 | ch >> 6);
                    out[n++] = (byte) (0x80 | ch & 0x3F);
                } else if (Character.isSurrogate(ch)) {
                    if (Character.isHighSurrogate(ch) && i < end && Character.isLowSurrogate(c[i])) {
                        int cp = Character.toCodePoint(ch, c[i++]);
                        out[n++] = (byte) (0xF0 | cp >> 18);
                        out[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                        out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                        out[n++] = (byte) (0x80 | cp & 0x3F);
                    } else {
                        out[n++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) writes it
                    }
                } else {
                    out[n++] = (byte) (0xE0 | ch >> 12);
                    out[n++] = (byte) (0x80 | ch >> 6 & 0x3F);
                    out[n++] = (byte) (0x80 | ch & 0x3F);
                }
            }
            return Utf8Text.ofUtf8(java.util.Arrays.copyOf(out, n));
        }
    }
}
