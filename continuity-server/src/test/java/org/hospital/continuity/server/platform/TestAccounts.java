package org.hospital.continuity.server.platform;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in test users, one per role, created through the API by the seeded administrator and
 * cached for the whole test JVM (the embedded database lives as long). Passwords exist only here.
 */
public final class TestAccounts {

    public static final String ADMIN_USER = "test-admin";
    public static final String ADMIN_PASSWORD = "Admin-Passw0rd-for-tests";
    public static final String PASSWORD = "Staff-Passw0rd-1";

    /** A session and when it ends by the server's (test) clock: after a long clock jump the user signs in again. */
    private record Session(String token, java.time.Instant expiresAt) {
    }

    private static final Map<String, Session> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, String> PERSON_IDS = new ConcurrentHashMap<>();

    private TestAccounts() {
    }

    public static String login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .when().post("/api/auth/login").then().statusCode(200).extract().path("token");
    }

    /** A cached session of the user, or a new one when it is about to expire. */
    private static synchronized String session(String username, String password) {
        Session s = TOKENS.get(username);
        if (s == null || s.expiresAt().isBefore(TestClock.now().plusSeconds(300))) {
            var r = given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                    .when().post("/api/auth/login").then().statusCode(200).extract();
            s = new Session(r.path("token"), java.time.Instant.parse(r.path("expiresAt")));
            TOKENS.put(username, s);
        }
        return s.token();
    }

    public static synchronized String admin() {
        return session(ADMIN_USER, ADMIN_PASSWORD);
    }

    /** A request carrying the session of the given user. */
    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    public static RequestSpecification asAdmin() {
        return as(admin());
    }

    /** A department following the given ladder area, created once. */
    public static synchronized String department(String code, String area) {
        int status = asAdmin().contentType(ContentType.JSON)
                .body(area == null ? Map.of("code", code, "nameZh", code, "nameEn", code)
                        : Map.of("code", code, "nameZh", code, "nameEn", code, "area", area))
                .when().post("/api/departments").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("department " + code + ": " + status);
        }
        return code;
    }

    /**
     * A signed-in user with these staff roles in this department (created once per user name).
     * Returns the session token.
     */
    public static synchronized String user(String username, String departmentCode, String... roles) {
        if (PERSON_IDS.containsKey(username)) {
            return session(username, PASSWORD);
        }
        {
            String u = username;
            String personId = asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("name", "测试 " + u, "departmentCode", departmentCode, "roles", List.of(roles),
                            "contacts", List.of(Map.of("kind", "PHONE", "address", "1380000" + Math.abs(u.hashCode() % 10000)))))
                    .when().post("/api/people").then().statusCode(201).extract().path("id");
            PERSON_IDS.put(u, personId);
            asAdmin().contentType(ContentType.JSON).body(Map.of("username", u, "personId", personId, "password", PASSWORD))
                    .when().post("/api/accounts").then().statusCode(201);
            return session(u, PASSWORD);
        }
    }

    public static String personId(String username) {
        return PERSON_IDS.get(username);
    }

    /** Common users. */
    public static String itDuty() {
        return user("it-duty-1", "IT", "IT_DUTY");
    }

    public static String leader() {
        return user("leader-1", "IT", "LEADERSHIP");
    }

    public static String cashier() {
        department("OUTPATIENT-CASH", "OUTPATIENT_REGISTRATION");
        return user("cashier-1", "OUTPATIENT-CASH", "CASHIER");
    }
}
