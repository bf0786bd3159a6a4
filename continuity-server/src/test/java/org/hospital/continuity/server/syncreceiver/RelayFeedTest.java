package org.hospital.continuity.server.syncreceiver;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.protocol.SyncProtocol;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HIS down, LAN up: the server relays what one station pushed to the stations that work on it (EP-6.4–6.7), each station
 * its department's share only (HR-5), as soon as it is stored (long poll).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class RelayFeedTest {

    static final DowntimeRecord.PatientOnForm PATIENT = new DowntimeRecord.PatientOnForm("P-RL-1", "欧阳娜娜", "ZY-RL-1", null,
            "中转测试病区", "12");

    record Station(String kioskId, String secret) {
        String auth() {
            return SyncFixtures.auth(kioskId, secret);
        }
    }

    static void department(String code, String nameZh, String area) {
        int status = TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("code", code, "nameZh", nameZh, "nameEn", code, "area", area)).when().post("/api/departments")
                .then().extract().statusCode();
        assertThat(status).as(code).isIn(201, 409);
    }

    static Station station(String name, String department) {
        String code = TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("name", name, "departmentCode", department))
                .post("/api/admin/kiosks").then().statusCode(201).extract().jsonPath().getString("code");
        JsonPath enrolled = given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/kiosk/enrolments")
                .then().statusCode(201).extract().jsonPath();
        return new Station(enrolled.getString("kioskId"), enrolled.getString("secret"));
    }

    static JournalEntry entry(Station s, long seq, String stream, UUID id, DowntimeRecord record, String event, int schemaVersion) {
        return JournalEntry.seal(UUID.randomUUID(), s.kioskId(), seq, stream, id, 1, event, schemaVersion,
                Contract.write(record), SyncFixtures.T0.plusSeconds(seq), (SyncFixtures.T0.toEpochMilli() + seq) << 16, "acct-rl");
    }

    static void push(Station s, JournalEntry... entries) {
        given().contentType(ContentType.JSON).header("Authorization", s.auth()).body(SyncFixtures.body(s.kioskId(), List.of(entries)))
                .post(SyncProtocol.PUSH_PATH).then().log().ifValidationFails().statusCode(200);
    }

    static JsonPath feed(Station s, String after, long waitMillis) {
        return given().header("Authorization", s.auth()).queryParam("after", after == null ? "" : after).queryParam("waitMillis", waitMillis)
                .get("/api/sync/v1/relay").then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    static final List<DowntimeRecord.ClinicalLine> LINES = List.of(new DowntimeRecord.ClinicalLine("DRUG-NS", "0.9%氯化钠注射液", "250ml",
            "袋", 4, 350, 1400));

    @Test
    @DisplayName("EP-6.5 EP-6.6 EP-6.7 EP-6.2 HR-5 the ward's requisition reaches the pharmacy only, the exam request the med-tech station only, a registration its department's doctors only; the dispense and the exam done come back to the ward; same record ids")
    void recordsFlowBetweenStationsThroughTheServer() {
        department("RL-WARD", "中转测试病区", "NURSE_STATION");
        department("RL-PHARM", "中转测试药房", "PHARMACY");
        department("RL-LAB", "中转测试检验科", "MEDICAL_TECHNOLOGY");
        department("RL-MED", "中转测试内科门诊", "OUTPATIENT_DOCTOR");
        department("RL-SURG", "中转测试外科门诊", "OUTPATIENT_DOCTOR");
        department("RL-CASH", "中转测试收费处", "OUTPATIENT_REGISTRATION");
        Station ward = station("中转病区工作站", "RL-WARD");
        Station pharmacy = station("中转药房工作站", "RL-PHARM");
        Station lab = station("中转检验工作站", "RL-LAB");
        Station medicine = station("中转内科诊室", "RL-MED");
        Station surgery = station("中转外科诊室", "RL-SURG");
        Station cashier = station("中转收费窗口", "RL-CASH");
        // where each station stands before these records
        String wardAt = drain(ward);
        String pharmacyAt = drain(pharmacy);
        String labAt = drain(lab);
        String medicineAt = drain(medicine);
        String surgeryAt = drain(surgery);

        UUID requisition = UUID.randomUUID();
        UUID examRequest = UUID.randomUUID();
        UUID registration = UUID.randomUUID();
        push(ward, entry(ward, 1, "requisition", requisition, new DowntimeRecord.RequisitionIssued(PATIENT, LINES, 1400,
                        List.of("WARD_BACK_ENTRY", "PHARMACY_VOUCHER"), "snap-1", null, null, null), "RequisitionIssued", 1),
                entry(ward, 2, "clinical-order", examRequest, new DowntimeRecord.OrderWritten(PATIENT, "EXAM", "腹部B超", "NONE", null, null),
                        "OrderWritten", 1));
        push(cashier, entry(cashier, 1, "registration", registration, new DowntimeRecord.PatientRegistered("DT-RL-0001", null, "司马康",
                "M", java.time.LocalDate.of(1980, 3, 9), null, null, null, "SELF_PAY", null, "RL-MED", null, "REG-01", "普通门诊挂号", 1000,
                null, null, null), "PatientRegistered", 2));

        JsonPath p = feed(pharmacy, pharmacyAt, 5000);
        assertThat(p.getList("entries.recordId")).containsExactly(requisition.toString());
        assertThat(p.getString("entries[0].payload.lines[0].code")).isEqualTo("DRUG-NS");
        assertThat(p.getString("entries[0].departmentCode")).isEqualTo("RL-WARD");
        assertThat(feed(lab, labAt, 5000).getList("entries.recordId")).containsExactly(examRequest.toString());
        assertThat(feed(medicine, medicineAt, 5000).getList("entries.recordId")).containsExactly(registration.toString());
        assertThat(feed(surgery, surgeryAt, 200).getList("entries")).as("HR-5: another department's registration").isEmpty();
        JsonPath w = feed(ward, wardAt, 200);
        assertThat(w.getList("entries")).as("a station never gets its own records back").isEmpty();
        wardAt = w.getString("cursor");

        // the pharmacy fills the requisition, the lab registers the exam done: both come back to the ward, nowhere else
        UUID dispense = UUID.randomUUID();
        UUID examDone = UUID.randomUUID();
        push(pharmacy, entry(pharmacy, 1, "dispense", dispense, new DowntimeRecord.Dispensed(requisition, "requisition", PATIENT, LINES, 1400,
                "snap-1", null, null, null), "Dispensed", 1));
        push(lab, entry(lab, 1, "exam-register", examDone, new DowntimeRecord.ExamsRegistered(PATIENT, "B-017",
                List.of(new DowntimeRecord.ExamDone(null, "腹部B超", 12000)), 12000, null, null), "ExamsRegistered", 1));
        JsonPath back = feed(ward, wardAt, 5000);
        List<String> ids = new java.util.ArrayList<>(back.getList("entries.recordId"));
        if (ids.size() < 2) {
            ids.addAll(feed(ward, back.getString("cursor"), 5000).getList("entries.recordId"));
        }
        assertThat(ids).containsExactlyInAnyOrder(dispense.toString(), examDone.toString());
        assertThat(feed(medicine, medicineAt, 200).getList("entries.recordId")).containsExactly(registration.toString());
    }

    @Test
    @DisplayName("EP-6.7 a waiting pharmacy station gets the ward's requisition as soon as it is pushed (long poll), well under a second")
    void aWaitingStationIsAnsweredAtOnce() throws Exception {
        department("RL-WARD", "中转测试病区", "NURSE_STATION");
        department("RL-PHARM", "中转测试药房", "PHARMACY");
        Station ward = station("中转病区工作站二", "RL-WARD");
        Station pharmacy = station("中转药房工作站二", "RL-PHARM");
        String at = drain(pharmacy);
        long asked = System.nanoTime();
        CompletableFuture<JsonPath> waiting = CompletableFuture.supplyAsync(() -> feed(pharmacy, at, 20_000));
        Thread.sleep(1500);
        assertThat(waiting).as("nothing for it yet: it waits").isNotDone();
        UUID requisition = UUID.randomUUID();
        long pushed = System.nanoTime();
        push(ward, entry(ward, 1, "requisition", requisition, new DowntimeRecord.RequisitionIssued(PATIENT, LINES, 1400,
                List.of("WARD_BACK_ENTRY", "PHARMACY_VOUCHER"), "snap-1", null, null, null), "RequisitionIssued", 1));
        JsonPath got = waiting.get(10, TimeUnit.SECONDS);
        long answered = System.nanoTime();
        assertThat(got.getList("entries.recordId")).containsExactly(requisition.toString());
        assertThat(TimeUnit.NANOSECONDS.toMillis(answered - pushed)).as("push → answer").isLessThan(1000);
        assertThat(TimeUnit.NANOSECONDS.toMillis(answered - asked)).isGreaterThan(1400);
    }

    @Test
    @DisplayName("the relay answers kiosks only: 401 problem+json without a credential or with a wrong one")
    void onlyKiosksAreAnswered() {
        given().get("/api/sync/v1/relay").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", SyncFixtures.auth("nobody", "wrong")).get("/api/sync/v1/relay").then().statusCode(401)
                .contentType("application/problem+json");
    }

    /** Reads a station's feed to its end (records of earlier tests), the cursor it ends at. */
    static String drain(Station s) {
        String at = "";
        for (int i = 0; i < 100; i++) {
            JsonPath p = feed(s, at, 0);
            at = p.getString("cursor");
            if (!p.getBoolean("more")) {
                return at;
            }
        }
        return at;
    }
}
