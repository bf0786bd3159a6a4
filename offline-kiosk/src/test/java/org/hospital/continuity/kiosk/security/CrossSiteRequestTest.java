package org.hospital.continuity.kiosk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HR-13: the kiosk's UI runs on localhost, where every port is the same site for SameSite cookies, so a page served by
 * any other local program could drive the cashier's session. A state-changing request with the session cookie whose
 * Origin or Referer is not this kiosk is refused with 403 in the kiosk's language, and the journal does not grow.
 */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class CrossSiteRequestTest {

    @TestHTTPResource("/")
    URL self;

    @Test
    @DisplayName("HR-13 spoiling an invoice or taking a charge from another page with the cashier's cookie is refused and journals nothing")
    void foreignPageRefused() {
        String cashier = Desk.inDowntime();
        given().contentType(ContentType.JSON).body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
        long before = Desk.lastSeq(cashier);
        given().cookie("kiosk_session", cashier).header("Origin", "http://evil.example").contentType(ContentType.JSON)
                .body(Desk.spoil("打印错位")).post("/api/invoices/spoiled").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("/problems/cross-site-request"))
                .body("detail", equalTo("这个请求来自别的网页，已拒绝，没有保存任何内容。请只在本机的收费/护士站页面里操作。"));
        given().cookie("kiosk_session", cashier).header("Origin", "http://localhost:1").body("x").post("/api/charges").then().statusCode(403);
        given().cookie("kiosk_session", cashier).header("Referer", "http://evil.example/a.html").body("x").post("/api/charges").then()
                .statusCode(403);
        // signing out another person from a foreign page is refused too (a cookie rides along)
        given().cookie("kiosk_session", cashier).header("Origin", "http://evil.example").delete("/api/session").then().statusCode(403);
        assertThat(Desk.lastSeq(cashier)).isEqualTo(before);
        given().cookie("kiosk_session", cashier).get("/api/status").then().statusCode(200).body("lastSeq", equalTo((int) before));
    }

    @Test
    @DisplayName("HR-13 the kiosk's own page spoils an invoice as before")
    void ownPagePasses() {
        String cashier = Desk.inDowntime();
        long before = Desk.lastSeq(cashier);
        given().cookie("kiosk_session", cashier).header("Origin", "http://" + self.getHost() + ":" + self.getPort())
                .contentType(ContentType.JSON).body(Desk.spoil("打印错位")).post("/api/invoices/spoiled").then().statusCode(200);
        assertThat(Desk.lastSeq(cashier)).isGreaterThan(before);
    }
}
