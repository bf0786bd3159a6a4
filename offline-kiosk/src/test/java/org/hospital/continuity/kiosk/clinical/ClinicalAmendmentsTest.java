package org.hospital.continuity.kiosk.clinical;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HR-9: clinical forms are voided or corrected by new journal entries with a reason, never changed in place. */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class ClinicalAmendmentsTest {

    @org.junit.jupiter.api.AfterEach
    void everyEntryJournalledIsARecordOfTheContract() {
        org.hospital.continuity.kiosk.support.ContractCheck.everyEntryIsARecordOfTheContract(journal);
    }

    @Inject
    Journal journal;

    String supervisor;
    String doctor;

    @BeforeEach
    void downtime() {
        supervisor = Desk.inDowntime();
        doctor = ClinicalFormsTest.as("doctor-1");
        given().contentType(ContentType.JSON).body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
    }

    /** HR-9: the second person who approves a void or correction of a doctor's form (a chief doctor). */
    static Map<String, Object> approved(Map<String, Object> body) {
        Map<String, Object> b = new java.util.HashMap<>(body);
        b.put("approverAccountId", "doctor-2");
        b.put("approverPassword", org.hospital.continuity.kiosk.support.StandInServer.PASSWORD);
        return b;
    }

    String prescribe(String drug, String unit, int quantity) {
        Map<String, Object> p = ClinicalAllergiesTest.prescription("P0003", drug, unit, null);
        p.put("lines", List.of(ClinicalFormsTest.drugLine(drug, "0.1", unit, quantity)));
        return given().cookie("kiosk_session", doctor).contentType(ContentType.JSON).body(p).post("/api/clinical/prescriptions")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    @DisplayName("HR-9 a void is a new entry on the record's stream with its reason; the form is unchanged, prints as voided and cannot be filled")
    void voidWithReason() {
        String rx = prescribe("D0010", "片", 2);
        long before = Desk.lastSeq(supervisor);
        given().cookie("kiosk_session", doctor).contentType(ContentType.JSON).body(approved(Map.of("reason", "x"))).post("/api/clinical/" + rx + "/void")
                .then().statusCode(422).body("violations.field", hasItem("reason"));
        given().cookie("kiosk_session", ClinicalFormsTest.as("nurse-1")).contentType(ContentType.JSON).body(Map.of("reason", "开错病人"))
                .post("/api/clinical/" + rx + "/void").then().statusCode(403);
        assertThat(Desk.lastSeq(supervisor)).isEqualTo(before);

        JsonPath v = given().cookie("kiosk_session", doctor).contentType(ContentType.JSON).body(approved(Map.of("reason", "开错病人")))
                .post("/api/clinical/" + rx + "/void").then().statusCode(200).extract().jsonPath();
        assertThat(v.getString("status")).isEqualTo("VOIDED");
        assertThat(v.getString("amendment.reason")).isEqualTo("开错病人");
        assertThat(v.getString("amendment.actor")).isEqualTo("doctor-1");
        assertThat(v.getInt("details.lines[0].quantity")).as("the form itself is unchanged").isEqualTo(2);
        var stream = journal.stream(UUID.fromString(rx));
        assertThat(stream).extracting(r -> r.entry().eventType()).containsExactly("PrescriptionWritten", "ClinicalFormVoided");
        assertThat(stream.get(1).entry().streamVersion()).isEqualTo(2);

        given().cookie("kiosk_session", doctor).contentType(ContentType.JSON).body(approved(Map.of("reason", "再次作废")))
                .post("/api/clinical/" + rx + "/void").then().statusCode(409).body("rule", equalTo("HR-9"));
        given().cookie("kiosk_session", ClinicalFormsTest.as("pharm-1")).contentType(ContentType.JSON)
                .body(Map.of("fillsRecordId", rx, "lines", List.of(Map.of("code", "D0010", "quantity", 1))))
                .post("/api/clinical/dispenses").then().statusCode(422).body("violations.field", hasItem("fillsRecordId"));
        String html = given().cookie("kiosk_session", doctor).get("/api/clinical/" + rx + "/print").then().statusCode(200).extract().asString();
        // the paper's words are Chinese only; the record id is in the data and the QR, the paper shows its number here
        assertThat(html).contains("已作废", "开错病人", "data-status=\"VOIDED\"", "data-record-id=\"" + rx + "\"");
        assertThat(ClinicalFormsTest.words(html)).contains(ClinicalFormsTest.recordNo(rx)).doesNotContain("VOIDED", rx);
    }

    @Test
    @DisplayName("HR-9 a correction is a new record referring to the old one with the reason; the old one shows corrected, and dispensing against it fills the correction")
    void correctionKeepsTheCrossReference() {
        String rx = prescribe("D0010", "片", 1);
        Map<String, Object> corrected = ClinicalAllergiesTest.prescription("P0003", "D0010", "片", null);
        corrected.put("lines", List.of(ClinicalFormsTest.drugLine("D0010", "0.1", "片", 3)));
        // the corrected form is checked like any form: nothing stored when it is wrong
        long before = Desk.lastSeq(supervisor);
        given().cookie("kiosk_session", doctor).contentType(ContentType.JSON)
                .body(approved(Map.of("reason", "数量写错", "form", Map.of("knownPatientId", "P0003", "diagnosis", "", "lines", List.of()))))
                .post("/api/clinical/" + rx + "/corrections").then().statusCode(422);
        assertThat(Desk.lastSeq(supervisor)).isEqualTo(before);

        JsonPath c = given().cookie("kiosk_session", doctor).contentType(ContentType.JSON).body(approved(Map.of("reason", "数量写错", "form", corrected)))
                .post("/api/clinical/" + rx + "/corrections").then().statusCode(201).extract().jsonPath();
        String fix = c.getString("id");
        assertThat(c.getString("details.corrects")).isEqualTo(rx);
        assertThat(c.getString("details.correctionReason")).isEqualTo("数量写错");
        JsonPath old = given().cookie("kiosk_session", doctor).get("/api/clinical/" + rx).then().statusCode(200).extract().jsonPath();
        assertThat(old.getString("status")).isEqualTo("CORRECTED");
        assertThat(old.getString("amendment.correctedBy")).isEqualTo(fix);
        assertThat(old.getInt("details.lines[0].quantity")).isEqualTo(1);

        // the pharmacist holds the paper of the old record: the dispense fills the correction (3 may be given now)
        JsonPath d = given().cookie("kiosk_session", ClinicalFormsTest.as("pharm-1")).contentType(ContentType.JSON)
                .body(Map.of("fillsRecordId", rx, "lines", List.of(Map.of("code", "D0010", "quantity", 3))))
                .post("/api/clinical/dispenses").then().statusCode(201).extract().jsonPath();
        assertThat(d.getString("details.fills")).isEqualTo(fix);
        assertThat(d.getString("details.fillsAsWritten")).isEqualTo(rx);

        // each paper points at the other record by its number on this kiosk (ids are not shown on papers)
        String rxNo = ClinicalFormsTest.recordNo(rx);
        String fixNo = ClinicalFormsTest.recordNo(fix);
        assertThat(ClinicalFormsTest.words(given().cookie("kiosk_session", doctor).get("/api/clinical/" + rx + "/print").then().extract().asString()))
                .contains("已更正", "见更正后的新单据（本机序号 " + fixNo + "）", "数量写错").doesNotContain(fix, "CORRECTED");
        assertThat(ClinicalFormsTest.words(given().cookie("kiosk_session", doctor).get("/api/clinical/" + fix + "/print").then().extract().asString()))
                .contains("更正原记录", "本机序号 " + rxNo, "数量写错").doesNotContain(rx);
        given().cookie("kiosk_session", doctor).contentType(ContentType.JSON).body(approved(Map.of("reason", "再改一次", "form", corrected)))
                .post("/api/clinical/" + rx + "/corrections").then().statusCode(409);
    }

    @Test
    @DisplayName("HR-9 a corrected order leaves the downtime orders report and its correction takes its place; a voided one leaves it")
    void ordersReportFollowsAmendments() {
        String first = given().cookie("kiosk_session", doctor).contentType(ContentType.JSON)
                .body(Map.of("knownPatientId", "P0001", "kind", "ORDER", "content", "二级护理甲")).post("/api/clinical/orders")
                .then().statusCode(201).extract().path("id");
        String other = given().cookie("kiosk_session", doctor).contentType(ContentType.JSON)
                .body(Map.of("knownPatientId", "P0001", "kind", "ORDER", "content", "低盐饮食乙")).post("/api/clinical/orders")
                .then().statusCode(201).extract().path("id");
        String fix = given().cookie("kiosk_session", doctor).contentType(ContentType.JSON)
                .body(approved(Map.of("reason", "护理级别写错", "form", Map.of("knownPatientId", "P0001", "kind", "ORDER", "content", "一级护理丙"))))
                .post("/api/clinical/" + first + "/corrections").then().statusCode(201).extract().path("id");
        given().cookie("kiosk_session", doctor).contentType(ContentType.JSON).body(approved(Map.of("reason", "医嘱停止")))
                .post("/api/clinical/" + other + "/void").then().statusCode(200);
        String report = given().cookie("kiosk_session", doctor).get("/api/clinical/reports/orders").then().statusCode(200).extract().asString();
        // the report lists the correction by its number on this kiosk (no ids on papers)
        assertThat(report).contains(ClinicalFormsTest.recordNo(fix), "一级护理丙").doesNotContain("二级护理甲", "低盐饮食乙");
    }

    @Test
    @DisplayName("HR-9 a clinical void and a correction need a second person: a supervisor of the form's discipline, not the writer, with their own password; both names journaled and printed")
    void voidsAndCorrectionsNeedASecondPerson() {
        String rx = prescribe("D0010", "片", 2);
        long before = Desk.lastSeq(supervisor);
        String pw = org.hospital.continuity.kiosk.support.StandInServer.PASSWORD;
        // no approver; the writer approving their own void; a wrong password; a supervisor of another discipline (a head nurse
        // for a doctor's prescription); a cashier lead; a doctor who is no supervisor: each a 422 naming the field, nothing journaled
        given().cookie("kiosk_session", doctor).contentType(ContentType.JSON).body(Map.of("reason", "开错病人"))
                .post("/api/clinical/" + rx + "/void").then().statusCode(422)
                .body("violations.field", hasItem("approverAccountId")).body("violations.field", hasItem("approverPassword"));
        Map<String, Object[]> refusals = Map.of(
                "doctor-1", new Object[] {pw, "approverAccountId", "批准人不能是作废或更正这张单据的本人"},
                "doctor-2", new Object[] {"wrong-password", "approverPassword", null},
                "nurse-2", new Object[] {pw, "approverAccountId", "本专业的主管"},
                "super-1", new Object[] {pw, "approverAccountId", "本专业的主管"});
        refusals.forEach((approver, expect) -> {
            var r = given().cookie("kiosk_session", doctor).contentType(ContentType.JSON)
                    .body(Map.of("reason", "开错病人", "approverAccountId", approver, "approverPassword", expect[0]))
                    .post("/api/clinical/" + rx + "/void").then().statusCode(422).contentType("application/problem+json")
                    .body("violations.field", hasItem((String) expect[1]));
            if (expect[2] != null) {
                assertThat(r.extract().asString()).as(approver).contains((String) expect[2]);
            }
        });
        given().cookie("kiosk_session", ClinicalFormsTest.as("doctor-2")).contentType(ContentType.JSON)
                .body(Map.of("reason", "开错病人", "approverAccountId", "DOCTOR-2 ", "approverPassword", pw))
                .post("/api/clinical/" + rx + "/void").then().statusCode(422).body("violations.field", hasItem("approverAccountId"));
        Map<String, Object> correction = ClinicalAllergiesTest.prescription("P0003", "D0010", "片", null);
        correction.put("lines", List.of(ClinicalFormsTest.drugLine("D0010", "0.1", "片", 3)));
        given().cookie("kiosk_session", doctor).contentType(ContentType.JSON)
                .body(Map.of("reason", "数量写错", "form", correction, "approverAccountId", "doctor-1", "approverPassword", pw))
                .post("/api/clinical/" + rx + "/corrections").then().statusCode(422).body("violations.field", hasItem("approverAccountId"));
        given().cookie("kiosk_session", doctor).contentType(ContentType.JSON).body(Map.of("reason", "数量写错", "form", correction))
                .post("/api/clinical/" + rx + "/corrections").then().statusCode(422).body("violations.field", hasItem("approverPassword"));
        assertThat(Desk.lastSeq(supervisor)).as("nothing journaled").isEqualTo(before);

        // approved by the chief doctor: both names journaled (the writer as the entry's actor, the approver in it)
        String fix = given().cookie("kiosk_session", doctor).contentType(ContentType.JSON).body(approved(Map.of("reason", "数量写错", "form", correction)))
                .post("/api/clinical/" + rx + "/corrections").then().statusCode(201).extract().path("id");
        var corrected = journal.stream(UUID.fromString(rx)).get(1).entry();
        assertThat(corrected.eventType()).isEqualTo("ClinicalFormCorrected");
        assertThat(corrected.schemaVersion()).isEqualTo(2);
        assertThat(corrected.actor()).isEqualTo("doctor-1");
        assertThat(corrected.payload()).contains("\"approvedBy\":\"doctor-2\"", "\"approvedByName\":\"主任医师辛\"");
        JsonPath v = given().cookie("kiosk_session", doctor).contentType(ContentType.JSON).body(approved(Map.of("reason", "患者拒绝用药")))
                .post("/api/clinical/" + fix + "/void").then().statusCode(200).extract().jsonPath();
        assertThat(v.getString("amendment.actor")).isEqualTo("doctor-1");
        assertThat(v.getString("amendment.approvedBy")).isEqualTo("doctor-2");
        assertThat(v.getString("amendment.approvedByName")).isEqualTo("主任医师辛");
        var voided = journal.stream(UUID.fromString(fix)).get(1).entry();
        assertThat(voided.schemaVersion()).isEqualTo(2);
        assertThat(voided.payload()).contains("\"approvedBy\":\"doctor-2\"");
        // both names on the paper
        assertThat(ClinicalFormsTest.words(given().cookie("kiosk_session", doctor).get("/api/clinical/" + fix + "/print").then().extract().asString()))
                .contains("已作废", "经办人: 医生丁", "批准人: 主任医师辛");
        assertThat(ClinicalFormsTest.words(given().cookie("kiosk_session", doctor).get("/api/clinical/" + rx + "/print").then().extract().asString()))
                .contains("已更正", "经办人: 医生丁", "批准人: 主任医师辛");
    }
}
