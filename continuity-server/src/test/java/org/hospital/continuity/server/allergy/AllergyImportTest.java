package org.hospital.continuity.server.allergy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 8: allergies imported on the server reach the kiosks in their reference snapshot. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AllergyImportTest {

    /** The snapshot of a kiosk at the demo ward (肾内科, census P0001, P0002): HR-5 gives it its own patients only. */
    static JsonPath snapshot() {
        return snapshot("SK");
    }

    static JsonPath snapshot(String department) {
        String code = TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "病区站", "departmentCode", department))
                .post("/api/admin/kiosks").then().statusCode(201).extract().path("code");
        JsonPath kiosk = given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/kiosk/enrolments")
                .then().statusCode(201).extract().jsonPath();
        return given().auth().preemptive().basic(kiosk.getString("kioskId"), kiosk.getString("secret")).get("/api/kiosk/snapshot")
                .then().statusCode(200).extract().jsonPath();
    }

    static io.restassured.response.ValidatableResponse importCsv(String body) {
        return TestAccounts.asAdmin().contentType("text/csv; charset=UTF-8").body("patient_id,allergen_code,allergen,reaction,severity\n" + body)
                .post("/api/ward-allergies/imports").then();
    }

    @Test
    @DisplayName("issue 8 an import with a bad line is refused naming the line, and the kiosks' snapshot does not change")
    void badImportStoresNothing() {
        String before = snapshot().getString("version");
        importCsv("P0003,D0002,头孢克肟,皮疹,SEVERE\nP0404,,青霉素,,SEVERE\n").statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("line 3")).body("detail", containsString("P0404"));
        JsonPath after = snapshot();
        assertThat(after.getString("version")).isEqualTo(before);
        assertThat(snapshot("SFC").getList("patients.find { it.patientId == 'P0003' }.allergies.allergen", String.class)).doesNotContain("头孢克肟");
    }

    @Test
    @DisplayName("issue 8 an import replaces the listed patients' allergies in the next snapshot; others keep theirs; NONE is no known allergy")
    void importReachesTheSnapshot() {
        importCsv("P0003,D0002,头孢克肟,皮疹,SEVERE\nP0003,,花粉,打喷嚏,MILD\n").statusCode(201).body("patients", equalTo(1))
                .body("entries", equalTo(2));
        JsonPath outpatient = snapshot("SFC"); // P0003 is an outpatient of the cashier office (HR-5)
        assertThat(outpatient.getList("patients.find { it.patientId == 'P0003' }.allergies.allergen", String.class)).containsExactly("头孢克肟", "花粉");
        assertThat(outpatient.getString("patients.find { it.patientId == 'P0003' }.allergies[0].allergenCode")).isEqualTo("D0002");
        assertThat(outpatient.getString("patients.find { it.patientId == 'P0003' }.allergiesRecordedAt")).isNotNull();
        JsonPath s = snapshot();
        // the demo seed's statements of the other patients are untouched
        assertThat(s.getList("patients.find { it.patientId == 'P0001' }.allergies.allergen", String.class)).contains("阿莫西林");
        assertThat(s.getList("patients.find { it.patientId == 'P0002' }.allergies")).isEmpty();
        assertThat(s.getString("patients.find { it.patientId == 'P0002' }.allergiesRecordedAt")).isNotNull();

        importCsv("P0003,,,,NONE\n").statusCode(201);
        JsonPath later = snapshot("SFC");
        assertThat(later.getList("patients.find { it.patientId == 'P0003' }.allergies")).isEmpty();
        assertThat(later.getString("version")).isNotEqualTo(s.getString("version"));
    }

    @Test
    @DisplayName("HR-1 allergy imports are for IT administrators: anonymous 401, a cashier 403")
    void importNeedsTheAdministrator() {
        given().contentType("text/csv").body("x").post("/api/ward-allergies/imports").then().statusCode(401);
        TestAccounts.as(TestAccounts.cashier()).contentType("text/csv").body("patient_id,allergen_code,allergen,reaction,severity\nP0003,,,,NONE")
                .post("/api/ward-allergies/imports").then().statusCode(403);
    }
}
