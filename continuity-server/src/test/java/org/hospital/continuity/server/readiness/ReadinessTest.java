package org.hospital.continuity.server.readiness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.server.platform.TestAccounts.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Readiness against the real database: an enrolled kiosk reports, the server assesses it, IT on duty is told once when
 * it turns not ready, the page lists it (zh-CN by default, English on request).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ReadinessTest {

    @Inject
    Pool pool;

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private long notices(String kioskId) {
        return pool.preparedQuery("select count(*) from notification where kind = 'KIOSK_NOT_READY' and params::text like $1")
                .execute(Tuple.of("%" + kioskId + "%")).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private static Map<String, Object> report(Instant snapshotAt, long patients) {
        Instant now = TestClock.now();
        return Map.of("kioskClock", now.plusSeconds(5).toString(), "softwareVersion", "1.0.0-test", "snapshotVersion", 3,
                "snapshotGeneratedAt", snapshotAt.toString(), "backlogPending", 0,
                "pools", List.of(Map.of("pool", "PATIENT", "remaining", patients, "earliestExpiry", now.plus(Duration.ofDays(30)).toString()),
                        Map.of("pool", "INVOICE", "remaining", 400, "earliestExpiry", now.plus(Duration.ofDays(30)).toString())));
    }

    @Test
    @DisplayName("EP-9.4 a kiosk that would fail its department is listed with its reasons and IT on duty is told once")
    void aKioskTurningNotReadyIsListedAndReportedOnce() {
        JsonPath k = TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "就绪测试窗", "departmentCode", "SFC"))
                .post("/api/admin/kiosks").then().statusCode(201).extract().jsonPath();
        JsonPath enrolled = given().contentType(ContentType.JSON).body(Map.of("code", k.getString("code"))).post("/api/kiosk/enrolments")
                .then().statusCode(201).extract().jsonPath();
        String id = enrolled.getString("kioskId");
        String auth = basic(id, enrolled.getString("secret"));
        String it = TestAccounts.itDuty();

        // a good report: ready; the answer carries the drift and whether a drill runs
        given().header("Authorization", auth).contentType(ContentType.JSON).body(report(TestClock.now().minus(Duration.ofHours(1)), 300))
                .post("/api/kiosk/readiness").then().statusCode(200).body("drill.drill", org.hamcrest.Matchers.is(false));
        List<Map<String, Object>> lines = as(it).post("/api/readiness/assessments").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> mine = lines.stream().filter(l -> id.equals(l.get("kioskId"))).findFirst().orElseThrow();
        assertThat(mine.get("ready")).isEqualTo(true);
        assertThat(((Number) mine.get("clockDriftMillis")).longValue()).isBetween(4_000L, 6_000L);
        assertThat(notices(id)).isZero();

        // an old snapshot and an almost empty patient pool: not ready, IT on duty told once
        given().header("Authorization", auth).contentType(ContentType.JSON).body(report(TestClock.now().minus(Duration.ofHours(30)), 3))
                .post("/api/kiosk/readiness").then().statusCode(200);
        as(it).post("/api/readiness/assessments").then().statusCode(200);
        as(it).post("/api/readiness/assessments").then().statusCode(200);
        assertThat(notices(id)).isEqualTo(1);
        List<Map<String, Object>> notReady = as(it).get("/api/readiness/not-ready").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> line = notReady.stream().filter(l -> id.equals(l.get("kioskId"))).findFirst().orElseThrow();
        assertThat(((List<Map<String, Object>>) line.get("problems")).stream().map(p -> p.get("code")).toList())
                .containsExactlyInAnyOrder("SNAPSHOT_OLD", "POOL_LOW");

        // the page: Chinese by default, English on request, the kiosk with its reason
        String zh = as(it).accept(ContentType.HTML).get("/readiness").then().statusCode(200).extract().asString();
        assertThat(zh).contains("终端就绪检查", "就绪测试窗", "参考数据已", "门诊收费处");
        assertThat(zh).as("the department in words, not its code").doesNotContain("<td>SFC</td>");
        String en = as(it).accept(ContentType.HTML).get("/readiness?lang=en").then().statusCode(200).extract().asString();
        assertThat(en).contains("Kiosk readiness", "reference snapshot is");

        // fixed, then broken again: told again
        given().header("Authorization", auth).contentType(ContentType.JSON).body(report(TestClock.now().minus(Duration.ofHours(1)), 300))
                .post("/api/kiosk/readiness").then().statusCode(200);
        as(it).post("/api/readiness/assessments").then().statusCode(200);
        given().header("Authorization", auth).contentType(ContentType.JSON).body(report(TestClock.now().minus(Duration.ofHours(40)), 300))
                .post("/api/kiosk/readiness").then().statusCode(200);
        as(it).post("/api/readiness/assessments").then().statusCode(200);
        assertThat(notices(id)).isEqualTo(2);

        // only kiosks report; a person cannot
        as(it).contentType(ContentType.JSON).body(report(TestClock.now(), 300)).post("/api/kiosk/readiness").then().statusCode(403);
    }

    @Test
    @DisplayName("EP-9.4, HR-10 a ward kiosk whose copy of the HIS's ward data (census, orders, MAR, allergies) is stale is not ready: IT on duty is told, the page shows its as-of time and its last ward report print")
    void aWardKiosksStaleCopyOfTheHisTellsIt() {
        JsonPath k = TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "病区数据测试终端", "departmentCode", "SFC"))
                .post("/api/admin/kiosks").then().statusCode(201).extract().jsonPath();
        JsonPath enrolled = given().contentType(ContentType.JSON).body(Map.of("code", k.getString("code"))).post("/api/kiosk/enrolments")
                .then().statusCode(201).extract().jsonPath();
        String id = enrolled.getString("kioskId");
        String auth = basic(id, enrolled.getString("secret"));
        String it = TestAccounts.itDuty();
        Instant now = TestClock.now();

        // fresh ward data and a recent print: ready
        Map<String, Object> fresh = new java.util.HashMap<>(report(now.minus(Duration.ofHours(1)), 300));
        fresh.putAll(Map.of("hisDataAsOf", now.minus(Duration.ofMinutes(10)).toString(), "censusWards", 1,
                "wardReportPrintedAt", now.minus(Duration.ofHours(1)).toString()));
        given().header("Authorization", auth).contentType(ContentType.JSON).body(fresh).post("/api/kiosk/readiness").then().statusCode(200);
        as(it).post("/api/readiness/assessments").then().statusCode(200);
        assertThat(notices(id)).isZero();

        // the HIS has not answered for the kiosk's ward data for five hours: not ready, IT on duty told
        Map<String, Object> stale = new java.util.HashMap<>(fresh);
        stale.put("hisDataAsOf", now.minus(Duration.ofHours(5)).toString());
        given().header("Authorization", auth).contentType(ContentType.JSON).body(stale).post("/api/kiosk/readiness").then().statusCode(200);
        as(it).post("/api/readiness/assessments").then().statusCode(200);
        assertThat(notices(id)).isEqualTo(1);
        Map<String, Object> line = as(it).get("/api/readiness/not-ready").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$")
                .stream().filter(l -> id.equals(l.get("kioskId"))).findFirst().orElseThrow();
        assertThat(((List<Map<String, Object>>) line.get("problems")).stream().map(p -> p.get("code")).toList()).containsExactly("HIS_DATA_OLD");
        String page = as(it).accept(ContentType.HTML).get("/readiness").then().statusCode(200).extract().asString();
        assertThat(page).contains("病区数据测试终端", "病区数据（HIS）", "停机报表上次打印", "已 5 小时未从 HIS 更新", "截至 ");
    }
}
