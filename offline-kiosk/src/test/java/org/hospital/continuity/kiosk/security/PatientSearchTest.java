package org.hospital.continuity.kiosk.security;

import static org.assertj.core.api.Assertions.assertThat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HR-5: no bulk listing of patients on a kiosk: signed-in staff only, specific criteria, at most 20 answers. */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class PatientSearchTest {

    @Test
    @DisplayName("HR-5 a patient search needs a session and at least two characters; the ward census is the only list")
    void searchNeedsCriteria() {
        Desk.enrolled();
        given().get("/api/reference/patients?q=ZY").then().statusCode(401);
        String cookie = Desk.login("cashier-1");
        for (String q : new String[] {"", "%20%20", "Z", "%25"}) {
            given().cookie("kiosk_session", cookie).urlEncodingEnabled(false).get("/api/reference/patients?q=" + q).then()
                    .statusCode(422).body("type", equalTo("/problems/search-criteria-required")).body("violations.field", hasItem("q"));
        }
        given().cookie("kiosk_session", cookie).get("/api/reference/patients").then().statusCode(422);
        given().cookie("kiosk_session", cookie).get("/api/reference/patients?q=ZY").then().statusCode(200);
        given().cookie("kiosk_session", cookie).get("/api/reference/patients?census=true&q=").then().statusCode(200);
        given().cookie("kiosk_session", cookie).get("/api/reference/patients?q=" + "x".repeat(41)).then().statusCode(422);
    }

    @Test
    @DisplayName("EP-6.2 HR-5 the desk's look-up finds the HIS's outpatient of today by pinyin initials or 门诊号, with the registration's time, department and doctor")
    void theHisRegistrationOfToday() {
        Desk.enrolled();
        String cookie = Desk.login("cashier-1");
        io.restassured.path.json.JsonPath hits = given().cookie("kiosk_session", cookie).get("/api/patients?q=LMZ").then().statusCode(200)
                .extract().jsonPath();
        assertThat(hits.getList("name", String.class)).containsExactly("李门诊");
        assertThat(hits.getString("[0].source")).isEqualTo("SNAPSHOT");
        assertThat(hits.getString("[0].outpatientNumber")).isEqualTo("MZ0004");
        assertThat(hits.getString("[0].doctorName")).isEqualTo("王建国");
        assertThat(hits.getString("[0].departmentCode")).isEqualTo("NK");
        assertThat(java.time.Instant.parse(hits.getString("[0].registeredAt"))).isEqualTo(org.hospital.continuity.kiosk.support.StandInServer.HIS_REGISTERED_AT);
        assertThat(given().cookie("kiosk_session", cookie).get("/api/patients?q=MZ0004").then().statusCode(200).extract().jsonPath()
                .getList("name", String.class)).containsExactly("李门诊");
    }
}
