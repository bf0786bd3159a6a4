package org.hospital.continuity.kiosk.clinical;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRoles;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HR-1: each clinical form is written by its role only; the refusal is a readable 403 and nothing is stored. */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class ClinicalRolesTest {

    String supervisor;

    @BeforeEach
    void downtime() {
        supervisor = Desk.inDowntime();
        given().contentType(ContentType.JSON).body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
    }

    /** A valid body for each form (the refusal must come from the role, not from the content). */
    static final Map<String, Object> VALID = Map.of(
            "prescriptions", ClinicalAllergiesTest.prescription("P0001", "D0010", "片", null),
            "orders", Map.of("knownPatientId", "P0001", "kind", "ORDER", "content", "一级护理"),
            "requisitions", Map.of("knownPatientId", "P0001", "lines", List.of(Map.of("code", "D0010", "quantity", 1))),
            "charge-executions", Map.of("knownPatientId", "P0001", "lines", List.of(Map.of("code", "S0101", "quantity", 1))),
            "exam-registers", Map.of("patientName", "王五", "stubNumber", "JC-0001", "exams", List.of(Map.of("description", "腹部B超", "priceFen", 100))));

    static final Map<String, String> FORM_TYPE = Map.of("prescriptions", "prescription", "orders", "clinical-order",
            "requisitions", "requisition", "charge-executions", "charge-execution", "exam-registers", "exam-register", "dispenses", "dispense");

    @Test
    @DisplayName("HR-1 every account tries every form: only the form's role gets 201, the others a readable 403 with nothing stored")
    void everyRoleAgainstEveryForm() {
        for (String account : List.of("cashier-1", "super-1", "doctor-1", "nurse-1", "medtech-1", "pharm-1")) {
            String cookie = ClinicalFormsTest.as(account);
            List<String> roles = given().cookie("kiosk_session", cookie).get("/api/session").then().extract().jsonPath().getList("roles");
            for (Map.Entry<String, Object> form : VALID.entrySet()) {
                long before = Desk.lastSeq(supervisor);
                var r = given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(form.getValue())
                        .post("/api/clinical/" + form.getKey()).then();
                if (ClinicalRoles.mayWrite(FORM_TYPE.get(form.getKey()), roles)) {
                    r.statusCode(201);
                } else {
                    r.statusCode(403).contentType("application/problem+json").body("rule", equalTo("HR-1"))
                            .body("type", equalTo("/problems/form-not-for-role"));
                    assertThat(Desk.lastSeq(supervisor)).as("%s %s stored nothing", account, form.getKey()).isEqualTo(before);
                }
            }
        }
    }

    @Test
    @DisplayName("HR-1 the refusal names the form and its role in words: a cashier may not prescribe, a nurse may not dispense")
    void refusalsAreReadable() {
        given().cookie("kiosk_session", ClinicalFormsTest.as("cashier-1")).contentType(ContentType.JSON).body(VALID.get("prescriptions"))
                .post("/api/clinical/prescriptions").then().statusCode(403).body("detail", equalTo("处方只能由医生开具。"));
        given().cookie("kiosk_session", ClinicalFormsTest.as("nurse-1")).contentType(ContentType.JSON)
                .body(Map.of("fillsRecordId", "00000000-0000-0000-0000-000000000000", "lines", List.of(Map.of("code", "D0010", "quantity", 1))))
                .post("/api/clinical/dispenses").then().statusCode(403).body("detail", equalTo("发药只能由药剂人员登记。"));
        given().cookie("kiosk_session", ClinicalFormsTest.as("pharm-1")).contentType(ContentType.JSON).body(VALID.get("requisitions"))
                .post("/api/clinical/requisitions").then().statusCode(403).body("detail", equalTo("领药单只能由护士填写。"));
    }

    @Test
    @DisplayName("HR-1 the desk lists only the forms of the signed-in role; a cashier reads no clinical record or report")
    void formsPerRole() {
        assertThat(given().cookie("kiosk_session", ClinicalFormsTest.as("doctor-1")).get("/api/clinical/forms").then().statusCode(200)
                .extract().jsonPath().getList("", String.class)).containsExactly("prescription", "clinical-order");
        assertThat(given().cookie("kiosk_session", ClinicalFormsTest.as("nurse-1")).get("/api/clinical/forms").then().extract().jsonPath()
                .getList("", String.class)).containsExactly("requisition", "charge-execution");
        assertThat(given().cookie("kiosk_session", ClinicalFormsTest.as("medtech-1")).get("/api/clinical/forms").then().extract().jsonPath()
                .getList("", String.class)).containsExactly("exam-register");
        assertThat(given().cookie("kiosk_session", ClinicalFormsTest.as("pharm-1")).get("/api/clinical/forms").then().extract().jsonPath()
                .getList("", String.class)).containsExactly("dispense");
        assertThat(given().cookie("kiosk_session", ClinicalFormsTest.as("cashier-1")).get("/api/clinical/forms").then().extract().jsonPath()
                .getList("", String.class)).isEmpty();
        String rx = given().cookie("kiosk_session", ClinicalFormsTest.as("doctor-1")).contentType(ContentType.JSON).body(VALID.get("prescriptions"))
                .post("/api/clinical/prescriptions").then().statusCode(201).extract().path("id");
        given().cookie("kiosk_session", ClinicalFormsTest.as("cashier-1")).get("/api/clinical/" + rx).then().statusCode(403);
        given().cookie("kiosk_session", ClinicalFormsTest.as("cashier-1")).get("/api/clinical/" + rx + "/print").then().statusCode(403);
        given().cookie("kiosk_session", ClinicalFormsTest.as("super-1")).get("/api/clinical/reports/census").then().statusCode(403);
        given().cookie("kiosk_session", ClinicalFormsTest.as("pharm-1")).get("/api/clinical/" + rx).then().statusCode(200);
    }
}
