package org.hospital.continuity.server.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.security.SessionTokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HR-13: a page of another site (every port of localhost is the same site for SameSite cookies) cannot drive a
 * signed-in person's cookie session: a state-changing request whose Origin or Referer is not this server is refused
 * with 403 problem+json and stores nothing; the server's own pages and cookie-less clients go through.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class CrossSiteRequestTest {

    @TestHTTPResource("/")
    URL self;

    static final String REPORT = "{\"reporter\":\"护士甲\",\"location\":\"5病区护士站\",\"terminal\":\"HS-05\",\"symptom\":\"医嘱无法保存\"}";

    private int reports(String token) {
        return TestAccounts.as(token).get("/api/fault-reports?limit=500").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    private String own() {
        return "http://" + self.getHost() + ":" + self.getPort();
    }

    @Test
    @DisplayName("HR-13 a fault report posted from another site's page with the person's cookie is refused, in Chinese for a Chinese browser, and nothing is stored")
    void foreignOriginRefused() {
        String token = TestAccounts.itDuty();
        int before = reports(token);
        for (String origin : new String[] {"http://evil.example", "http://localhost:1", "null"}) {
            given().cookie(SessionTokens.COOKIE, token).header("Origin", origin).header("Accept-Language", "zh-CN,zh;q=0.9")
                    .contentType(ContentType.JSON).body(REPORT).post("/api/fault-reports").then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo("/problems/cross-site-request"))
                    .body("detail", equalTo("这个请求来自别的网页，已拒绝，没有保存任何内容。请在本系统自己的页面里操作。"));
        }
        // no Content-Type at all (a plain HTML form's "simple request"), named by Referer only
        given().cookie(SessionTokens.COOKIE, token).header("Referer", "http://evil.example/x.html").body("x")
                .post("/api/fault-reports").then().statusCode(403);
        assertThat(reports(token)).isEqualTo(before);
    }

    @Test
    @DisplayName("HR-13 the server's own page, and a script with a bearer token and no cookie, still file the report")
    void ownPageAndScriptsPass() {
        String token = TestAccounts.itDuty();
        int before = reports(token);
        given().cookie(SessionTokens.COOKIE, token).header("Origin", own()).contentType(ContentType.JSON).body(REPORT)
                .post("/api/fault-reports").then().statusCode(201);
        given().cookie(SessionTokens.COOKIE, token).header("Referer", own() + "/ops").contentType(ContentType.JSON).body(REPORT)
                .post("/api/fault-reports").then().statusCode(201);
        TestAccounts.as(token).header("Origin", "http://evil.example").contentType(ContentType.JSON).body(REPORT)
                .post("/api/fault-reports").then().statusCode(201);
        assertThat(reports(token)).isEqualTo(before + 3);
    }
}
