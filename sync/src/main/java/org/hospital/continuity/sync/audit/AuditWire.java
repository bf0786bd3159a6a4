package org.hospital.continuity.sync.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of audit entries as a kiosk sends them to the server ({@code POST /api/kiosk/audit}, HR-8):
 * {@code {"entries": [{"seq": …, "id": "…", "at": "…", …, "prevHash": "…", "hash": "…"}]}}. Every field of
 * {@link AuditRecord} under its component name; the id and the instant as strings ({@link java.time.Instant#toString()},
 * to the microsecond), so the body is the same whatever JSON mapper writes it (the kiosk's, a test client's),
 * and the server reads it back into the record whose hash the kiosk computed.
 */
public final class AuditWire {

    private AuditWire() {
    }

    /** One entry as a JSON object, fields in the record's order. */
    public static Map<String, Object> entry(AuditRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", r.seq());
        m.put("id", r.id().toString());
        m.put("at", r.at().toString());
        m.put("actor", r.actor());
        m.put("actorKind", r.actorKind());
        m.put("action", r.action());
        m.put("category", r.category());
        m.put("outcome", r.outcome());
        m.put("source", r.source());
        m.put("recordType", r.recordType());
        m.put("recordId", r.recordId());
        m.put("detail", r.detail());
        m.put("prevHash", r.prevHash());
        m.put("hash", r.hash());
        return m;
    }

    /** The upload body: the entries, in chain order. */
    public static Map<String, Object> upload(List<AuditRecord> entries) {
        List<Map<String, Object>> list = new ArrayList<>(entries.size());
        for (AuditRecord r : entries) {
            list.add(entry(r));
        }
        return Map.of("entries", list);
    }
}
