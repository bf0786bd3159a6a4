package org.hospital.continuity.server.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hospital.continuity.server.platform.TestAccounts.as;
import static org.hospital.continuity.server.platform.TestAccounts.asAdmin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hospital.continuity.server.account.domain.OneTimePasswords;
import org.hospital.continuity.server.account.domain.PasswordRules;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The operations page's way to open accounts and reset passwords (HR-1, HR-3, HR-7): the server generates a one-time
 * password, answers it once to the administrator who asked, and keeps only its hash.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OneTimePasswordTest {

    private static String newPerson(String name) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", name, "departmentCode", "IT", "roles", List.of("LEADERSHIP")))
                .when().post("/api/people").then().statusCode(201).extract().path("id");
    }

    private static int login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .when().post("/api/auth/login").then().extract().statusCode();
    }

    @Test
    @DisplayName("HR-3 a generated one-time password always meets the password rules, never contains the user name and differs each time")
    void generatedPasswordsMeetTheRules() {
        Random random = new Random(7);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String p = OneTimePasswords.generate(random, "abcd");
            assertThat(PasswordRules.problem(p, "abcd")).isEmpty();
            assertThat(p).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}").doesNotContain("abcd");
            seen.add(p);
        }
        assertThat(seen).hasSizeGreaterThan(1990);
    }

    @Test
    @DisplayName("HR-1, HR-3 an administrator opens an account with a one-time password: answered once, it signs in, no listing ever shows it")
    void issuedAccountSignsInWithItsOneTimePassword() {
        String personId = newPerson("领导 王一");
        var issued = asAdmin().contentType(ContentType.JSON).body(Map.of("username", "leader-wang1", "personId", personId))
                .when().post("/api/accounts/issue").then().statusCode(201)
                .body("account.username", equalTo("leader-wang1"))
                .body("account.personName", equalTo("领导 王一"))
                .body("account.active", equalTo(true))
                .extract();
        String password = issued.path("oneTimePassword");
        assertThat(password).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");
        assertThat(issued.asString()).doesNotContain("pbkdf2");
        assertThat(login("leader-wang1", password)).isEqualTo(200);
        String id = issued.path("account.id");
        assertThat(asAdmin().when().get("/api/accounts").then().statusCode(200).extract().asString()).doesNotContain(password);
        assertThat(asAdmin().when().get("/api/accounts/" + id).then().statusCode(200).extract().asString()).doesNotContain(password);
        // one account per person (HR-1): a second one is refused and the first password still works
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "leader-wang1b", "personId", personId))
                .when().post("/api/accounts/issue").then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("account-exists"));
        assertThat(login("leader-wang1", password)).isEqualTo(200);
    }

    @Test
    @DisplayName("HR-3, HR-7 a reset gives a new one-time password: the old one and the open sessions stop working, the new one signs in")
    void resetReplacesThePasswordAndEndsSessions() {
        String personId = newPerson("领导 李二");
        var issued = asAdmin().contentType(ContentType.JSON).body(Map.of("username", "leader-li2", "personId", personId))
                .when().post("/api/accounts/issue").then().statusCode(201).extract();
        String first = issued.path("oneTimePassword");
        String id = issued.path("account.id");
        String session = TestAccounts.login("leader-li2", first);
        as(session).when().get("/api/auth/me").then().statusCode(200);

        String second = asAdmin().when().post("/api/accounts/" + id + "/one-time-password").then().statusCode(200)
                .body("account.username", equalTo("leader-li2")).extract().path("oneTimePassword");
        assertThat(second).isNotEqualTo(first);
        as(session).when().get("/api/auth/me").then().statusCode(401);
        assertThat(login("leader-li2", first)).isEqualTo(401);
        assertThat(login("leader-li2", second)).isEqualTo(200);
    }

    @Test
    @DisplayName("HR-1 IT on duty, not an administrator, may neither open accounts nor reset passwords: 403, nothing changes")
    void onlyAdministratorsIssueOrReset() {
        String personId = newPerson("领导 赵三");
        String it = TestAccounts.itDuty();
        as(it).contentType(ContentType.JSON).body(Map.of("username", "leader-zhao3", "personId", personId))
                .when().post("/api/accounts/issue").then().statusCode(403).body("rule", equalTo("HR-1"));
        assertThat(asAdmin().when().get("/api/accounts").then().extract().asString()).doesNotContain("leader-zhao3");
        String adminId = asAdmin().when().get("/api/auth/me").then().extract().path("accountId");
        as(it).when().post("/api/accounts/" + adminId + "/one-time-password").then().statusCode(403);
        assertThat(login(TestAccounts.ADMIN_USER, TestAccounts.ADMIN_PASSWORD)).isEqualTo(200);
    }

    @Test
    @DisplayName("HR-3 a session opened with a one-time password may only set a password of its own: everything else is 403 until then")
    void aOneTimePasswordMustBeReplacedBeforeAnythingElse() {
        String personId = newPerson("领导 孙四");
        String once = asAdmin().contentType(ContentType.JSON).body(Map.of("username", "leader-sun4", "personId", personId))
                .when().post("/api/accounts/issue").then().statusCode(201).extract().path("oneTimePassword");
        var signIn = given().contentType(ContentType.JSON).body(Map.of("username", "leader-sun4", "password", once))
                .when().post("/api/auth/login").then().statusCode(200).body("mustChangePassword", equalTo(true)).extract();
        String session = signIn.path("token");
        as(session).when().get("/api/auth/me").then().statusCode(200).body("mustChangePassword", equalTo(true));
        for (String path : List.of("/api/incidents", "/api/people", "/api/departments", "/api/modes")) {
            as(session).when().get(path).then().statusCode(403);
        }
        // refusals in words, nothing changed: a weak one, the same one, a wrong current one
        as(session).contentType(ContentType.JSON).body(Map.of("password", once, "newPassword", "short1"))
                .when().post("/api/auth/password").then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("weak-password"));
        as(session).contentType(ContentType.JSON).body(Map.of("password", once, "newPassword", once))
                .when().post("/api/auth/password").then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("same-password"));
        as(session).contentType(ContentType.JSON).body(Map.of("password", "not-the-password-1", "newPassword", "Sun-Lingdao-2026"))
                .when().post("/api/auth/password").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("wrong-current-password"));
        as(session).when().get("/api/auth/me").then().statusCode(200).body("mustChangePassword", equalTo(true));

        String fresh = as(session).contentType(ContentType.JSON).body(Map.of("password", once, "newPassword", "Sun-Lingdao-2026"))
                .when().post("/api/auth/password").then().statusCode(200).body("mustChangePassword", equalTo(false))
                .extract().path("token");
        // the one-time session ended with the change; the new one reads as a leader does
        as(session).when().get("/api/auth/me").then().statusCode(401);
        as(fresh).when().get("/api/incidents").then().statusCode(200);
        as(fresh).when().get("/api/auth/me").then().statusCode(200).body("mustChangePassword", equalTo(false));
        assertThat(login("leader-sun4", once)).isEqualTo(401);
        assertThat(login("leader-sun4", "Sun-Lingdao-2026")).isEqualTo(200);
        // a password an administrator sets is not one-time (kept for the API's callers)
        String id = asAdmin().when().get("/api/accounts").then().extract().path("find { it.username == 'leader-sun4' }.id");
        asAdmin().contentType(ContentType.JSON).body(Map.of("password", "Sun-Lingdao-2027")).when().post("/api/accounts/" + id + "/password")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("username", "leader-sun4", "password", "Sun-Lingdao-2027"))
                .when().post("/api/auth/login").then().statusCode(200).body("mustChangePassword", equalTo(false));
    }
}
