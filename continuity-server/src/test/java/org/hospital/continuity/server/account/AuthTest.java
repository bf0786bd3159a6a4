package org.hospital.continuity.server.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hospital.continuity.server.platform.TestAccounts.as;
import static org.hospital.continuity.server.platform.TestAccounts.asAdmin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AuthTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    @DisplayName("HR-1 the seeded administrator signs in and sees its roles")
    void seededAdministratorSignsIn() {
        asAdmin().when().get("/api/auth/me").then().statusCode(200)
                .body("username", equalTo(TestAccounts.ADMIN_USER))
                .body("roles", hasItem("it-admin"))
                .body("roles", hasItem("it"));
    }

    @Test
    @DisplayName("HR-1 anonymous callers get 401 problem+json on every guarded endpoint")
    void anonymousGets401() {
        for (String path : List.of("/api/auth/me", "/api/accounts", "/api/people", "/api/departments", "/api/roster/on-duty",
                "/api/fault-reports", "/api/contacts/stale")) {
            given().when().get(path).then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", "Bearer realm=\"continuity\"");
        }
        given().header("Authorization", "Bearer s.not-a-real-session-token-0000000").when().get("/api/auth/me")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    @DisplayName("HR-1 a cashier may not manage accounts or people: 403 and nothing changes")
    void wrongRoleGets403() {
        String cashier = TestAccounts.cashier();
        int before = asAdmin().when().get("/api/accounts").then().statusCode(200).extract().jsonPath().getList("$").size();
        as(cashier).contentType(ContentType.JSON).body(Map.of("username", "x1", "personId", "5f0e7a4e-0000-4000-8000-000000000000", "password", "abcdefgh12"))
                .when().post("/api/accounts").then().statusCode(403).contentType(PROBLEM).body("rule", equalTo("HR-1"));
        as(cashier).contentType(ContentType.JSON).body(Map.of("name", "x", "departmentCode", "IT", "roles", List.of("IT_ADMIN")))
                .when().post("/api/people").then().statusCode(403);
        assertThat(asAdmin().when().get("/api/accounts").then().extract().jsonPath().getList("$")).hasSize(before);
    }

    @Test
    @DisplayName("HR-1 the leadership role is read-only: it reads, it cannot file a fault report")
    void leadershipIsReadOnly() {
        String leader = TestAccounts.leader();
        as(leader).when().get("/api/fault-reports").then().statusCode(200);
        as(leader).when().get("/api/contacts/stale").then().statusCode(200);
        as(leader).contentType(ContentType.JSON).body(Map.of("location", "院办", "symptom", "无法登录"))
                .when().post("/api/fault-reports").then().statusCode(403);
    }

    @Test
    @DisplayName("HR-3 five wrong passwords lock the account, even against the right one, and the hash is never shown")
    void lockoutAfterRepeatedFailures() {
        TestAccounts.user("lock-me", "IT", "IT_DUTY");
        for (int i = 0; i < 4; i++) {
            given().contentType(ContentType.JSON).body(Map.of("username", "lock-me", "password", "wrong-password-" + i))
                    .when().post("/api/auth/login").then().statusCode(401).contentType(PROBLEM).body("rule", equalTo("HR-3"));
        }
        given().contentType(ContentType.JSON).body(Map.of("username", "lock-me", "password", "wrong-password-5"))
                .when().post("/api/auth/login").then().statusCode(423).body("type", equalTo("/problems/account-locked"));
        given().contentType(ContentType.JSON).body(Map.of("username", "lock-me", "password", TestAccounts.PASSWORD))
                .when().post("/api/auth/login").then().statusCode(423);
        asAdmin().when().get("/api/accounts").then().statusCode(200)
                .body("find { it.username == 'lock-me' }.failedAttempts", equalTo(5))
                .body(not(org.hamcrest.Matchers.containsString("pbkdf2")));
    }

    @Test
    @DisplayName("HR-3 an unknown user name gets the same 401 as a wrong password")
    void unknownUserIs401() {
        given().contentType(ContentType.JSON).body(Map.of("username", "nobody-here", "password", "whatever-123"))
                .when().post("/api/auth/login").then().statusCode(401).body("type", equalTo("/problems/sign-in-failed"));
    }

    @Test
    @DisplayName("HR-2 signing out ends the session")
    void logoutEndsTheSession() {
        TestAccounts.user("logout-user", "IT", "IT_DUTY");
        String token = TestAccounts.login("logout-user", TestAccounts.PASSWORD);
        as(token).when().get("/api/auth/me").then().statusCode(200);
        as(token).when().post("/api/auth/logout").then().statusCode(204);
        as(token).when().get("/api/auth/me").then().statusCode(401);
    }

    @Test
    @DisplayName("HR-3 a weak password is refused with 422 and no account is created")
    void weakPasswordRefused() {
        String personId = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "弱口令", "departmentCode", "IT", "roles", List.of("IT_DUTY")))
                .when().post("/api/people").then().statusCode(201).extract().path("id");
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "weak-1", "personId", personId, "password", "123456"))
                .when().post("/api/accounts").then().statusCode(422).body("rule", equalTo("HR-3"));
        given().contentType(ContentType.JSON).body(Map.of("username", "weak-1", "password", "123456"))
                .when().post("/api/auth/login").then().statusCode(401);
    }
}
