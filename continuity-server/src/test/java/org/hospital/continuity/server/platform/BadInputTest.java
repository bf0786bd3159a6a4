package org.hospital.continuity.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hospital.continuity.server.platform.TestAccounts.as;
import static org.hospital.continuity.server.platform.TestAccounts.asAdmin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Bad input to every writing endpoint (malformed, missing fields, unknown ids, oversize, wrong types) gets a
 * clear 4xx problem and changes nothing: the listings read before and after are equal.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class BadInputTest {

    private static final String UNKNOWN = "5f0e7a4e-0000-4000-8000-000000000000";
    private static final String PROBLEM = "application/problem+json";

    private record Write(String method, String path, String token) {
    }

    private static List<Write> writes() {
        String admin = TestAccounts.admin();
        String it = TestAccounts.itDuty();
        String cashier = TestAccounts.cashier();
        return List.of(
                new Write("POST", "/api/accounts", admin),
                new Write("POST", "/api/people", admin),
                new Write("POST", "/api/departments", admin),
                new Write("POST", "/api/roster/shifts", admin),
                new Write("POST", "/api/probes", admin),
                new Write("POST", "/api/fault-reports", cashier),
                new Write("POST", "/api/incidents/diagnoses", it),
                new Write("PUT", "/api/incidents/context", it),
                new Write("POST", "/api/incidents/manual-mode-requests", it));
    }

    private static String snapshot() {
        return asAdmin().when().get("/api/accounts").then().statusCode(200).extract().asString()
                + asAdmin().when().get("/api/people").then().extract().asString()
                + asAdmin().when().get("/api/departments").then().extract().asString()
                + asAdmin().when().get("/api/probes").then().extract().asString()
                + asAdmin().when().get("/api/fault-reports?limit=500").then().extract().asString()
                + asAdmin().when().get("/api/incidents").then().extract().asString();
    }

    @Test
    @DisplayName("malformed JSON, wrong types, missing fields and oversize bodies: 400/422/413 and nothing changes")
    void badBodiesChangeNothing() {
        List<Write> writes = writes();
        String before = snapshot();
        for (Write w : writes) {
            as(w.token()).contentType(ContentType.JSON).body("{\"name\": ").when().request(w.method(), w.path()).then()
                    .statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/malformed-json"));
            as(w.token()).contentType(ContentType.JSON).body("{}").when().request(w.method(), w.path()).then()
                    .statusCode(422).contentType(PROBLEM);
            as(w.token()).contentType(ContentType.JSON).body("[1,2,3]").when().request(w.method(), w.path()).then()
                    .statusCode(400).contentType(PROBLEM);
            as(w.token()).contentType(ContentType.JSON).body("{\"x\":\"" + "y".repeat(1_100_000) + "\"}").when().request(w.method(), w.path())
                    .then().statusCode(413).contentType(PROBLEM);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("wrong enum values and wrong types name the field; unknown ids are 404; nothing changes")
    void wrongTypesAndUnknownIds() {
        String before = snapshot();
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "departmentCode", "IT", "roles", List.of("SURGEON")))
                .when().post("/api/people").then().statusCode(400).contentType(PROBLEM).body("detail", org.hamcrest.Matchers.containsString("roles"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "departmentCode", "NO-SUCH", "roles", List.of("NURSE")))
                .when().post("/api/people").then().statusCode(404).contentType(PROBLEM);
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "ghost", "personId", UNKNOWN, "password", "Abcdefgh1234"))
                .when().post("/api/accounts").then().statusCode(404);
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "bad name!", "personId", UNKNOWN, "password", "Abcdefgh1234"))
                .when().post("/api/accounts").then().statusCode(422).body("violations.field", hasItem("username"));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "p", "kind", "TCP", "target", "not a host", "component", "DATABASE_SERVER", "intervalMs", 60000, "timeoutMs", 1000))
                .when().post("/api/probes").then().statusCode(422).body("type", equalTo("/problems/probe-invalid"));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "p", "kind", "TCP", "target", "db:5432", "component", "DATABASE_SERVER", "intervalMs", 10, "timeoutMs", 1000))
                .when().post("/api/probes").then().statusCode(422).body("violations.field", hasItem("intervalMs"));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("post", "EMERGENCY_SUPPORT", "personId", UNKNOWN, "kind", "NIGHT", "startsAt", "2026-11-20T10:00:00Z", "endsAt", "2026-11-20T12:00:00Z"))
                .when().post("/api/roster/shifts").then().statusCode(404);
        as(TestAccounts.itDuty()).when().post("/api/probes/" + UNKNOWN + "/run").then().statusCode(404).contentType(PROBLEM);
        as(TestAccounts.itDuty()).contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED"))
                .when().post("/api/fault-reports/" + UNKNOWN + "/verification").then().statusCode(404);
        as(TestAccounts.itDuty()).contentType(ContentType.JSON).body(Map.of("outcome", "MAYBE"))
                .when().post("/api/fault-reports/" + UNKNOWN + "/verification").then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("outcome"));
        as(TestAccounts.itDuty()).contentType(ContentType.JSON).body(Map.of("note", "x"))
                .when().post("/api/incidents/" + UNKNOWN + "/recovery").then().statusCode(404);
        as(TestAccounts.itDuty()).when().get("/api/incidents/not-a-uuid").then().statusCode(404);
        as(TestAccounts.cashier()).when().post("/api/instructions/" + UNKNOWN + "/acknowledgements").then().statusCode(404);
        as(TestAccounts.cashier()).when().get("/api/instructions?party=NO_SUCH_PARTY").then().statusCode(404);
        as(TestAccounts.cashier()).when().get("/api/instructions").then().statusCode(422);
        as(TestAccounts.itDuty()).when().post("/api/modes/NO_SUCH/back-to-normal").then().statusCode(404);
        as(TestAccounts.itDuty()).contentType(ContentType.JSON).body(Map.of("modifiers", List.of("FULL_MOON")))
                .when().put("/api/incidents/context").then().statusCode(400);
        assertThat(snapshot()).isEqualTo(before);
    }
}
