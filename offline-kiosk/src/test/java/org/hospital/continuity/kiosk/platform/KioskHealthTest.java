package org.hospital.continuity.kiosk.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(KioskHealthTest.ServerAway.class)
class KioskHealthTest {

    /** The server URL points at a port where nothing listens: the network is gone. */
    public static class ServerAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("continuity.server-url", "http://127.0.0.1:9", "continuity.server-timeout-millis", "500");
        }
    }

    @Test
    @DisplayName("a kiosk stays ready while the server is unreachable: offline is its normal mode")
    void readyWhileTheServerIsUnreachable() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("SQLite journal writable", "Free disk for the journal"));
        given().when().get("/api/connectivity").then()
                .statusCode(200)
                .body("reachable", equalTo(false));
    }

    @Test
    void liveIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
