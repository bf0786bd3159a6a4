package org.hospital.continuity.server.syncreceiver;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hospital.continuity.server.platform.PostgresResource;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.protocol.SyncProtocol;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** EP-6.7: a pharmacy kiosk dispenses against a prescription captured on another kiosk, once it reached the server. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class RelayedOrdersTest {

    static String prescription(int quantity, UUID corrects) {
        return Contract.write(new DowntimeRecord.PrescriptionWritten(new DowntimeRecord.PatientOnForm(null, "司马光", null, null, null, null),
                "上呼吸道感染", List.of(new DowntimeRecord.DrugLine("DRUG-AMOX", "阿莫西林胶囊", null, "盒", BigDecimal.ONE, "g", "po", "tid",
                quantity, 3, 1850, 1850L * quantity)), 1850L * quantity, false, null, false, null, "snap-1", null, corrects,
                corrects == null ? null : "剂量写错"));
    }

    static JournalEntry entry(long seq, String stream, UUID id, int version, String event, String payload) {
        return entry(seq, stream, id, version, event, 1, payload);
    }

    /** A void or correction as kiosks write it now: schema version 2, approved by a second person (HR-9). */
    static JournalEntry entry(long seq, String stream, UUID id, int version, String event, int schemaVersion, String payload) {
        return JournalEntry.seal(UUID.randomUUID(), "kiosk-t12", seq, stream, id, version, event, schemaVersion, payload,
                SyncFixtures.T0.plusSeconds(seq), (SyncFixtures.T0.toEpochMilli() + seq) << 16, "acct-doctor-1");
    }

    @Test
    @DisplayName("EP-6.7 HR-9 the pharmacy's kiosk gets another kiosk's prescription by its id: its latest correction, or voided; 404 before it is synced; 401 without a kiosk credential")
    void aPrescriptionOfAnotherKioskIsRelayed() {
        UUID rx = UUID.randomUUID();
        UUID fixed = UUID.randomUUID();
        UUID voided = UUID.randomUUID();
        given().get("/api/sync/v1/orders/" + rx).then().statusCode(401);
        given().header("Authorization", SyncFixtures.auth("kiosk-t13", SyncFixtures.TEST_SECRET)).get("/api/sync/v1/orders/" + rx)
                .then().statusCode(404);
        List<JournalEntry> entries = List.of(
                entry(1, "prescription", rx, 1, "PrescriptionWritten", prescription(3, null)),
                entry(2, "prescription", fixed, 1, "PrescriptionWritten", prescription(1, rx)),
                entry(3, "prescription", rx, 2, "ClinicalFormCorrected", 2,
                        Contract.write(new DowntimeRecord.ClinicalFormCorrected(fixed, "剂量写错", "doctor-lead", "主任医师"))),
                entry(4, "prescription", voided, 1, "PrescriptionWritten", prescription(2, null)),
                entry(5, "prescription", voided, 2, "ClinicalFormVoided", 2,
                        Contract.write(new DowntimeRecord.ClinicalFormVoided(voided, "未取药", "doctor-lead", "主任医师"))));
        given().contentType(ContentType.JSON).header("Authorization", SyncFixtures.auth("kiosk-t12", SyncFixtures.TEST_SECRET))
                .body(SyncFixtures.body("kiosk-t12", entries)).post(SyncProtocol.PUSH_PATH).then().log().ifValidationFails().statusCode(200);

        given().header("Authorization", SyncFixtures.auth("kiosk-t13", SyncFixtures.TEST_SECRET)).get("/api/sync/v1/orders/" + rx)
                .then().statusCode(200).body("recordId", equalTo(fixed.toString())).body("asWritten", equalTo(rx.toString()))
                .body("status", equalTo("ACTIVE")).body("payload.lines[0].quantity", equalTo(1)).body("kioskId", equalTo("kiosk-t12"));
        given().header("Authorization", SyncFixtures.auth("kiosk-t13", SyncFixtures.TEST_SECRET)).get("/api/sync/v1/orders/" + voided)
                .then().statusCode(200).body("status", equalTo("VOIDED")).body("asWritten", nullValue());
    }
}
