package org.hospital.continuity.server.platform;

import static io.restassured.RestAssured.given;
import static org.hospital.continuity.server.platform.TestAccounts.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HR-1: every endpoint answers 401 to anonymous callers, and each role reaches only its part: the
 * wrong role gets 403 before anything is read or changed.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AuthorisationMatrixTest {

    private static final String ID = "5f0e7a4e-0000-4000-8000-000000000000";

    /** method, path, the roles (test users) that must be refused with 403. */
    private record Guard(String method, String path, List<String> forbiddenFor) {
    }

    private static final List<Guard> GUARDS = List.of(
            new Guard("POST", "/api/accounts", List.of("cashier", "it", "leader")),
            new Guard("GET", "/api/accounts", List.of("cashier", "it", "leader")),
            new Guard("POST", "/api/accounts/" + ID + "/disable", List.of("cashier", "it", "leader")),
            new Guard("POST", "/api/people", List.of("cashier", "it", "leader")),
            new Guard("PUT", "/api/people/" + ID + "/roles", List.of("cashier", "it", "leader")),
            new Guard("POST", "/api/departments", List.of("cashier", "it", "leader")),
            new Guard("PUT", "/api/departments/SFC", List.of("cashier", "it", "leader")),
            new Guard("POST", "/api/roster/shifts", List.of("cashier", "it", "leader")),
            new Guard("POST", "/api/roster/shifts/" + ID + "/handovers", List.of("cashier", "leader")),
            new Guard("GET", "/api/contacts/stale", List.of("cashier")),
            new Guard("POST", "/api/probes", List.of("cashier", "it", "leader")),
            new Guard("POST", "/api/probes/" + ID + "/run", List.of("cashier", "leader")),
            new Guard("POST", "/api/fault-reports", List.of("leader")),
            new Guard("POST", "/api/fault-reports/" + ID + "/verification", List.of("cashier", "leader")),
            new Guard("POST", "/api/incidents/" + ID + "/recovery", List.of("cashier", "leader")),
            new Guard("PUT", "/api/incidents/" + ID + "/override", List.of("cashier", "leader")),
            new Guard("POST", "/api/incidents/diagnoses", List.of("cashier", "leader")),
            new Guard("PUT", "/api/incidents/context", List.of("cashier", "leader")),
            new Guard("POST", "/api/incidents/manual-mode-requests", List.of("cashier", "leader")),
            new Guard("POST", "/api/instructions/" + ID + "/acknowledgements", List.of("leader")),
            new Guard("POST", "/api/modes/OUTPATIENT_REGISTRATION/back-to-normal", List.of("cashier", "leader")),
            new Guard("POST", "/api/reference/PRICE_CATALOGUE/snapshots", List.of("cashier", "it", "leader")),
            new Guard("GET", "/api/reference/PRICE_CATALOGUE/snapshots", List.of("cashier")),
            new Guard("POST", "/api/reference/PRICE_CATALOGUE/snapshots/" + ID + "/accept", List.of("cashier", "it", "leader")),
            new Guard("POST", "/api/reference/PRICE_CATALOGUE/approvals", List.of("cashier", "leader")),
            new Guard("GET", "/api/reference/PRICE_CATALOGUE/approvals", List.of("cashier")),
            new Guard("GET", "/api/his-feed", List.of("cashier")),
            new Guard("POST", "/api/his-feed/pull", List.of("cashier", "it", "leader")));

    private static final List<String> READS = List.of("/api/incidents", "/api/incidents/" + ID, "/api/modes", "/api/probes",
            "/api/instructions?party=PHARMACY", "/api/roster/on-duty", "/api/people", "/api/departments", "/api/fault-reports",
            "/api/reference/DRUG_DICTIONARY/current", "/api/auth/me", "/api/incidents/events");

    /** Imports of the guarded dictionaries are CSV; everything else JSON. */
    private static String contentType(Guard g) {
        return g.path().endsWith("/snapshots") ? "text/csv" : "application/json";
    }

    private static String token(String who) {
        return switch (who) {
            case "cashier" -> TestAccounts.cashier();
            case "it" -> TestAccounts.itDuty();
            default -> TestAccounts.leader();
        };
    }

    @Test
    @DisplayName("HR-1 anonymous callers get 401 on every endpoint, reads and writes")
    void anonymousIsRefusedEverywhere() {
        for (Guard g : GUARDS) {
            given().contentType(contentType(g)).body("{}").when().request(g.method(), g.path()).then()
                    .statusCode(401).contentType("application/problem+json");
        }
        for (String path : READS) {
            given().when().get(path).then().statusCode(401);
        }
    }

    @Test
    @DisplayName("HR-1 each role is refused the parts that are not its own, with 403 problem+json")
    void wrongRolesGet403() {
        for (Guard g : GUARDS) {
            for (String who : g.forbiddenFor()) {
                as(token(who)).contentType(contentType(g)).body("{}").when().request(g.method(), g.path()).then()
                        .statusCode(403).contentType("application/problem+json");
            }
        }
    }

    @Test
    @DisplayName("HR-1 the read-only leadership role reads every board endpoint")
    void leadershipReadsEverything() {
        for (String path : READS) {
            if (path.endsWith("/events") || path.contains(ID) || path.contains("/current")) {
                continue;
            }
            as(TestAccounts.leader()).when().get(path).then().statusCode(200);
        }
    }
}
