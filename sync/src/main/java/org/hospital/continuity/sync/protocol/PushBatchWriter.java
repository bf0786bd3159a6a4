package org.hospital.continuity.sync.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.Utf8Text;

/**
 * Writes the JSON body of a {@link PushBatch} for the kiosk's sender with Jackson's generator
 * directly, byte-identical to {@code SyncJson.mapper().writeValueAsBytes(batch)} (same field order,
 * nulls omitted, ISO-8601 instants, the same string escaping) without the serializer's per-property
 * machinery.
 */
public final class PushBatchWriter {

    private final ObjectMapper mapper;

    /** @param mapper the {@link SyncJson} mapper whose generator factory writes the bytes */
    public PushBatchWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public PushBatchWriter() {
        this(SyncJson.mapper());
    }

    public byte[] write(PushBatch batch) throws IOException {
        List<WireEntry> entries = batch.entries();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (entries == null ? 0 : entries.size() * 900));
        try (JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            if (batch.protocol() != null) {
                g.writeNumberField("protocol", batch.protocol());
            }
            string(g, "kioskId", batch.kioskId());
            uuid(g, "batchId", batch.batchId());
            Backlog b = batch.backlog();
            if (b != null) {
                g.writeObjectFieldStart("backlog");
                g.writeNumberField("pending", b.pending());
                instant(g, "oldestUnsentAt", b.oldestUnsentAt());
                g.writeNumberField("lastSeq", b.lastSeq());
                g.writeEndObject();
            }
            if (entries != null) {
                g.writeArrayFieldStart("entries");
                for (WireEntry e : entries) {
                    if (e == null) {
                        g.writeNull();
                        continue;
                    }
                    g.writeStartObject();
                    uuid(g, "entryId", e.entryId());
                    string(g, "kioskId", e.kioskId());
                    number(g, "kioskSeq", e.kioskSeq());
                    string(g, "streamType", e.streamType());
                    uuid(g, "streamId", e.streamId());
                    number(g, "streamVersion", e.streamVersion());
                    string(g, "eventType", e.eventType());
                    number(g, "schemaVersion", e.schemaVersion());
                    payload(g, e.payload());
                    string(g, "contentHash", e.contentHash());
                    instant(g, "recordedAt", e.recordedAt());
                    number(g, "hlc", e.hlc());
                    string(g, "actor", e.actor());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (batch.unreadable() != null) {
                g.writeArrayFieldStart("unreadable");
                for (UnreadableEntry u : batch.unreadable()) {
                    if (u == null) {
                        g.writeNull();
                        continue;
                    }
                    g.writeStartObject();
                    number(g, "kioskSeq", u.kioskSeq());
                    uuid(g, "entryId", u.entryId());
                    string(g, "eventType", u.eventType());
                    string(g, "contentHash", u.contentHash());
                    string(g, "reason", u.reason());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void string(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /**
     * The payload as the serializer writes it: from its string (the kiosk's payloads are strings). A payload
     * held as UTF-8 bytes (read from a push) is written from its string too, not with
     * {@code writeUTF8String}: Jackson escapes a supplementary character of a string as a surrogate pair
     * ({@code \}{@code ud83d\}{@code ude00}) but copies its four UTF-8 bytes, so the bytes would differ
     * ({@code PushBatchWriterTest}).
     */
    private static void payload(JsonGenerator g, Utf8Text value) throws IOException {
        if (value != null) {
            g.writeStringField("payload", value.toString());
        }
    }

    private static void uuid(JsonGenerator g, String name, UUID value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toString());
        }
    }

    private static void instant(JsonGenerator g, String name, Instant value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toString()); // what the JSR-310 serializer writes: ISO_INSTANT
        }
    }

    private static void number(JsonGenerator g, String name, Long value) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value.longValue());
        }
    }

    private static void number(JsonGenerator g, String name, Integer value) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value.intValue());
        }
    }
}
