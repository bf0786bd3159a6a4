package org.hospital.continuity.sync.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.sync.protocol.SyncJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    private static AuditRecord entry(String action, String recordId, String detail) {
        return AuditRecord.of(Instant.parse("2026-11-21T06:30:00.123456789Z"), "acct-7", "STAFF", action, "CHANGE", "SUCCESS",
                "10.0.0.7", "registrations", recordId, detail);
    }

    @Test
    @DisplayName("HR-8 a new entry: fresh id, time to the microsecond, missing texts empty, not chained yet")
    void aNewEntry() {
        AuditRecord r = AuditRecord.of(Instant.parse("2026-11-21T06:30:00.123456789Z"), "acct-7", "STAFF", "POST /api/x", "CHANGE",
                "SUCCESS", null, null, null, null);
        assertThat(r.at()).isEqualTo(Instant.parse("2026-11-21T06:30:00.123456Z"));
        assertThat(r.source()).isEmpty();
        assertThat(r.detail()).isEmpty();
        assertThat(r.seq()).isZero();
        assertThat(r.hash()).isNull();
        assertThat(r.id()).isNotEqualTo(entry("x", "", "").id());
    }

    @Test
    @DisplayName("texts over their field's limit are clipped to the limit, ending in …; so a kiosk's entry is never refused by the server for its length")
    void longTextsAreClippedToTheLimit() {
        AuditRecord r = entry("POST " + "/x".repeat(400), "id=" + "9".repeat(1000), "d".repeat(501));
        assertThat(r.action()).hasSize(AuditRecord.MAX_ACTION).startsWith("POST /x/x").endsWith("…");
        assertThat(r.recordId()).hasSize(AuditRecord.MAX_RECORD_ID).endsWith("9…");
        assertThat(r.detail()).hasSize(AuditRecord.MAX_DETAIL).endsWith("d…");
        AuditRecord exact = entry("a".repeat(300), "b".repeat(300), "c".repeat(500));
        assertThat(exact.action()).isEqualTo("a".repeat(300));
        assertThat(exact.recordId()).isEqualTo("b".repeat(300));
        assertThat(exact.detail()).isEqualTo("c".repeat(500));
        String actor = "😀".repeat(150); // 300 chars: the clip does not split the pair at 199/200
        String clipped = AuditRecord.of(Instant.EPOCH, actor, "STAFF", "x", "CHANGE", "SUCCESS", "", "", "", "").actor();
        assertThat(clipped.length()).isLessThanOrEqualTo(AuditRecord.MAX_ACTOR);
        assertThat(clipped).isEqualTo("😀".repeat(99) + "…");
        assertThat(AuditRecord.clip(null, 5)).isNull();
    }

    @Test
    @DisplayName("HR-9 chained: the hash covers the position and the previous hash; withChain moves an entry without touching its content")
    void chainingAndPositions() {
        AuditRecord r = entry("POST /api/x", "id=1", "");
        AuditRecord first = r.chainedAfter(1, AuditChain.GENESIS);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(first.hash()).isEqualTo(AuditChain.hash(first));
        AuditRecord elsewhere = first.withChain(7, "a".repeat(64), "b".repeat(64));
        assertThat(elsewhere).isEqualTo(new AuditRecord(7, r.id(), r.at(), r.actor(), r.actorKind(), r.action(), r.category(),
                r.outcome(), r.source(), r.recordType(), r.recordId(), r.detail(), "a".repeat(64), "b".repeat(64)));
        assertThat(r.chainedAfter(2, first.hash()).hash()).isNotEqualTo(first.hash());
        assertThat(r.chainedAfter(1, AuditChain.GENESIS, "kiosk-1").hash()).isNotEqualTo(first.hash());
    }

    @Test
    @DisplayName("HR-8 the upload body carries every field of the record under its name and reads back to the same record, hash intact")
    void theWireFormCarriesEveryField() throws Exception {
        AuditRecord a = entry("POST /api/registrations", "created=0b9a7a64", "").chainedAfter(1, AuditChain.GENESIS);
        AuditRecord b = entry("GET /api/registrations/{id}", "id=0b9a7a64", "补录 \"x\"").chainedAfter(2, a.hash());
        Map<String, Object> entry = AuditWire.entry(a);
        assertThat(entry.keySet()).containsExactlyElementsOf(
                Arrays.stream(AuditRecord.class.getRecordComponents()).map(RecordComponent::getName).toList());
        assertThat(entry.get("at")).isEqualTo("2026-11-21T06:30:00.123456Z");
        assertThat(entry.get("id")).isEqualTo(a.id().toString());

        ObjectMapper json = SyncJson.mapper();
        byte[] body = json.writeValueAsBytes(AuditWire.upload(List.of(a, b)));
        Upload back = json.readValue(body, Upload.class);
        assertThat(back.entries()).containsExactly(a, b);
        AuditChain.Walker w = new AuditChain.Walker();
        back.entries().forEach(w::next);
        assertThat(w.firstBreak()).isEmpty();
    }

    /** What the server reads the upload into (its own type adds validation). */
    record Upload(List<AuditRecord> entries) {
    }
}
