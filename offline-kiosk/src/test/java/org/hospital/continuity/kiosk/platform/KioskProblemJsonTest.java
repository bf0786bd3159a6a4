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
