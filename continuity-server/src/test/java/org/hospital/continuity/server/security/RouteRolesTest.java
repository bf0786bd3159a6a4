package org.hospital.continuity.server.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hospital.continuity.server.platform.security.StaffRole;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.security.Roles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.hospital.continuity.testsupport.RouteInventory;

/**
 * HR-1: every route of the server carries an explicit role rule. The routes come from the OpenAPI document
 * and from the compiled resource classes (each must account for the other), so an endpoint added by
 * anybody is checked without being listed here. Open routes need a written reason below.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class RouteRolesTest {

    /** The only routes open to anonymous callers, and why each is safe. */
    static final Map<String, String> PUBLIC_ROUTES = Map.ofEntries(
            Map.entry("POST /api/auth/login", "signing in: the password is the proof (HR-3 lockout, passwords only over TLS off loopback)"),
            Map.entry("POST /api/kiosk/enrolments", "kiosk enrolment: the single-use, expiring enrolment code is the proof"),
            Map.entry("POST /api/sync/v1/push", "the sync receiver authenticates the kiosk itself (HTTP Basic kiosk credential, revocation checked)"),
            Map.entry("GET /api/sync/v1/orders/{recordId}", "a pharmacy kiosk asks for another kiosk's synced order: the receiver "
                    + "authenticates the kiosk itself as for a push (HTTP Basic kiosk credential, revocation checked; 401 otherwise)"),
            Map.entry("GET /api/sync/v1/relay", "HIS down, LAN up: a kiosk follows the records of other stations meant for its department; "
                    + "the receiver authenticates the kiosk itself as for a push (HTTP Basic kiosk credential, revocation checked; 401 "
                    + "otherwise, 403 for a kiosk without a department; RelayFeedTest)"),
            Map.entry("POST /api/notifications/ack/{token}", "acknowledging from a message link: the random single-purpose token is the proof"),
            Map.entry("GET /ack/{token}", "the acknowledgement page of a message link: the token is the proof, nothing else is shown"),
            Map.entry("POST /ack/{token}", "acknowledging on that page: the random single-purpose token is the proof"),
            Map.entry("GET /board", "shows the sign-in page without a session; the board itself is rendered only for a signed-in identity"),
            Map.entry("GET /board/incidents/{id}/report", "shows the sign-in page without a session; the report is rendered only for a signed-in identity"),
            Map.entry("GET /board/incidents/{id}/report.pdf", "401 without a signed-in reader (checked in BoardPage); the PDF only for a signed-in identity"),
            Map.entry("GET /drills/{id}/report", "shows the sign-in page without a session; the drill report only for a signed-in identity"),
            Map.entry("GET /ops", "shows the sign-in page (or a refusal in words) without an IT session; the page holds no data, "
                    + "it works through the role-checked, audited APIs of the features"),
            Map.entry("GET /ops/people", "shows the sign-in page (or a refusal in words) without an IT administrator's session; the page "
                    + "holds no data, it works through the role-checked, audited people, account and kiosk APIs"),
            Map.entry("GET /ops/departments", "shows the sign-in page (or a refusal in words) without an IT session; the page holds no "
                    + "data, its script reads and changes departments through /api/departments (role-checked there)"),
            Map.entry("GET /ops/catalogue", "shows the sign-in page (or a refusal in words) without an IT session; the page holds no data, "
                    + "its script reads and enters approved catalogue changes through /api/reference/{catalogue}/approvals (role-checked there)"),
            Map.entry("GET /ops/roster", "shows the sign-in page (or a refusal in words) without an IT session; the page holds no data, "
                    + "it works through the role-checked, audited roster API"),
            Map.entry("GET /ops/drills", "shows the sign-in page (or a refusal in words) without an IT session; the page holds no data, "
                    + "it works through the role-checked, audited drill API"),
            Map.entry("GET /ops/systems", "shows the sign-in page (or a refusal in words) without an IT session; the page holds no data, "
                    + "it works through the role-checked, audited probe and restore-test APIs"),
            Map.entry("GET /readiness", "shows the sign-in page without a session; the kiosk list only for a signed-in identity"),
            Map.entry("GET /workbench", "shows the sign-in page without a session; the page holds no patient data, it reads through "
                    + "the role-checked, audited /api/workbench API"),
            Map.entry("GET /demo/receivers", "demo profile only (404 otherwise): what the built-in demo mail/SMS/robot receivers got"),
            Map.entry("GET /demo/receivers/received", "demo profile only (404 otherwise): the same list as JSON"),
            Map.entry("POST /demo/receivers/sms", "demo profile only (404 otherwise): stands in for an SMS gateway, like the real one it takes "
                    + "the server's calls without a hospital session"),
            Map.entry("POST /demo/receivers/wecom", "demo profile only (404 otherwise): stands in for a WeCom robot webhook"),
            Map.entry("POST /demo/receivers/dingtalk/{robot}", "demo profile only (404 otherwise): stands in for a DingTalk robot; checks "
                    + "the DingTalk signature as DingTalk does"));

    /** Non-JAX-RS routes of the platform, outside the OpenAPI document. */
    static final Map<String, String> PLATFORM_ROUTES = Map.of(
            "GET /q/health", "liveness/readiness for the load balancer and the kiosks: up/down and check names, no data",
            "GET /q/openapi", "the API description; lists routes and schemas, no data");

    private static Set<String> knownRoles() {
        Set<String> roles = new TreeSet<>();
        for (Field f : Roles.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    roles.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        Arrays.stream(StaffRole.values()).forEach(r -> roles.add(r.securityName()));
        return roles;
    }

    @Test
    @DisplayName("HR-1 every route in the OpenAPI document is a resource method of the server, and every resource method is in the document")
    void openApiAndResourceClassesAgree() {
        String doc = given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        Set<String> documented = RouteInventory.openApiOperations(doc);
        Set<String> scanned = RouteInventory.byKey(RouteInventory.scan("org.hospital.continuity.server")).keySet();
        assertThat(documented).as("routes in the OpenAPI document").isNotEmpty();
        assertThat(scanned).as("resource methods missing from the OpenAPI document").isSubsetOf(documented);
        assertThat(documented).as("OpenAPI routes the resource scan cannot explain").isSubsetOf(scanned);
    }

    @Test
    @DisplayName("HR-1 every route has an explicit @RolesAllowed or @PermitAll, open routes are justified and roles exist")
    void everyRouteHasAnExplicitRule() {
        List<RouteInventory.Route> routes = RouteInventory.scan("org.hospital.continuity.server");
        Set<String> roles = knownRoles();
        List<String> problems = new ArrayList<>();
        for (RouteInventory.Route r : routes) {
            if (r.rule().isEmpty()) {
                problems.add(r.key() + " (" + r.resource().getSimpleName() + "." + r.javaMethod().getName() + ") has no role rule");
            } else if (r.permitAll() && !PUBLIC_ROUTES.containsKey(r.key())) {
                problems.add(r.key() + " is @PermitAll without a justification in RouteRolesTest.PUBLIC_ROUTES");
            }
            for (String role : r.rolesAllowed()) {
                if (!roles.contains(role)) {
                    problems.add(r.key() + " allows the unknown role '" + role + "'");
                }
            }
        }
        Set<String> open = routes.stream().filter(RouteInventory.Route::permitAll).map(RouteInventory.Route::key).collect(Collectors.toSet());
        PUBLIC_ROUTES.keySet().stream().filter(k -> !open.contains(k))
                .forEach(k -> problems.add(k + " is listed as public but is not an open route any more: remove it from the list"));
        assertThat(problems).as("routes without an acceptable role rule").isEmpty();
        assertThat(routes).as("routes found").hasSizeGreaterThan(50);
    }

    @Test
    @DisplayName("HR-1 the platform routes outside the OpenAPI document answer without a session and show no data")
    void platformRoutesAreHarmless() {
        given().when().get("/q/health").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        assertThat(PLATFORM_ROUTES).hasSize(2);
    }
}
