package org.hospital.continuity.kiosk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.hospital.continuity.testsupport.RouteInventory;

/**
 * HR-1: every route of the kiosk's local API carries an explicit role rule. Routes come from the OpenAPI
 * document and from the compiled resource classes, so new endpoints are checked without being listed.
 * Open routes need a written reason below.
 */
@QuarkusTest
class RouteRolesTest {

    /** Routes open without a staff session, and why each is safe. */
    static final Map<String, String> PUBLIC_ROUTES = Map.ofEntries(
            Map.entry("POST /api/session", "signing in: the password is checked against the department's verifiers (HR-3 lockout)"),
            Map.entry("DELETE /api/session", "signing out only ends the session whose cookie is presented"),
            Map.entry("GET /api/status", "the banner: mode, journal and sync counters, snapshot age, the signed-in name; no patient data"),
            Map.entry("GET /api/i18n/{language}", "the UI's message bundle"),
            Map.entry("GET /api/kiosk", "whether and to whom this kiosk is enrolled; no secret, no patient data"),
            Map.entry("POST /api/kiosk/enrolment", "enrolment: the single-use, expiring code issued by an IT administrator is the proof"),
            Map.entry("GET /api/sync/status", "sync counters for the banner; no patient data"),
            Map.entry("POST /api/sync/push-now", "asks the agent to push now; changes nothing but timing"),
            Map.entry("GET /api/mode", "the downtime/normal banner"),
            Map.entry("GET /api/reference/search", "price catalogue search: items and prices, no patient data"),
            Map.entry("GET /api/reference/items", "price catalogue: items and prices, no patient data"),
            Map.entry("GET /api/reference/departments", "department list"),
            Map.entry("GET /api/reference/doctors", "doctor list of the department (staff names, not patient data)"),
            Map.entry("GET /api/settings/language", "the UI language of this kiosk"),
            Map.entry("PUT /api/settings/language", "switches the UI language of this kiosk"),
            Map.entry("GET /api/connectivity", "whether the server answers"));

    @Test
    @DisplayName("HR-1 every route in the kiosk's OpenAPI document is a resource method, and every resource method is documented")
    void openApiAndResourceClassesAgree() {
        String doc = given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        Set<String> documented = RouteInventory.openApiOperations(doc);
        Set<String> scanned = RouteInventory.byKey(RouteInventory.scan("org.hospital.continuity.kiosk")).keySet();
        assertThat(documented).isNotEmpty();
        assertThat(scanned).as("resource methods missing from the OpenAPI document").isSubsetOf(documented);
        assertThat(documented).as("OpenAPI routes the resource scan cannot explain").isSubsetOf(scanned);
    }

    @Test
    @DisplayName("HR-1 every kiosk route has an explicit @RolesAllowed or @PermitAll, and open routes are justified")
    void everyRouteHasAnExplicitRule() {
        List<RouteInventory.Route> routes = RouteInventory.scan("org.hospital.continuity.kiosk");
        List<String> problems = new ArrayList<>();
        for (RouteInventory.Route r : routes) {
            if (r.rule().isEmpty()) {
                problems.add(r.key() + " (" + r.resource().getSimpleName() + "." + r.javaMethod().getName() + ") has no role rule");
            } else if (r.permitAll() && !PUBLIC_ROUTES.containsKey(r.key())) {
                problems.add(r.key() + " is @PermitAll without a justification in RouteRolesTest.PUBLIC_ROUTES");
            }
            for (String role : r.rolesAllowed()) {
                if (!role.equals(KioskRoles.STAFF) && !role.equals(role.toUpperCase())) {
                    problems.add(r.key() + " allows '" + role + "': use KioskRoles.STAFF or a published staff role (CASHIER …)");
                }
            }
        }
        Set<String> open = routes.stream().filter(RouteInventory.Route::permitAll).map(RouteInventory.Route::key).collect(Collectors.toSet());
        PUBLIC_ROUTES.keySet().stream().filter(k -> !open.contains(k))
                .forEach(k -> problems.add(k + " is listed as public but is not an open route any more: remove it from the list"));
        assertThat(problems).as("routes without an acceptable role rule").isEmpty();
        assertThat(routes).hasSizeGreaterThan(20);
    }

    @Test
    @DisplayName("HR-2 a guarded route without a session answers 401 problem+json, not a page or a stack trace")
    void guardedRoutesNeedASession() {
        for (RouteInventory.Route r : RouteInventory.scan("org.hospital.continuity.kiosk")) {
            if (r.permitAll()) {
                continue;
            }
            String path = r.path().replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
            var response = given().contentType("application/json").body("{}").when().request(r.method(), path).then().extract();
            assertThat(response.statusCode()).as(r.key()).isIn(401, 404);
            if (response.statusCode() == 401) {
                assertThat(response.contentType()).as(r.key()).startsWith("application/problem+json");
            }
        }
    }
}
