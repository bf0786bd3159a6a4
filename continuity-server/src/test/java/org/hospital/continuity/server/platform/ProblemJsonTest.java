package org.hospital.continuity.server.platform;

import org.hospital.continuity.testsupport.RawHttp;
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

    private static String head(String requestLine, String... headers) {
        return requestLine + "\r\nHost: localhost:" + io.restassured.RestAssured.port
                + (headers.length == 0 ? "" : "\r\n" + String.join("\r\n", headers));
    }

    private static void isChineseProblem(RawHttp.Answer a, int status, String type, String title) {
        org.assertj.core.api.Assertions.assertThat(a.status()).isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(a.contentType()).startsWith(PROBLEM);
        io.restassured.path.json.JsonPath body = new io.restassured.path.json.JsonPath(a.body());
        org.assertj.core.api.Assertions.assertThat(body.getString("type")).isEqualTo(type);
        org.assertj.core.api.Assertions.assertThat(body.getString("title")).isEqualTo(title);
        org.assertj.core.api.Assertions.assertThat(body.getInt("status")).isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(body.getString("detail")).contains("没有").matches(".*\\p{IsHan}.*");
        org.assertj.core.api.Assertions.assertThat(a.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    @DisplayName("HR-13 a request line of 100,000 characters is a 414 problem+json in Chinese over a raw socket, not a bare 414")
    void oversizeRequestLineIsA414Problem() throws Exception {
        RawHttp.Answer a = RawHttp.send(io.restassured.RestAssured.port,
                head("GET /api/fault-reports?q=" + "a".repeat(100_000) + " HTTP/1.1", "Connection: close"), null);
        isChineseProblem(a, 414, "/problems/uri-too-long", "地址太长");
        // from 8,192 characters on, where the decoder used to answer bare from 4,096
        isChineseProblem(RawHttp.send(io.restassured.RestAssured.port,
                head("GET /api/fault-reports?q=" + "a".repeat(9_000) + " HTTP/1.1", "Connection: close"), null), 414,
                "/problems/uri-too-long", "地址太长");
    }

    @Test
    @DisplayName("HR-13 a 30 KB header section is a 431 problem+json in Chinese, not a bare 431")
    void oversizeHeadersAreA431Problem() throws Exception {
        RawHttp.Answer a = RawHttp.send(io.restassured.RestAssured.port,
                head("GET /api/fault-reports HTTP/1.1", "X-Filler: " + "b".repeat(30_000), "Connection: close"), null);
        isChineseProblem(a, 431, "/problems/headers-too-large", "请求头太大");
    }

    @Test
    @DisplayName("HR-13 a chunked body over the limit (5 MB) is a 413 problem+json in Chinese and stores nothing; a declared 70 MB too; a small chunked body still reaches its route")
    void oversizeChunkedBodyIsA413Problem() throws Exception {
        int before = reportCount();
        byte[] big = ("{\"reporter\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Answer a = RawHttp.send(io.restassured.RestAssured.port, head("POST /api/fault-reports HTTP/1.1",
                "Content-Type: application/json", "Transfer-Encoding: chunked"), big);
        isChineseProblem(a, 413, "/problems/payload-too-large", "内容太多");
        org.assertj.core.api.Assertions.assertThat(a.body()).contains("1 MB");
        // a declared length over the HTTP layer's own 64 MB: answered before a byte of the body is sent
        RawHttp.Answer declared = RawHttp.send(io.restassured.RestAssured.port, head("POST /api/fault-reports HTTP/1.1",
                "Content-Type: application/json", "Content-Length: " + (70L * 1024 * 1024), "Connection: close"), null);
        isChineseProblem(declared, 413, "/problems/payload-too-large", "内容太多");
        org.assertj.core.api.Assertions.assertThat(reportCount()).isEqualTo(before);
        // within the limit a chunked body is read whole and handed on: the sign-in reads the user name and refuses it
        RawHttp.Answer small = RawHttp.send(io.restassured.RestAssured.port, head("POST /api/auth/login HTTP/1.1",
                "Content-Type: application/json", "Transfer-Encoding: chunked", "Connection: close"),
                "{\"username\":\"nobody-chunked\",\"password\":\"Wrong-Passw0rd-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThat(small.status()).isEqualTo(401);
        org.assertj.core.api.Assertions.assertThat(small.contentType()).startsWith(PROBLEM);
    }
}
