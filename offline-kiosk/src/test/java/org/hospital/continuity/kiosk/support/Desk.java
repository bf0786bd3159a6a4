package org.hospital.continuity.kiosk.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;

/** Test steps of the cashier desk over the kiosk's own HTTP API. */
public final class Desk {

    private Desk() {
    }

    /** Enrols the kiosk with the stand-in server once per test run. */
    public static synchronized void enrolled() {
        boolean enrolled = given().get("/api/kiosk").then().statusCode(200).extract().path("enrolled");
        if (!enrolled) {
            given().contentType(ContentType.JSON).body(Map.of("code", StandInServer.CODE, "kioskName", "收费1号窗"))
                    .post("/api/kiosk/enrolment").then().statusCode(200);
        }
    }

    /** Signs in and returns the session cookie. */
    public static String login(String account) {
        return given().contentType(ContentType.JSON).body(Map.of("accountId", account, "password", StandInServer.PASSWORD))
                .post("/api/session").then().statusCode(200).extract().cookie("kiosk_session");
    }

    /** Enrolled, supervisor signed in, downtime started (the breakpoint) if not yet. */
    public static String inDowntime() {
        enrolled();
        String cookie = login("super-1");
        boolean down = given().cookie("kiosk_session", cookie).get("/api/mode").then().statusCode(200).extract().path("downtime");
        if (!down) {
            given().cookie("kiosk_session", cookie).contentType(ContentType.JSON)
                    .body(phoned("信息科电话通知：HIS全院故障"))
                    .post("/api/mode/downtime").then().statusCode(200);
        }
        return cookie;
    }

    /** HR-9: a blank invoice spoiled with the reason, approved by the second cashier lead ({@code super-2}) with their password. */
    public static Map<String, Object> spoil(String reason) {
        return Map.of("reason", reason, "approverAccountId", "super-2", "approverPassword", StandInServer.PASSWORD);
    }

    /** EP-6.1: a phoned instruction as stated here, confirmed by the second cashier lead ({@code super-2}) with their password. */
    public static Map<String, Object> phoned(String reason) {
        return Map.of("source", "SUPERVISOR", "reason", reason, "confirmerAccountId", "super-2", "confirmerPassword", StandInServer.PASSWORD);
    }

    public static long lastSeq(String cookie) {
        return ((Number) given().cookie("kiosk_session", cookie).get("/api/status").then().statusCode(200).extract().path("lastSeq")).longValue();
    }
}
