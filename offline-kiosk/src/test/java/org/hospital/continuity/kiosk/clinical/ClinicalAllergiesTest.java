package org.hospital.continuity.kiosk.clinical;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 8: the patients' allergies of the snapshot on the forms, in the reports, and sealed at rest. */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class ClinicalAllergiesTest {

    @Inject
    KioskDatabase database;

    String supervisor;

    @BeforeEach
    void downtime() {
        supervisor = Desk.inDowntime();
        given().contentType(ContentType.JSON).body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
    }

    static Map<String, Object> prescription(String patient, String drug, String unit, String allergyReason) {
        Map<String, Object> p = new HashMap<>();
        p.put("knownPatientId", patient);
        p.put("diagnosis", "肺部感染");
        p.put("lines", List.of(ClinicalFormsTest.drugLine(drug, "0.1", unit, 1)));
        p.put("allergyOverrideReason", allergyReason);
        return p;
    }

    @Test
    @DisplayName("issue 8 a prescription of a drug the patient is allergic to is refused at the line until a reason is given, then the warning and reason are kept and printed")
    void prescriptionAgainstAnAllergy() {
        String doctor = ClinicalFormsTest.as("doctor-1");
        long before = Desk.lastSeq(supervisor);
        // 阿莫西林 is a penicillin (西林): P0002 is allergic to 青霉素
        given().cookie("kiosk_session", doctor).contentType(ContentType.JSON).body(prescription("P0002", "D0001", "g", null))
                .post("/api/clinical/prescriptions").then().statusCode(422)
                .body("violations.field", hasItems("lines[0].drugCode", "allergyOverrideReason"))
                .body("violations.message", hasItems("该药品与病人记录的过敏原相符。"));
        assertThat(Desk.lastSeq(supervisor)).as("nothing stored").isEqualTo(before);

        JsonPath r = given().cookie("kiosk_session", doctor).contentType(ContentType.JSON)
                .body(prescription("P0002", "D0001", "g", "皮试阴性，会诊同意使用")).post("/api/clinical/prescriptions")
                .then().statusCode(201).extract().jsonPath();
        assertThat(r.getList("details.allergyCheck.warnings.allergen")).containsExactly("青霉素");
        assertThat(r.getString("details.allergyCheck.overrideReason")).isEqualTo("皮试阴性，会诊同意使用");
        assertThat(r.getList("details.allergyCheck.allergies.allergen")).containsExactly("青霉素", "头孢克肟");
        String html = given().cookie("kiosk_session", doctor).get("/api/clinical/" + r.getString("id") + "/print").then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("class=\"allergies\"", "过敏史", "青霉素（过敏性休克） 重度", "过敏警示", "阿莫西林胶囊", "皮试阴性，会诊同意使用");
    }

    @Test
    @DisplayName("issue 8 a drug unrelated to the allergies passes with no warning; the form still shows the allergies seen")
    void unrelatedDrugPasses() {
        JsonPath r = given().cookie("kiosk_session", ClinicalFormsTest.as("doctor-1")).contentType(ContentType.JSON)
                .body(prescription("P0001", "D0001", "g", null)).post("/api/clinical/prescriptions").then().statusCode(201).extract().jsonPath();
        assertThat(r.getList("details.allergyCheck.warnings")).isEmpty();
        assertThat(r.getList("details.allergyCheck.allergies.allergen")).containsExactly("海鲜");
        assertThat(r.getBoolean("details.allergyCheck.recorded")).isTrue();
        JsonPath unknown = given().cookie("kiosk_session", ClinicalFormsTest.as("doctor-1")).contentType(ContentType.JSON)
                .body(prescription("P0003", "D0001", "g", null)).post("/api/clinical/prescriptions").then().statusCode(201).extract().jsonPath();
        assertThat(unknown.getBoolean("details.allergyCheck.recorded")).isFalse();
        assertThat(given().cookie("kiosk_session", ClinicalFormsTest.as("doctor-1")).get("/api/clinical/" + unknown.getString("id") + "/print")
                .then().extract().asString()).contains("过敏史未记录");
    }

    @Test
    @DisplayName("issue 8 a nurse's requisition of a drug named by code in the allergies is refused without a reason and kept with one")
    void requisitionAgainstAnAllergy() {
        String nurse = ClinicalFormsTest.as("nurse-1");
        long before = Desk.lastSeq(supervisor);
        given().cookie("kiosk_session", nurse).contentType(ContentType.JSON)
                .body(Map.of("knownPatientId", "P0002", "lines", List.of(Map.of("code", "D0010", "quantity", 1), Map.of("code", "D0002", "quantity", 1))))
                .post("/api/clinical/requisitions").then().statusCode(422).body("violations.field", hasItems("lines[1].code", "allergyOverrideReason"));
        assertThat(Desk.lastSeq(supervisor)).isEqualTo(before);
        JsonPath r = given().cookie("kiosk_session", nurse).contentType(ContentType.JSON)
                .body(Map.of("knownPatientId", "P0002", "lines", List.of(Map.of("code", "D0002", "quantity", 1)),
                        "allergyOverrideReason", "医生电话确认继续使用"))
                .post("/api/clinical/requisitions").then().statusCode(201).extract().jsonPath();
        assertThat(r.getList("details.allergyCheck.warnings.drugCode")).containsExactly("D0002");
        String html = given().cookie("kiosk_session", nurse).get("/api/clinical/" + r.getString("id") + "/print").then().extract().asString();
        assertThat(html.split("class=\"allergies\"", -1)).as("on both copies").hasSize(3);
    }

    @Test
    @DisplayName("issue 8 the form shows a patient's allergies before any drug is written; only clinical staff may look")
    void patientAllergiesForTheForm() {
        given().cookie("kiosk_session", ClinicalFormsTest.as("nurse-1")).get("/api/clinical/patients/P0002/allergies").then().statusCode(200)
                .body("allergies.allergen", hasItems("青霉素", "头孢克肟")).body("allergiesRecorded", org.hamcrest.Matchers.equalTo(true));
        given().cookie("kiosk_session", ClinicalFormsTest.as("nurse-1")).get("/api/clinical/patients/P9999/allergies").then().statusCode(404);
        given().cookie("kiosk_session", ClinicalFormsTest.as("cashier-1")).get("/api/clinical/patients/P0002/allergies").then().statusCode(403);
    }

    @Test
    @DisplayName("issue 8 the ward allergy list names every census patient (allergies, none known or not recorded) with the snapshot age")
    void allergyReport() {
        String html = given().cookie("kiosk_session", ClinicalFormsTest.as("nurse-1")).get("/api/clinical/reports/allergies").then().statusCode(200)
                .contentType(ContentType.HTML).extract().asString();
        assertThat(html).contains("病区过敏名单", "钱演练", "青霉素", "过敏性休克", "重度", "D0002", "赵演示", "海鲜", ClinicalFormsTest.snapshotAsOf(), "已过",
                "thead{display:table-header-group}").doesNotContain("孙测试");
        given().cookie("kiosk_session", ClinicalFormsTest.as("cashier-1")).get("/api/clinical/reports/allergies").then().statusCode(403);
    }

    @Test
    @DisplayName("HR-13 allergies are sealed at rest on the kiosk: neither the snapshot rows nor the journal hold them in clear")
    void allergiesSealedAtRest() throws Exception {
        given().cookie("kiosk_session", ClinicalFormsTest.as("doctor-1")).contentType(ContentType.JSON)
                .body(prescription("P0002", "D0001", "g", "皮试阴性，会诊同意使用")).post("/api/clinical/prescriptions").then().statusCode(201);
        byte[] allergen = "过敏性休克".getBytes(StandardCharsets.UTF_8);
        List<byte[]> stored = database.read(c -> {
            List<byte[]> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select details from ref_patient")) {
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select payload from journal")) {
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
            }
            return out;
        });
        assertThat(stored).isNotEmpty().noneMatch(b -> indexOf(b, allergen) >= 0);
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
