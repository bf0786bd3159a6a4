package org.hospital.continuity.kiosk.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kiosk answers every error as problem+json and stores nothing. */
@QuarkusTest
class KioskProblemJsonTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void chinese() {
        given().contentType(ContentType.JSON).body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
    }

    private void languageIsStillChinese() {
        given().get("/api/settings/language").then().statusCode(200).body("language", equalTo("zh-CN"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType(ContentType.JSON).body("{\"language\": ").put("/api/settings/language").then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/malformed-json"))
                .body("detail", not(containsString("Exception")));
        languageIsStillChinese();
    }

    @Test
    void unknownValueIsA422WithTheField() {
        given().contentType(ContentType.JSON).body("{\"language\":\"fr\"}").put("/api/settings/language").then()
                .statusCode(422).contentType(PROBLEM).body("violations.field", hasItem("language"));
        languageIsStillChinese();
    }

    @Test
    void wrongContentTypeIsA415Problem() {
        given().contentType(ContentType.TEXT).body("en").put("/api/settings/language").then()
                .statusCode(415).contentType(PROBLEM);
        languageIsStillChinese();
    }

    @Test
    @org.junit.jupiter.api.DisplayName("HR-5 a huge or malformed listing bound is a 400 naming it (never a 404 by overflow); over the route's maximum a 422")
    void listingBoundsAreRefused() {
        for (String limit : java.util.List.of("99999999999", "-1", "1e9", "NaN", "0x10", "1.5")) {
            given().get("/api/registrations?limit=" + limit).then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("/problems/invalid-bound")).body("violations.field", hasItem("limit"));
            given().get("/api/journal?limit=" + limit).then().statusCode(400).contentType(PROBLEM);
        }
        given().get("/api/audit?size=99999999999").then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("size"));
        String cashier = org.hospital.continuity.kiosk.support.Desk.inDowntime();
        given().cookie("kiosk_session", cashier).get("/api/registrations?limit=1000").then().statusCode(422).contentType(PROBLEM);
        given().cookie("kiosk_session", cashier).get("/api/registrations?limit=20").then().statusCode(200);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a 10,000-character address is a 414 problem, nothing stored")
    void oversizeAddressIsA414Problem() {
        given().get("/api/registrations?q=" + "a".repeat(10_000)).then().statusCode(414).contentType(PROBLEM)
                .body("type", equalTo("/problems/uri-too-long"));
        languageIsStillChinese();
    }

    @Test
    void oversizeBodyIsA413Problem() {
        given().contentType(ContentType.JSON).body("{\"language\":\"" + "x".repeat(600_000) + "\"}")
                .put("/api/settings/language").then()
                .statusCode(413).contentType(PROBLEM);
        languageIsStillChinese();
    }

    @Test
    void unknownRouteIsA404Problem() {
        given().get("/api/nothing-here").then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
    }

    @Test
    void englishCanBeChosen() {
        given().contentType(ContentType.JSON).body("{\"language\":\"en\"}").put("/api/settings/language").then().statusCode(200);
        given().get("/api/settings/language").then().body("language", equalTo("en"));
    }

    private static String head(String requestLine, String... headers) {
        return requestLine + "\r\nHost: localhost:" + io.restassured.RestAssured.port
                + (headers.length == 0 ? "" : "\r\n" + String.join("\r\n", headers));
    }

    private static void isChineseProblem(org.hospital.continuity.testsupport.RawHttp.Answer a, int status, String type, String title) {
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
    @org.junit.jupiter.api.DisplayName("a request line of 100,000 characters (over 64 KB) is a 414 problem+json in Chinese over a raw socket, not a bare 414")
    void oversizeRequestLineIsA414Problem() throws Exception {
        var a = org.hospital.continuity.testsupport.RawHttp.send(io.restassured.RestAssured.port,
                head("GET /api/registrations?q=" + "a".repeat(100_000) + " HTTP/1.1", "Connection: close"), null);
        isChineseProblem(a, 414, "/problems/uri-too-long", "地址太长");
        languageIsStillChinese();
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a 30 KB header section is a 431 problem+json in Chinese, not a bare 431")
    void oversizeHeadersAreA431Problem() throws Exception {
        var a = org.hospital.continuity.testsupport.RawHttp.send(io.restassured.RestAssured.port,
                head("GET /api/settings/language HTTP/1.1", "X-Filler: " + "b".repeat(30_000), "Connection: close"), null);
        isChineseProblem(a, 431, "/problems/headers-too-large", "请求头太大");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a chunked body over 4 MB is a 413 problem+json in Chinese and changes nothing; a declared 5 MB too; a small chunked body still reaches its route")
    void oversizeChunkedBodyIsA413Problem() throws Exception {
        byte[] big = ("{\"language\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var a = org.hospital.continuity.testsupport.RawHttp.send(io.restassured.RestAssured.port, head("PUT /api/settings/language HTTP/1.1",
                "Content-Type: application/json", "Transfer-Encoding: chunked"), big);
        isChineseProblem(a, 413, "/problems/payload-too-large", "内容太多");
        org.assertj.core.api.Assertions.assertThat(a.body()).contains("256 KB");
        languageIsStillChinese();
        var declared = org.hospital.continuity.testsupport.RawHttp.send(io.restassured.RestAssured.port, head(
                "PUT /api/settings/language HTTP/1.1", "Content-Type: application/json", "Content-Length: " + (5 * 1024 * 1024),
                "Connection: close"), null);
        isChineseProblem(declared, 413, "/problems/payload-too-large", "内容太多");
        languageIsStillChinese();
        // within the limit a chunked body is read whole and handed on: the language changes, then back
        var small = org.hospital.continuity.testsupport.RawHttp.send(io.restassured.RestAssured.port, head(
                "PUT /api/settings/language HTTP/1.1", "Content-Type: application/json", "Transfer-Encoding: chunked", "Connection: close"),
                "{\"language\":\"en\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThat(small.status()).isEqualTo(200);
        given().get("/api/settings/language").then().statusCode(200).body("language", equalTo("en"));
        chinese();
        languageIsStillChinese();
    }
}
