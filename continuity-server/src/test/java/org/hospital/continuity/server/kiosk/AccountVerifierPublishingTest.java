package org.hospital.continuity.server.kiosk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HR-3, HR-7: the kiosks of a staff member's department sign them in offline with the verifier of
 * their current server password; a new password replaces it, a disabled account's is withdrawn.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AccountVerifierPublishingTest {

    private static final String DEPARTMENT = "KV-CASH";

    /** The kiosk's own check (the kiosk recomputes PBKDF2 from the typed password and compares). */
    private static boolean verifies(Map<String, Object> verifier, String password) throws Exception {
        byte[] salt = Base64.getDecoder().decode((String) verifier.get("salt"));
        int iterations = (Integer) verifier.get("iterations");
        byte[] hash = SecretKeyFactory.getInstance((String) verifier.get("algorithm"))
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        return HexFormat.of().formatHex(hash).equals(verifier.get("hash"));
    }

    private static Map<String, Object> verifierIn(String[] kiosk, String account) {
        JsonPath snapshot = given().auth().preemptive().basic(kiosk[0], kiosk[1]).get("/api/kiosk/snapshot").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> staff = snapshot.getList("staff");
        return staff.stream().filter(s -> account.equals(s.get("accountId"))).findFirst().orElse(null);
    }

    private static String accountId(String username) {
        List<Map<String, Object>> all = TestAccounts.asAdmin().get("/api/accounts").then().statusCode(200).extract().jsonPath().getList("$");
        return (String) all.stream().filter(a -> username.equals(a.get("username"))).findFirst().orElseThrow().get("id");
    }

    @Test
    @DisplayName("HR-3 HR-7 a new password reaches the department's kiosks as a new verifier; a disabled account's verifier is withdrawn")
    void passwordChangesAndDisablingReachTheKiosks() throws Exception {
        TestAccounts.department(DEPARTMENT, "OUTPATIENT_REGISTRATION");
        JsonPath enrolled = KioskRegistryTest.enrol(KioskRegistryTest.createKiosk("收费验证窗", DEPARTMENT).getString("code"));
        String[] kiosk = {enrolled.getString("kioskId"), enrolled.getString("secret")};

        TestAccounts.user("kv-cashier", DEPARTMENT, "CASHIER");
        TestAccounts.user("kv-head", DEPARTMENT, "DEPARTMENT_HEAD");
        TestAccounts.user("kv-it", DEPARTMENT, "IT_DUTY");

        Map<String, Object> first = verifierIn(kiosk, "kv-cashier");
        assertThat(first).as("the new account's verifier is in its department's snapshot").isNotNull();
        assertThat(first.get("roles")).isEqualTo(List.of("CASHIER"));
        assertThat(first.get("displayName")).isEqualTo("测试 kv-cashier");
        assertThat(verifies(first, TestAccounts.PASSWORD)).isTrue();
        assertThat(verifierIn(kiosk, "kv-head").get("roles")).isEqualTo(List.of("SUPERVISOR"));
        assertThat(verifierIn(kiosk, "kv-it")).as("no kiosk role, no verifier").isNull();

        String id = accountId("kv-cashier");
        TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("password", "Changed-pass-2026"))
                .post("/api/accounts/" + id + "/password").then().statusCode(200);
        Map<String, Object> changed = verifierIn(kiosk, "kv-cashier");
        assertThat(verifies(changed, "Changed-pass-2026")).isTrue();
        assertThat(verifies(changed, TestAccounts.PASSWORD)).as("the old password no longer signs in at the kiosk").isFalse();

        TestAccounts.asAdmin().post("/api/accounts/" + id + "/disable").then().statusCode(200);
        assertThat(verifierIn(kiosk, "kv-cashier")).as("a disabled account is withdrawn from the kiosks").isNull();

        TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("password", "Changed-again-2027"))
                .post("/api/accounts/" + id + "/password").then().statusCode(200);
        assertThat(verifierIn(kiosk, "kv-cashier")).as("a password set on a disabled account stays withdrawn").isNull();

        TestAccounts.asAdmin().post("/api/accounts/" + id + "/enable").then().statusCode(200);
        Map<String, Object> restored = verifierIn(kiosk, "kv-cashier");
        assertThat(restored).isNotNull();
        assertThat(verifies(restored, "Changed-again-2027")).isTrue();

        JsonPath other = KioskRegistryTest.enrol(KioskRegistryTest.createKiosk("别的科室", "SFC").getString("code"));
        assertThat(verifierIn(new String[] {other.getString("kioskId"), other.getString("secret")}, "kv-cashier"))
                .as("only the kiosks of the person's department receive it").isNull();
    }
}
