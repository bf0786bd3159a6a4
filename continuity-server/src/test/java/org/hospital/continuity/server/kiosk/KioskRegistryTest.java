package org.hospital.continuity.server.kiosk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hospital.continuity.server.kiosk.app.KioskCredentials;
import org.hospital.continuity.server.kiosk.KioskIdentity;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class KioskRegistryTest {

    @Inject
    KioskCredentials credentials;

    static JsonPath createKiosk(String name, String department) {
        return TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", name, "departmentCode", department))
                .post("/api/admin/kiosks").then().statusCode(201).extract().jsonPath();
    }

    static JsonPath enrol(String code) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/kiosk/enrolments")
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    @DisplayName("HR-1 kiosk administration is for IT administrators: anonymous 401, a cashier 403")
    void administrationNeedsTheAdministratorRole() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "departmentCode", "SFC")).post("/api/admin/kiosks")
                .then().statusCode(401);
        TestAccounts.as(TestAccounts.cashier()).contentType(ContentType.JSON).body(Map.of("name", "x", "departmentCode", "SFC"))
                .post("/api/admin/kiosks").then().statusCode(403);
        // kiosk sign-ins are hospital accounts (people in the directory with a password): there is no separate,
        // kiosk-only staff publication any more, not even for an administrator
        TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("displayName", "x", "departmentCode", "SFC", "roles", List.of("CASHIER"), "password", "abc123"))
                .put("/api/admin/kiosk-staff/sneaky").then().statusCode(anyOf(equalTo(404), equalTo(405)));
        TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "", "departmentCode", "S F C"))
                .post("/api/admin/kiosks").then().statusCode(422).body("violations.field", hasItem("departmentCode"));
    }

    @Test
    @DisplayName("a one-time code enrols a kiosk exactly once; the credential verifies and a wrong one does not")
    void oneTimeCodeEnrolsOnce() {
        JsonPath created = createKiosk("收费2号窗", "SFC");
        String code = created.getString("code");
        JsonPath enrolled = enrol(code.toLowerCase().substring(0, 4) + "-" + code.substring(4));
        String kioskId = enrolled.getString("kioskId");
        String secret = enrolled.getString("secret");
        assertThat(kioskId).isEqualTo(created.getString("kioskId"));
        assertThat(enrolled.getString("departmentName")).isEqualTo("门诊收费处");
        assertThat(enrolled.getList("blocks.pool")).containsExactly("PATIENT", "INVOICE");

        given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/kiosk/enrolments")
                .then().statusCode(409).body("type", equalTo("/problems/enrolment-code-invalid"));

        Optional<KioskIdentity> ok = credentials.verify(kioskId, secret).await().atMost(Duration.ofSeconds(5));
        assertThat(ok).map(KioskIdentity::departmentCode).contains("SFC");
        assertThat(credentials.verify(kioskId, secret + "x").await().atMost(Duration.ofSeconds(5))).isEmpty();
        assertThat(credentials.verify("K-NOPE", secret).await().atMost(Duration.ofSeconds(5))).isEmpty();

        TestAccounts.asAdmin().post("/api/admin/kiosks/" + kioskId + "/revoke").then().statusCode(204);
        assertThat(credentials.verify(kioskId, secret).await().atMost(Duration.ofSeconds(5))).isEmpty();
        given().auth().preemptive().basic(kioskId, secret).get("/api/kiosk/snapshot").then().statusCode(401);
    }

    @Test
    @DisplayName("HR-3 the snapshot carries catalogue with pinyin initials and the department's verifiers, never a password")
    void snapshotCarriesCatalogueAndVerifiers() {
        // the department's staff are hospital accounts; their offline verifiers follow from their passwords
        TestAccounts.department("SFC", "OUTPATIENT_REGISTRATION");
        TestAccounts.user("sfc-cashier-1", "SFC", "CASHIER");
        String weakPerson = TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "弱密码", "departmentCode", "SFC", "roles", List.of("CASHIER")))
                .post("/api/people").then().statusCode(201).extract().path("id");
        TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("username", "weak-1", "personId", weakPerson, "password", "abcdef"))
                .post("/api/accounts").then().statusCode(422).body("rule", equalTo("HR-3"));
        JsonPath enrolled = enrol(createKiosk("收费3号窗", "SFC").getString("code"));
        String body = given().auth().preemptive().basic(enrolled.getString("kioskId"), enrolled.getString("secret"))
                .get("/api/kiosk/snapshot").then().statusCode(200)
                .body("items.find { it.code == 'D0001' }.pinyin", equalTo("AMXLJN"))
                .body("items.find { it.code == 'D0001' }.priceFen", equalTo(currentDrugPrice("D0001", 860)))
                .body("staff.find { it.accountId == 'sfc-cashier-1' }.hash", not(nullValue()))
                .body("staff.accountId", not(hasItem("weak-1")))
                .extract().asString();
        assertThat(body).doesNotContain(TestAccounts.PASSWORD);
        given().auth().preemptive().basic(enrolled.getString("kioskId"), "wrong").get("/api/kiosk/snapshot").then().statusCode(401);
    }

    /**
     * EP-4.1: kiosks price from the CURRENT import of the integrity watch when there is one (other tests
     * of this JVM may import one), else from the seeded catalogue.
     */
    static int currentDrugPrice(String code, int seeded) {
        var r = TestAccounts.asAdmin().get("/api/reference/DRUG_DICTIONARY/current").then().extract();
        if (r.statusCode() != 200) {
            return seeded;
        }
        Integer price = r.jsonPath().get("items.find { it.code == '" + code + "' }.priceFen");
        return price == null ? seeded : price;
    }

    @Test
    @DisplayName("EP-6.2.3 number blocks asked for at the same time by many kiosks never overlap")
    void concurrentBlocksNeverOverlap() throws Exception {
        List<String[]> kiosks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonPath e = enrol(createKiosk("并发" + i, "SFC").getString("code"));
            kiosks.add(new String[] {e.getString("kioskId"), e.getString("secret")});
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<long[]>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String[] k = kiosks.get(i % kiosks.size());
                calls.add(() -> {
                    JsonPath b = given().auth().preemptive().basic(k[0], k[1]).contentType(ContentType.JSON)
                            .body(Map.of("pool", "INVOICE")).post("/api/kiosk/number-blocks").then().statusCode(200).extract().jsonPath();
                    return new long[] {b.getLong("first"), b.getLong("last")};
                });
            }
            List<long[]> ranges = new ArrayList<>();
            for (Future<long[]> f : pool.invokeAll(calls)) {
                ranges.add(f.get());
            }
            ranges.sort((a, b) -> Long.compare(a[0], b[0]));
            for (int i = 1; i < ranges.size(); i++) {
                assertThat(ranges.get(i)[0]).as("block %d starts after the previous ends", i).isGreaterThan(ranges.get(i - 1)[1]);
            }
        } finally {
            pool.shutdownNow();
        }
        given().auth().preemptive().basic(kiosks.get(0)[0], kiosks.get(0)[1]).contentType(ContentType.JSON)
                .body(Map.of("pool", "BOGUS")).post("/api/kiosk/number-blocks").then().statusCode(422);
    }
}
