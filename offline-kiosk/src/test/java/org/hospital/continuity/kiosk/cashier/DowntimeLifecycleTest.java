package org.hospital.continuity.kiosk.cashier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The breakpoint's life: downtime in, captures, recovery out, records kept apart; pools running dry and refilled. */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class DowntimeLifecycleTest {

    @Test
    @DisplayName("EP-8.3 records before and after the breakpoint are kept apart; after recovery captures stop but IOUs can be exchanged")
    void breakpointKeepsRecordsApart() {
        String cookie = Desk.inDowntime();
        // EP-4.4: the IOU below is only for an insured patient, so the registration carries an insurance type and card
        Map<String, Object> known = new HashMap<>(Map.of("knownPatientId", "P0003", "ageYears", 36, "insuranceType", "EMPLOYEE",
                "insuranceCard", "YB20261234", "departmentCode", "WK", "doctorCode", "D201", "feeItemCode", "S0004"));
        JsonPath reg = given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(known).post("/api/registrations").then()
                .statusCode(201).extract().jsonPath();
        assertThat(reg.getString("details.name")).as("a known patient is picked, not retyped").isEqualTo("孙测试");
        assertThat(reg.getLong("details.feeFen")).isEqualTo(1500);
        String iou = given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("registrationId", reg.getString("id"), "settlement", "IOU", "phone", "13800000003",
                        "lines", List.of(Map.of("code", "S0101", "quantity", 1))))
                .post("/api/charges").then().statusCode(201).extract().path("details.iouId");

        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(Map.of("source", "ANNOUNCED"))
                .post("/api/mode/normal").then().statusCode(422).body("violations[0].field", equalTo("instructionId"));
        // EP-6.1: only an instruction this kiosk received can be followed; an id it never received is refused, and a
        // recovery phoned in is confirmed by a second person with a supervisor role
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(Map.of("source", "ANNOUNCED", "instructionId", "INS-2026-118"))
                .post("/api/mode/normal").then().statusCode(422).body("type", equalTo("/problems/instruction-not-received"));
        long left = ((Number) given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Desk.phoned("信息科电话通知：HIS已恢复，开始补录"))
                .post("/api/mode/normal").then().statusCode(200).body("mode.phase", equalTo("AFTER_RECOVERY"))
                .extract().path("kioskSeq")).longValue();

        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(known).post("/api/registrations").then()
                .statusCode(409).body("rule", equalTo("EP-6.1"));
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(Map.of("formalInvoiceNo", "HIS-778"))
                .post("/api/ious/" + iou + "/exchange").then().statusCode(200);

        JsonPath journal = given().cookie("kiosk_session", cookie).get("/api/journal?after=0&limit=10000").then().statusCode(200)
                .extract().jsonPath();
        List<Integer> seqs = journal.getList("kioskSeq", Integer.class);
        List<String> phases = journal.getList("phase");
        List<String> events = journal.getList("eventType");
        int leftAt = seqs.indexOf((int) left);
        assertThat(events.get(leftAt)).isEqualTo("DowntimeLeft");
        assertThat(phases.subList(leftAt, phases.size())).containsOnly("AFTER_RECOVERY");
        assertThat(events.get(events.size() - 1)).isEqualTo("IouExchanged");
        int lastEntered = events.lastIndexOf("DowntimeEntered");
        assertThat(phases.subList(lastEntered, leftAt)).containsOnly("DOWNTIME");

        // the next outage starts a new breakpoint
        Desk.inDowntime();
        given().cookie("kiosk_session", cookie).get("/api/mode").then().body("downtime", equalTo(true));
    }

    @Test
    @DisplayName("EP-6.2.3 when the invoice pool runs dry the kiosk warns, refuses cleanly and stores nothing, until refilled")
    void invoicePoolRunsDryAndIsRefilled() {
        String cookie = Desk.inDowntime();
        int left = ((Number) given().get("/api/status").then().extract().path("pools.find { it.pool == 'INVOICE' }.remaining")).intValue();
        for (int i = 0; i < left; i++) {
            given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(Desk.spoil("演练废票" + i))
                    .post("/api/invoices/spoiled").then().statusCode(200);
        }
        given().get("/api/status").then().body("pools.find { it.pool == 'INVOICE' }.empty", equalTo(true))
                .body("pools.find { it.pool == 'INVOICE' }.low", equalTo(true));
        long before = Desk.lastSeq(cookie);
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("patientName", "王五", "settlement", "PAID", "paymentMethod", "CASH", "lines", List.of(Map.of("code", "D0001", "quantity", 1))))
                .post("/api/charges").then().statusCode(409).body("type", equalTo("/problems/pool-exhausted"))
                .body("detail", org.hamcrest.Matchers.startsWith("本机的手工发票号已用完"));
        assertThat(Desk.lastSeq(cookie)).isEqualTo(before);

        given().cookie("kiosk_session", cookie).post("/api/kiosk/pools/INVOICE/refill").then().statusCode(200);
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("patientName", "王五", "settlement", "PAID", "paymentMethod", "CASH", "lines", List.of(Map.of("code", "D0001", "quantity", 1))))
                .post("/api/charges").then().statusCode(201);
    }
}
