package org.hospital.continuity.server.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every error answer is RFC 9457 problem+json, with no class names or stack traces, and stores nothing.
 * Requests are made as a signed-in cashier (every endpoint needs a session).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ProblemJsonTest {

    private static final String PROBLEM = "application/problem+json";

    private static io.restassured.specification.RequestSpecification given() {
        return TestAccounts.as(TestAccounts.cashier());
    }

    private int reportCount() {
        return given().when().get("/api/fault-reports?limit=500").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    @Test
    void malformedJsonIsA400Problem() {
        int before = reportCount();
        given().contentType(ContentType.JSON).body("{\"reporter\": \"x\", ").when().post("/api/fault-reports").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("/problems/malformed-json"))
                .body("status", equalTo(400))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("com.fasterxml")));
        org.assertj.core.api.Assertions.assertThat(reportCount()).isEqualTo(before);
    }

    @Test
    void wrongTypeNamesTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"reporter\":\"护士甲\",\"location\":\"3病区\",\"symptom\":\"无法登录\",\"observedSince\":[1,2]}")
                .when().post("/api/fault-reports").then()
                .statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("observedSince"));
    }

    @Test
    void wrongContentTypeIsA415Problem() {
        given().contentType(ContentType.TEXT).body("hello").when().post("/api/fault-reports").then()
                .statusCode(415).contentType(PROBLEM).body("title", equalTo("Unsupported content type"));
    }

    @Test
    void oversizeBodyIsA413ProblemAndNothingIsStored() {
        int before = reportCount();
        String huge = "{\"reporter\":\"x\",\"location\":\"y\",\"symptom\":\"" + "z".repeat(2 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge).when().post("/api/fault-reports").then()
                .statusCode(413).contentType(PROBLEM).body("type", equalTo("/problems/payload-too-large"));
        org.assertj.core.api.Assertions.assertThat(reportCount()).isEqualTo(before);
    }

    @Test
    void unknownRouteIsA404Problem() {
        given().when().get("/api/no-such-thing").then()
                .statusCode(404).contentType(PROBLEM).body("type", equalTo("/problems/not-found"));
    }

    @Test
    void unknownIdIsA404Problem() {
        given().when().get("/api/fault-reports/5f0e7a4e-0000-4000-8000-000000000000").then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void missingFieldsAreA422ProblemWithViolations() {
        given().contentType(ContentType.JSON).body("{\"reporter\":\"\"}").when().post("/api/fault-reports").then()
                .statusCode(422).contentType(PROBLEM)
                .body("violations.field", hasItem("location"))
                .body("violations.field", hasItem("symptom"));
    }

    @Test
    @DisplayName("EP-3.1 a fault cannot be reported as starting in the future: 422 naming the clause")
    void futureStartIsRejectedWithTheClause() {
        given().contentType(ContentType.JSON)
                .body("{\"reporter\":\"收款员乙\",\"location\":\"门诊收费处2号窗\",\"symptom\":\"HIS无法登录\",\"observedSince\":\"2999-01-01T00:00:00Z\"}")
                .when().post("/api/fault-reports").then()
                .statusCode(422).contentType(PROBLEM)
                .body("rule", equalTo("EP-3.1"))
                .body("traceId", nullValue());
    }

    @Test
    @DisplayName("EP-3.1 a workstation files a fault report in one request and it is recorded")
    void aFaultReportIsFiledAndReadBack() {
        String location = given().contentType(ContentType.JSON)
                .body("{\"reporter\":\"收款员乙\",\"location\":\"门诊收费处2号窗\",\"terminal\":\"SF-02\",\"symptom\":\"HIS无法登录\"}")
                .when().post("/api/fault-reports").then()
                .statusCode(201).extract().header("Location");
        given().when().get(location).then().statusCode(200)
                .body("location", equalTo("门诊收费处2号窗"))
                .body("verification", equalTo("UNVERIFIED"));
    }
}
