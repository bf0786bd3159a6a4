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
}
