package org.hospital.continuity.server.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 11: kiosk credentials — enrolment codes are single-use and expire; a revoked kiosk's pushes are refused. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class KioskCredentialsTest {

    @Inject
    TestClock clock;

    private static JsonPath newKiosk(String name) {
        return TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("name", name, "departmentCode", "SFC"))
                .post("/api/admin/kiosks").then().statusCode(201).extract().jsonPath();
    }

    @Test
    @DisplayName("HR-4 an enrolment code no longer works after 24 hours, and works only once before that")
    void enrolmentCodesExpireAndAreSingleUse() {
        String late = newKiosk("过期码窗").getString("code");
        String once = newKiosk("一次码窗").getString("code");
        given().contentType(ContentType.JSON).body(Map.of("code", once)).post("/api/kiosk/enrolments").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("code", once)).post("/api/kiosk/enrolments").then().statusCode(409)
                .body("type", equalTo("/problems/enrolment-code-invalid"));
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        given().contentType(ContentType.JSON).body(Map.of("code", late)).post("/api/kiosk/enrolments").then().statusCode(409)
                .body("type", equalTo("/problems/enrolment-code-invalid"));
    }

    @Test
    @DisplayName("HR-4 a revoked kiosk's sync pushes, snapshot requests and audit uploads are refused, nothing stored")
    void revokedKioskIsRefusedEverywhere() {
        String code = newKiosk("吊销窗").getString("code");
        JsonPath enrolled = given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/kiosk/enrolments")
                .then().statusCode(201).extract().jsonPath();
        String id = enrolled.getString("kioskId");
        String secret = enrolled.getString("secret");
        given().auth().preemptive().basic(id, secret).get("/api/kiosk/snapshot").then().statusCode(200);
        TestAccounts.asAdmin().post("/api/admin/kiosks/" + id + "/revoke").then().statusCode(204);
        given().auth().preemptive().basic(id, secret).contentType(ContentType.JSON)
                .body("{\"kioskId\":\"" + id + "\",\"entries\":[]}").post("/api/sync/v1/push").then().statusCode(403)
                .body("type", equalTo("/problems/credential-revoked"));
        given().auth().preemptive().basic(id, secret).get("/api/kiosk/snapshot").then().statusCode(401);
        given().auth().preemptive().basic(id, secret).contentType(ContentType.JSON).body(Map.of("entries", java.util.List.of()))
                .post("/api/kiosk/audit").then().statusCode(401);
        // the refused push is reported in the audit log with the kiosk it claimed to be
        java.util.List<String> details = TestAccounts.asAdmin().get("/api/audit?action=/api/sync/v1/push&outcome=403&size=200")
                .then().statusCode(200).extract().jsonPath().getList("entries.detail");
        org.assertj.core.api.Assertions.assertThat(details).contains("claimed kiosk=" + id);
    }

    @Test
    @DisplayName("HR-12 the key a kiosk's data key is wrapped with: released only to that enrolled kiosk's credential, the same at every ask, another for another kiosk, refused once revoked, every release audited")
    void wrappingKeysAreReleasedToTheEnrolledKioskOnly() {
        JsonPath a = given().contentType(ContentType.JSON).body(Map.of("code", newKiosk("钥匙窗甲").getString("code")))
                .post("/api/kiosk/enrolments").then().statusCode(201).extract().jsonPath();
        JsonPath b = given().contentType(ContentType.JSON).body(Map.of("code", newKiosk("钥匙窗乙").getString("code")))
                .post("/api/kiosk/enrolments").then().statusCode(201).extract().jsonPath();
        String idA = a.getString("kioskId");
        String keyA = given().auth().preemptive().basic(idA, a.getString("secret")).post("/api/kiosk/key-wrap").then()
                .statusCode(200).body("kioskId", equalTo(idA)).extract().jsonPath().getString("key");
        org.assertj.core.api.Assertions.assertThat(java.util.Base64.getDecoder().decode(keyA)).hasSize(32);
        given().auth().preemptive().basic(idA, a.getString("secret")).post("/api/kiosk/key-wrap").then().statusCode(200)
                .body("key", equalTo(keyA));
        String keyB = given().auth().preemptive().basic(b.getString("kioskId"), b.getString("secret")).post("/api/kiosk/key-wrap")
                .then().statusCode(200).extract().jsonPath().getString("key");
        org.assertj.core.api.Assertions.assertThat(keyB).isNotEqualTo(keyA);
        // no credential, another kiosk's secret, a staff session: refused with problem+json
        given().post("/api/kiosk/key-wrap").then().statusCode(401);
        given().auth().preemptive().basic(idA, b.getString("secret")).post("/api/kiosk/key-wrap").then().statusCode(401);
        TestAccounts.asAdmin().post("/api/kiosk/key-wrap").then().statusCode(403);
        TestAccounts.asAdmin().post("/api/admin/kiosks/" + idA + "/revoke").then().statusCode(204);
        given().auth().preemptive().basic(idA, a.getString("secret")).post("/api/kiosk/key-wrap").then().statusCode(401);
        java.util.List<String> outcomes = TestAccounts.asAdmin().get("/api/audit?action=/api/kiosk/key-wrap&size=200")
                .then().statusCode(200).extract().jsonPath().getList("entries.outcome");
        org.assertj.core.api.Assertions.assertThat(outcomes).hasSizeGreaterThanOrEqualTo(3);
    }
}
