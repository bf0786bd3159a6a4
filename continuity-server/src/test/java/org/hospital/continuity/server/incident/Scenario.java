package org.hospital.continuity.server.incident;

import static org.hospital.continuity.server.platform.TestAccounts.as;
import static org.hospital.continuity.server.platform.TestAccounts.asAdmin;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;

/** Steps of an outage scenario through the API, shared by the scenario tests. */
final class Scenario {

    private Scenario() {
    }

    /**
     * Leaves no open incident behind: IT declares recovery of every open incident where anything holds, then the
     * quiet period passes (several may be open at once).
     */
    static void settle(TestClock clock, RunningTheIncidentEngine engine) {
        for (int round = 0; round < 5; round++) {
            int status = as(TestAccounts.itDuty()).when().get("/api/incidents/current").then().extract().statusCode();
            if (status == 404) {
                return;
            }
            List<String> open = as(TestAccounts.itDuty()).when().get("/api/incidents?limit=50").then().statusCode(200).extract()
                    .jsonPath().getList("findAll { it.closedAt == null }.id", String.class);
            for (String id : open) {
                as(TestAccounts.itDuty()).contentType(ContentType.JSON).body(Map.of("note", "test reset")).when()
                        .post("/api/incidents/" + id + "/recovery").then().statusCode(org.hamcrest.Matchers.anyOf(
                                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(409)));
            }
            clock.advance(Duration.ofMinutes(31));
            engine.tick().await().atMost(Duration.ofSeconds(30));
        }
        as(TestAccounts.itDuty()).when().get("/api/incidents/current").then().statusCode(404);
    }

    /** A TCP probe of the database server against a port nobody listens on: it will see the server down. */
    static String deadDatabaseProbe(String name) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "TCP", "target", "127.0.0.1:1", "component", "DATABASE_SERVER",
                        "series", "his-db-" + name, "intervalMs", 60000, "timeoutMs", 1000))
                .when().post("/api/probes").then().statusCode(201).extract().path("id");
    }

    static JsonPath current() {
        String id = as(TestAccounts.leader()).when().get("/api/incidents/current").then().statusCode(200).extract().path("id");
        return as(TestAccounts.leader()).when().get("/api/incidents/" + id).then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> instructions(String incidentId) {
        return as(TestAccounts.leader()).when().get("/api/incidents/" + incidentId + "/instructions").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    static long count(List<Map<String, Object>> instructions, String kind, String party) {
        return instructions.stream().filter(i -> kind.equals(i.get("kind")) && party.equals(i.get("party"))).count();
    }
}
