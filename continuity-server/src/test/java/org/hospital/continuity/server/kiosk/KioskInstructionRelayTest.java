package org.hospital.continuity.server.kiosk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.incident.domain.InstructionDraft;
import org.hospital.continuity.server.incident.persistence.InstructionStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** EP-6.1: a kiosk pulls its department's announced instructions and relays the named acknowledgement of the person signed in. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class KioskInstructionRelayTest {

    @Inject
    InstructionStore instructions;

    /** A playbook step (no mode change, so other tests' department modes stay as they are) for the kiosk's area. */
    private UUID announce(String party) {
        Instant now = Instant.now();
        return instructions.issue(instructions.pool(), null, 0, new InstructionDraft("kiosk-relay-test:" + UUID.randomUUID(), party,
                        "DEPARTMENT", "PLAYBOOK_STEP", null, null, "EP-6.1", "测试通知：核对手工发票登记", "Test notice: check the invoice register",
                        now, "信息科值班", now.plus(Duration.ofMinutes(30))))
                .await().atMost(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("EP-6.1 a kiosk lists its department's instructions and a staff member of that department acknowledges by name through it")
    void kioskPullsAndRelaysNamedAcknowledgements() {
        TestAccounts.department("KR-CASH", "OUTPATIENT_REGISTRATION");
        TestAccounts.department("KR-WARD", "NURSE_STATION");
        JsonPath enrolled = KioskRegistryTest.enrol(KioskRegistryTest.createKiosk("指令窗", "KR-CASH").getString("code"));
        String kioskId = enrolled.getString("kioskId");
        String secret = enrolled.getString("secret");
        TestAccounts.user("kr-cashier", "KR-CASH", "CASHIER");
        TestAccounts.user("kr-nurse", "KR-WARD", "NURSE");
        UUID id = announce("OUTPATIENT_REGISTRATION");
        UUID nurses = announce("NURSE_STATION");

        given().get("/api/kiosk/instructions").then().statusCode(401);
        JsonPath listed = given().auth().preemptive().basic(kioskId, secret).get("/api/kiosk/instructions?limit=100").then().statusCode(200)
                .extract().jsonPath();
        assertThat(listed.getString("party")).isEqualTo("OUTPATIENT_REGISTRATION");
        List<String> ids = listed.getList("instructions.id");
        assertThat(ids).contains(id.toString()).doesNotContain(nurses.toString());

        // only an active account of the kiosk's department, named, may acknowledge through the kiosk
        given().auth().preemptive().basic(kioskId, secret).contentType(ContentType.JSON).body(Map.of("accountId", "kr-nurse"))
                .post("/api/kiosk/instructions/" + id + "/acknowledgements").then().statusCode(403);
        given().auth().preemptive().basic(kioskId, secret).contentType(ContentType.JSON).body(Map.of("accountId", "nobody-here"))
                .post("/api/kiosk/instructions/" + id + "/acknowledgements").then().statusCode(403);
        given().auth().preemptive().basic(kioskId, "wrong").contentType(ContentType.JSON).body(Map.of("accountId", "kr-cashier"))
                .post("/api/kiosk/instructions/" + id + "/acknowledgements").then().statusCode(401);
        JsonPath acked = given().auth().preemptive().basic(kioskId, secret).contentType(ContentType.JSON).body(Map.of("accountId", "kr-cashier"))
                .post("/api/kiosk/instructions/" + id + "/acknowledgements").then().statusCode(200).extract().jsonPath();
        assertThat(acked.getBoolean("acknowledged")).isTrue();
        assertThat(acked.getString("acknowledgedBy")).isEqualTo("测试 kr-cashier");
        given().auth().preemptive().basic(kioskId, secret).contentType(ContentType.JSON).body(Map.of("accountId", "kr-cashier"))
                .post("/api/kiosk/instructions/" + id + "/acknowledgements").then().statusCode(409);

        // the acknowledgement is the person's, visible to everyone reading the instruction
        TestAccounts.as(TestAccounts.user("kr-cashier", "KR-CASH", "CASHIER")).get("/api/instructions/" + id).then().statusCode(200)
                .body("acknowledgements.personName", org.hamcrest.Matchers.hasItem("测试 kr-cashier"));
    }
}
