package org.hospital.continuity.kiosk.cashier;

import jakarta.inject.Inject;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cashier desk through the kiosk's HTTP API, with the server gone after enrolment. */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class CashierDeskTest {

    @Inject
    org.hospital.continuity.kiosk.journal.Journal journal;

    @org.junit.jupiter.api.AfterEach
    void everyEntryJournalledIsARecordOfTheContract() {
        org.hospital.continuity.kiosk.support.ContractCheck.everyEntryIsARecordOfTheContract(journal);
    }

    String cookie;

    @BeforeEach
    void downtime() {
        cookie = Desk.inDowntime();
        given().contentType(ContentType.JSON).body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
    }

    static Map<String, Object> registration() {
        Map<String, Object> r = new HashMap<>();
        r.put("name", "李小明");
        r.put("sex", "M");
        r.put("birthDate", "1985-06-01");
        r.put("idNumber", "11010519850601001" + org.hospital.continuity.kiosk.capture.ResidentIdNumber.checkCharacter("11010519850601001"));
        r.put("phone", "13912345678");
        r.put("insuranceType", "EMPLOYEE");
        r.put("insuranceCard", "YB12345678");
        r.put("departmentCode", "NK");
        r.put("doctorCode", "D101");
        r.put("feeItemCode", "S0001");
        return r;
    }

    JsonPath register(Map<String, Object> body) {
        return given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(body).post("/api/registrations")
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    @DisplayName("EP-6.2 a registration gets a downtime patient number from the pool, the fee from the snapshot, and the DOWNTIME phase")
    void registersAPatient() {
        JsonPath r = register(registration());
        assertThat(r.getString("details.patientNumber")).matches("D\\d{8}");
        assertThat(r.getLong("details.feeFen")).isEqualTo(1000);
        assertThat(r.getString("phase")).isEqualTo("DOWNTIME");
        JsonPath again = register(registration());
        assertThat(again.getString("details.patientNumber")).isNotEqualTo(r.getString("details.patientNumber"));
        assertThat(again.getLong("kioskSeq")).isEqualTo(r.getLong("kioskSeq") + 1);
    }

    @Test
    @DisplayName("EP-6.2.3 a charge of three items is priced from the snapshot and takes the next number of the manual invoice register")
    void chargesThreeItemsWithAnInvoice() {
        String registrationId = register(registration()).getString("id");
        JsonPath c = given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("registrationId", registrationId, "settlement", "PAID", "paymentMethod", "CASH",
                        "lines", List.of(Map.of("code", "D0001", "quantity", 2), Map.of("code", "s0101", "quantity", 1),
                                Map.of("code", "D0002", "quantity", 3))))
                .post("/api/charges").then().statusCode(201).extract().jsonPath();
        assertThat(c.getLong("details.totalFen")).isEqualTo(2 * 860 + 2000 + 3 * 1850);
        assertThat(c.getList("details.lines.unitPriceFen", Integer.class)).containsExactly(860, 2000, 1850);
        String invoice = c.getString("details.invoiceNo");
        assertThat(invoice).matches("SG\\d{8}");
        given().cookie("kiosk_session", cookie).get("/api/invoices").then().statusCode(200)
                .body("find { it.invoiceNo == '" + invoice + "' }.status", equalTo("USED"))
                .body("find { it.invoiceNo == '" + invoice + "' }.amountFen", equalTo(9270));

        // HR-9: a void of a money record needs a second person: a cashier lead other than the one voiding, with their password
        String pw = org.hospital.continuity.kiosk.support.StandInServer.PASSWORD;
        long before = journal.lastSeq();
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(Map.of("reason", "病人退费"))
                .post("/api/invoices/" + invoice + "/void").then().statusCode(422)
                .body("violations.field", org.hamcrest.Matchers.hasItems("approverAccountId", "approverPassword"));
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("reason", "病人退费", "approverAccountId", "super-1", "approverPassword", pw))
                .post("/api/invoices/" + invoice + "/void").then().statusCode(422)
                .body("violations.find { it.field == 'approverAccountId' }.message", equalTo("批准人不能是作废发票的收款员本人，请由另一位收费组长确认。"));
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("reason", "病人退费", "approverAccountId", "cashier-1", "approverPassword", pw))
                .post("/api/invoices/" + invoice + "/void").then().statusCode(422)
                .body("violations.find { it.field == 'approverAccountId' }.message", equalTo("批准人必须是收费组长（主管）。"));
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("reason", "病人退费", "approverAccountId", "super-2", "approverPassword", "wrong-password"))
                .post("/api/invoices/" + invoice + "/void").then().statusCode(422).body("violations.field", hasItem("approverPassword"));
        assertThat(journal.lastSeq()).as("nothing journaled by a refused void").isEqualTo(before);
        given().cookie("kiosk_session", cookie).get("/api/invoices").then().statusCode(200)
                .body("find { it.invoiceNo == '" + invoice + "' }.status", equalTo("USED"));
        // HR-9: voiding is a new entry with a reason; the number stays in the register
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("reason", "病人退费", "approverAccountId", "super-2", "approverPassword", pw))
                .post("/api/invoices/" + invoice + "/void").then().statusCode(200).body("status", equalTo("VOIDED"))
                .body("voidReason", equalTo("病人退费"));
        // both names journaled: the voider as the entry's actor, the approver in the record (schema version 2); the charge as
        // captured stays readable as the stream's first entry
        var voidEntry = journal.readAfter(before, 10).get(0);
        assertThat(voidEntry.eventType()).isEqualTo("InvoiceVoided");
        assertThat(voidEntry.schemaVersion()).isEqualTo(2);
        assertThat(voidEntry.actor()).isEqualTo("super-1");
        assertThat(voidEntry.payload()).contains("\"approvedBy\":\"super-2\"").contains("\"approvedByName\":\"收费组长丙\"");
        var stream = journal.stream(voidEntry.streamId());
        assertThat(stream).extracting(r -> r.entry().eventType()).containsExactly("ChargeRecorded", "InvoiceVoided");
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(Map.of("reason", "再次作废"))
                .post("/api/invoices/" + invoice + "/void").then().statusCode(409);
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .post("/api/invoices/spoiled").then().statusCode(422).body("violations.field", hasItem("reason"));
        // HR-9: spoiling a blank invoice needs the same second person: none, oneself, a cashier without the lead's role, a
        // wrong password — 422 naming the field, nothing journaled
        long beforeSpoil = journal.lastSeq();
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(Map.of("reason", "打印错位"))
                .post("/api/invoices/spoiled").then().statusCode(422).body("violations.field", hasItem("approverAccountId"));
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("reason", "打印错位", "approverAccountId", "SUPER-1", "approverPassword", pw))
                .post("/api/invoices/spoiled").then().statusCode(422).body("violations.field", hasItem("approverAccountId"));
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("reason", "打印错位", "approverAccountId", "cashier-1", "approverPassword", pw))
                .post("/api/invoices/spoiled").then().statusCode(422).body("violations.field", hasItem("approverAccountId"));
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("reason", "打印错位", "approverAccountId", "super-2", "approverPassword", "wrong-password"))
                .post("/api/invoices/spoiled").then().statusCode(422).body("violations.field", hasItem("approverPassword"));
        assertThat(journal.lastSeq()).as("nothing journaled by a refused spoil").isEqualTo(beforeSpoil);
        String spoiled = given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("reason", "打印错位", "approverAccountId", "super-2", "approverPassword", pw))
                .post("/api/invoices/spoiled").then().statusCode(200).body("status", equalTo("VOIDED")).extract().path("invoiceNo");
        assertThat(spoiled).isGreaterThan(invoice);
        // both names journaled: the spoiler as the entry's actor, the approver in the record (schema version 2)
        var spoilEntry = journal.readAfter(beforeSpoil, 10).get(0);
        assertThat(spoilEntry.eventType()).isEqualTo("InvoiceNumberSpoiled");
        assertThat(spoilEntry.schemaVersion()).isEqualTo(2);
        assertThat(spoilEntry.actor()).isEqualTo("super-1");
        assertThat(spoilEntry.payload()).contains("\"approvedBy\":\"super-2\"").contains("\"approvedByName\":\"收费组长丙\"");
    }

    @Test
    @DisplayName("EP-4.4 with insurance down an IOU slip with a phone number is issued, listed as open, and exchanged after recovery")
    void issuesAndExchangesAnIou() {
        // EP-4.4: an IOU stands in for the insurer's share, so only an insured patient (type and card) gets one
        Map<String, Object> body = Map.of("knownPatientId", "P0003", "settlement", "IOU", "insuranceType", "EMPLOYEE", "insuranceCard", "YB20261234",
                "lines", List.of(Map.of("code", "S0102", "quantity", 1)));
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(body).post("/api/charges").then()
                .statusCode(422).body("violations.field", hasItem("phone")).body("violations[0].message", startsWith("打白条"));
        Map<String, Object> withPhone = new HashMap<>(body);
        withPhone.put("phone", "13800000003");
        JsonPath c = given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(withPhone).post("/api/charges").then()
                .statusCode(201).extract().jsonPath();
        assertThat(c.getString("details.invoiceNo")).isNull();
        String iouId = c.getString("details.iouId");
        given().cookie("kiosk_session", cookie).get("/api/ious?open=true").then().statusCode(200)
                .body("find { it.id == '" + iouId + "' }.patientName", equalTo("孙测试"))
                .body("find { it.id == '" + iouId + "' }.amountFen", equalTo(6500));
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(Map.of("formalInvoiceNo", "HIS-2026-0001"))
                .post("/api/ious/" + iouId + "/exchange").then().statusCode(200).body("status", equalTo("EXCHANGED"));
        given().cookie("kiosk_session", cookie).get("/api/ious?open=true").then().body("id", org.hamcrest.Matchers.not(hasItem(iouId)));
    }

    @Test
    @DisplayName("EP-6.3.3 an emergency discharge is settled by hand from the ward's charges less the deposit, with a register number")
    void settlesAnEmergencyDischarge() {
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("patientId", "P0001", "lines", List.of(Map.of("code", "S0101", "quantity", 3)), "examsChecked", false))
                .post("/api/discharge-settlements").then().statusCode(422).body("violations.field", hasItem("examsChecked"));
        JsonPath s = given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body(Map.of("patientId", "P0001", "lines", List.of(Map.of("code", "S0101", "quantity", 3), Map.of("code", "D0010", "quantity", 2)),
                        "examsChecked", true))
                .post("/api/discharge-settlements").then().statusCode(201).extract().jsonPath();
        assertThat(s.getLong("details.totalFen")).isEqualTo(3 * 2000 + 2 * 1200);
        assertThat(s.getLong("details.depositFen")).isEqualTo(300000);
        assertThat(s.getLong("details.balanceFen")).isEqualTo(8400 - 300000);
        given().cookie("kiosk_session", cookie).get("/api/invoices").then()
                .body("find { it.invoiceNo == '" + s.getString("details.invoiceNo") + "' }.purpose", equalTo("DISCHARGE"));
    }

    @Test
    @DisplayName("bad input gets a clear message at the field and stores nothing")
    void badInputIsRefusedAtTheField() {
        long before = Desk.lastSeq(cookie);
        Object[][] cases = {
                {"idNumber", "110105198506010010", "身份证号校验位不对，请核对。"},
                {"idNumber", "12345", "身份证号应为18位。"},
                {"name", "李".repeat(10_000), "姓名太长（最多50个字）。"},
                {"name", "Robert'); DROP TABLE journal;--", null},
                {"name", "<script>alert(1)</script>", null},
                {"name", "张三😀", null},
                {"phone", "12345", null},
                {"departmentCode", "NOPE", "没有这个科室。"},
        };
        for (Object[] c : cases) {
            Map<String, Object> body = registration();
            body.put((String) c[0], c[1]);
            var response = given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(body).post("/api/registrations").then()
                    .statusCode(422).contentType("application/problem+json").body("violations.field", hasItem(c[0]));
            if (c[2] != null) {
                response.body("violations.find { it.field == '" + c[0] + "' }.message", equalTo(c[2]));
            }
        }
        Object[][] lines = {
                {Map.of("code", "D0001", "quantity", -2), "lines[0].quantity", "数量必须是正数。"},
                {Map.of("code", "NOPE-1", "quantity", 1), "lines[0].code", "价表中没有此编码。".replace("此编码", "这个编码")},
                {Map.of("code", "D0001", "quantity", 0), "lines[0].quantity", "数量必须是正数。"},
        };
        for (Object[] l : lines) {
            given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                    .body(Map.of("patientName", "王五", "settlement", "PAID", "paymentMethod", "CASH", "lines", List.of(l[0])))
                    .post("/api/charges").then().statusCode(422).body("violations.find { it.field == '" + l[1] + "' }.message", equalTo(l[2]));
        }
        given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                .body("{\"patientName\":\"王五\",\"settlement\":\"PAID\",\"paymentMethod\":\"CASH\",\"lines\":[{\"code\":\"D0001\",\"quantity\":\"two\"}]}")
                .post("/api/charges").then().statusCode(400).contentType("application/problem+json");
        assertThat(Desk.lastSeq(cookie)).as("nothing was journaled").isEqualTo(before);
    }

    @Test
    @DisplayName("HR-2 captures need a signed-in staff member; logout ends the session")
    void capturesNeedASession() {
        given().contentType(ContentType.JSON).body(registration()).post("/api/registrations").then().statusCode(401);
        String c = Desk.login("cashier-1");
        given().cookie("kiosk_session", c).delete("/api/session").then().statusCode(204);
        given().cookie("kiosk_session", c).contentType(ContentType.JSON).body(registration()).post("/api/registrations").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("accountId", "cashier-1", "password", "wrong1")).post("/api/session").then()
                .statusCode(401).body("detail", equalTo("工号或密码不对。"));
    }

    @Test
    @DisplayName("HR-3 five wrong passwords lock the account on this kiosk, even against the right password")
    void repeatedFailuresLockTheAccount() {
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("accountId", "cashier-9", "password", "wrong" + i)).post("/api/session")
                    .then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("accountId", "cashier-9", "password", "abc123")).post("/api/session")
                .then().statusCode(423).body("rule", equalTo("HR-3"));
    }

    @jakarta.inject.Inject
    org.hospital.continuity.kiosk.support.TestClock clock;

    @Test
    @DisplayName("HR-2 a session left alone expires after 15 minutes even while the banner keeps refreshing")
    void bannerDoesNotKeepASessionAlive() {
        String c = Desk.login("cashier-1");
        try {
            clock.advance(java.time.Duration.ofMinutes(10));
            given().cookie("kiosk_session", c).get("/api/status").then().statusCode(200).body("staff", equalTo("收款员甲"));
            clock.advance(java.time.Duration.ofMinutes(6));
            given().cookie("kiosk_session", c).get("/api/status").then().statusCode(200).body("staff", org.hamcrest.Matchers.nullValue());
            given().cookie("kiosk_session", c).get("/api/session").then().statusCode(401);
        } finally {
            clock.reset();
        }
    }

    @Test
    @DisplayName("EP-6.1 a cashier without the supervisor role cannot start downtime on their own")
    void cashierCannotSwitchMode() {
        String c = Desk.login("cashier-1");
        given().cookie("kiosk_session", c).contentType(ContentType.JSON).body(Map.of("source", "SUPERVISOR", "reason", "我觉得网络慢"))
                .post("/api/mode/normal").then().statusCode(403).body("rule", equalTo("EP-6.1"));
    }

    @Test
    @DisplayName("the catalogue is searched by pinyin initials, code or Chinese name")
    void searchesByPinyin() {
        given().get("/api/reference/search?q=amxl").then().statusCode(200).body("[0].name", equalTo("阿莫西林胶囊"));
        given().get("/api/reference/search?q=d0002").then().body("[0].code", equalTo("D0002"));
        given().get("/api/reference/search?q=血常规").then().body("[0].code", equalTo("S0101"));
    }
}
