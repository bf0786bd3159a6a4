package org.hospital.continuity.kiosk.journal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.kiosk.audit.app.KioskAuditLog;
import org.hospital.continuity.kiosk.outbox.app.SyncingTraining;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.readiness.ReportingReadiness;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServer;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HR-21 (training on a simulation system): while the server says a drill runs, captures go to the drill's training
 * namespace with training numbers (演练), are sent to the server as training data only, and are purged on the server's
 * signal; real captures before and after the drill stay real and untouched.
 */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class DrillTrainingNamespaceTest {

    @Inject
    ReportingReadiness readiness;
    @Inject
    Journal journal;
    @Inject
    PurgingTraining purging;
    @Inject
    SyncingTraining syncingTraining;
    @Inject
    KioskAuditLog audit;
    @Inject
    KioskDatabase database;

    @AfterEach
    void noDrillLeftBehind() {
        StandInServerResource.server().drill(false);
        readiness.report();
    }

    @Test
    @DisplayName("HR-21 a drill capture goes to the training namespace with 演练 numbers, never to the real journal, real pools or real sync; "
            + "the purge signal removes it whole; real captures before and after the drill are untouched")
    void drillCapturesAreTrainingDataAndArePurged() {
        StandInServer server = StandInServerResource.server();
        UUID drill = UUID.randomUUID();
        String cashier = Desk.inDowntime();
        // a real capture before the drill
        JsonPath before = register(cashier, "真实甲");
        String realId = before.getString("id");
        assertThat(before.getString("details.patientNumber")).doesNotContain("演练");
        long realSeq = Desk.lastSeq(cashier);
        long realPatientsLeft = patientsLeft();
        String kioskId = journal.kioskId().orElseThrow();

        server.drill(drill);
        readiness.report();
        // the drill has its own breakpoint: the real downtime does not carry into the training namespace
        given().cookie("kiosk_session", cashier).get("/api/mode").then().statusCode(200).body("downtime", org.hamcrest.Matchers.is(false));
        given().cookie("kiosk_session", cashier).contentType(ContentType.JSON).body(Desk.phoned("演练：信息科电话通知HIS故障"))
                .post("/api/mode/downtime").then().statusCode(200);
        JsonPath drilled = register(cashier, "演练乙");
        String drillId = drilled.getString("id");
        assertThat(drilled.getString("details.patientNumber")).startsWith("演练-D");
        JsonPath iou = charge(cashier, drillId, "IOU");
        assertThat(iou.getString("details.iouNumber")).startsWith("演练-");
        JsonPath paid = charge(cashier, drillId, "PAID");
        assertThat(paid.getString("details.invoiceNo")).startsWith("演练-SG");
        assertThat(Desk.lastSeq(cashier)).as("the real journal's sequence does not move in a drill").isEqualTo(realSeq);
        assertThat(patientsLeft()).as("a drill draws no real patient number").isEqualTo(realPatientsLeft);
        assertThat(journal.readAfter(realSeq - 1, 1000)).as("the real sync never reads a training entry")
                .allSatisfy(e -> assertThat(e.kioskId()).isEqualTo(kioskId));
        assertThat(purging.held(drill)).isGreaterThanOrEqualTo(5); // downtime, registration, two charges, an IOU slip
        given().cookie("kiosk_session", cashier).get("/api/registrations/" + drillId + "/slip").then().statusCode(200)
                .body(containsString("class=\"training-mark\"")).body(containsString("演练记录"));
        given().cookie("kiosk_session", cashier).get("/api/registrations/" + realId + "/slip").then().statusCode(200)
                .body(not(containsString("class=\"training-mark\"")));

        // training data goes to the server as training data, in the drill's namespace
        assertThat(syncingTraining.run()).isGreaterThanOrEqualTo(5);
        List<Map<?, ?>> sent = server.trainingEntries().stream().filter(e -> drill.toString().equals(e.get("drill"))).toList();
        assertThat(sent).hasSizeGreaterThanOrEqualTo(5).allSatisfy(e -> assertThat(e.get("kioskId")).isEqualTo(TrainingMode.namespace(kioskId, drill)));
        assertThat(syncingTraining.run()).as("sent once").isZero();

        // the drill ends: captures are real again, in the real downtime that was never left
        server.drill(false);
        readiness.report();
        JsonPath after = register(cashier, "真实丙");
        assertThat(after.getString("details.patientNumber")).doesNotContain("演练");
        assertThat(Desk.lastSeq(cashier)).isEqualTo(realSeq + 1);
        // a drill record is never corrected or voided by a real capture
        given().cookie("kiosk_session", cashier).contentType(ContentType.JSON).body(Map.of("formalInvoiceNo", "FP20260001"))
                .post("/api/ious/" + iou.getString("details.iouId") + "/exchange").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.equalTo("/problems/training-record"));
        assertThat(Desk.lastSeq(cashier)).isEqualTo(realSeq + 1);

        // the server purged the drill: the kiosk purges its training namespace on the signal, audited with counts only
        long auditBefore = audit.verify().entries();
        server.purged(drill);
        readiness.report();
        assertThat(audit.verify().entries()).as("the purge is audited once").isEqualTo(auditBefore + 1);
        readiness.report();
        assertThat(audit.verify().entries()).as("a purge is done and audited once").isEqualTo(auditBefore + 1);
        assertThat(purging.held(drill)).isZero();
        given().cookie("kiosk_session", cashier).get("/api/registrations/" + drillId + "/slip").then().statusCode(404);
        given().cookie("kiosk_session", cashier).get("/api/registrations/" + realId + "/slip").then().statusCode(200);
        given().cookie("kiosk_session", cashier).get("/api/registrations/" + after.getString("id") + "/slip").then().statusCode(200);
        assertThat(journal.verify().intact()).as("the real journal is whole").isTrue();
        assertThat(journal.lastSeq()).isEqualTo(realSeq + 1);
        List<org.hospital.continuity.sync.audit.AuditRecord> purgeAudit = audit.after(0, 100_000).stream()
                .filter(r -> r.action().equals("training-purge") && drill.toString().equals(r.recordId())).toList();
        assertThat(purgeAudit).hasSize(1);
        assertThat(purgeAudit.get(0).detail()).matches("training entries=\\d+ read-model rows=\\d+").doesNotContain("演练乙");
    }

    @Test
    @DisplayName("HR-21 a drill's instruction reaching a kiosk that is out of the drill never moves the real mode")
    void aDrillInstructionOutsideTheDrillChangesNothingReal() {
        String cashier = Desk.inDowntime();
        StandInServerResource.server().drill(false);
        readiness.report();
        long before = Desk.lastSeq(cashier);
        StandInServerResource.server().announce("RECOVERING", "【演练 DRILL】信息科通知：HIS已恢复，开始补录", "收费组长乙");
        given().cookie("kiosk_session", cashier).post("/api/mode/instruction/pull").then().statusCode(200);
        given().cookie("kiosk_session", cashier).get("/api/mode").then().statusCode(200).body("downtime", org.hamcrest.Matchers.is(true));
        assertThat(Desk.lastSeq(cashier)).isEqualTo(before);
    }

    @Test
    @DisplayName("HR-9 HR-21 the journal's delete guard lets only training rows go: a real entry can never be deleted")
    void realEntriesStayAppendOnly() {
        Desk.inDowntime();
        assertThatThrownBy(() -> database.inTransaction(c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate("delete from journal where drill_id is null");
            }
        })).isInstanceOf(SQLException.class).hasMessageContaining("never deleted");
        assertThat(journal.verify().intact()).isTrue();
    }

    private long patientsLeft() {
        List<Map<String, Object>> pools = given().get("/api/status").then().statusCode(200).extract().path("pools");
        return pools.stream().filter(p -> "PATIENT".equals(p.get("pool"))).mapToLong(p -> ((Number) p.get("remaining")).longValue()).sum();
    }

    private static JsonPath register(String cookie, String name) {
        return given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("name", name, "sex", "F", "ageYears", 40, "phone", "13912345678", "departmentCode", "NK",
                        "feeItemCode", "S0001", "insuranceType", "EMPLOYEE", "insuranceCard", "YB12345678"))
                .post("/api/registrations").then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath charge(String cookie, String registrationId, String settlement) {
        Map<String, Object> body = new HashMap<>(Map.of("registrationId", registrationId, "settlement", settlement, "phone", "13800000003",
                "lines", List.of(Map.of("code", "S0101", "quantity", 1))));
        if (settlement.equals("PAID")) {
            body.put("paymentMethod", "CASH");
        }
        return given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(body).post("/api/charges").then().statusCode(201)
                .extract().jsonPath();
    }
}
