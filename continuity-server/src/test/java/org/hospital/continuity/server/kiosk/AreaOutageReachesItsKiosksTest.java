package org.hospital.continuity.server.kiosk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.server.platform.TestAccounts.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * EP-4.1 局部网络不通 with EP-5.2: the fibre to building B is cut while an insurance-line fault is open too. The
 * server keeps both incidents open at once, the board shows them with building B cut off, and building B's
 * ladder reaches the kiosks of building B's departments only: the cashiers' kiosk in building A never sees it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AreaOutageReachesItsKiosksTest {

    @Inject
    TestClock clock;
    @Inject
    RunningTheIncidentEngine engine;

    private void tick() {
        engine.tick().await().atMost(Duration.ofSeconds(30));
    }

    private void submit(Component component, String target, ProbeStatus status, String area) {
        engine.submit(new ProbeResult("area-test-" + UUID.randomUUID(), clock.instant(), component, target, status, "test",
                Optional.ofNullable(area).flatMap(Area::parse))).await().atMost(Duration.ofSeconds(30));
    }

    /** IT declares recovery of every open incident and the quiet period passes: nothing left open for other tests. */
    private void settle() {
        for (int round = 0; round < 5; round++) {
            List<String> open = as(TestAccounts.itDuty()).when().get("/api/incidents?limit=50").then().statusCode(200).extract()
                    .jsonPath().getList("findAll { it.closedAt == null }.id", String.class);
            if (open.isEmpty()) {
                return;
            }
            for (String id : open) {
                as(TestAccounts.itDuty()).contentType(ContentType.JSON).body(Map.of("note", "test reset")).when()
                        .post("/api/incidents/" + id + "/recovery").then().statusCode(org.hamcrest.Matchers.anyOf(
                                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(409)));
            }
            clock.advance(Duration.ofMinutes(31));
            tick();
        }
    }

    private static void department(String code, String area, String place) {
        int status = TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("code", code, "nameZh", code, "nameEn", code, "area", area, "place", place))
                .when().post("/api/departments").then().extract().statusCode();
        assertThat(status).as(code).isIn(201, 409);
    }

    private static JsonPath kiosk(String name, String department) {
        return KioskRegistryTest.enrol(KioskRegistryTest.createKiosk(name, department).getString("code"));
    }

    private static List<Map<String, Object>> kioskInstructions(JsonPath kiosk) {
        return given().auth().preemptive().basic(kiosk.getString("kioskId"), kiosk.getString("secret"))
                .get("/api/kiosk/instructions?limit=100").then().statusCode(200).extract().jsonPath().getList("instructions");
    }

    /** Switches to manual of an area's ladder ("【B楼】…"; hospital-wide ones of other tests have no place in front). */
    private static long switches(List<Map<String, Object>> instructions, String place) {
        return instructions.stream().filter(i -> "SWITCH_TO_MANUAL".equals(i.get("kind")) && String.valueOf(i.get("zh")).contains("】") && String.valueOf(i.get("zh")).contains("【" + place))
                .count();
    }

    @Test
    @DisplayName("EP-4.1 局部网络不通 / EP-5.2.1 building B's ladder reaches building B's kiosks only, beside an insurance fault open at the same time (EP-4.4)")
    void areaLadderReachesThatAreasKiosksOnlyWhileAnotherIncidentIsOpen() {
        settle();
        department("AREA-B-CASH", "OUTPATIENT_REGISTRATION", "B/1");
        department("AREA-A-CASH", "OUTPATIENT_REGISTRATION", "A/1");
        JsonPath kioskB = kiosk("B楼收费窗", "AREA-B-CASH");
        JsonPath kioskA = kiosk("A楼收费窗", "AREA-A-CASH");

        // the HIS answers; the fibre to building B is cut (EP-4.1 光纤损坏), and the insurance line fails too (EP-4.4)
        submit(Component.DATABASE_SERVER, "area-test-db", ProbeStatus.UP, null);
        submit(Component.CORE_NETWORK, "area-test-core", ProbeStatus.UP, null);
        // the fibre's probe is configured with the area it serves (a dead port: it sees the link down)
        String fibreProbe = TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "B楼光纤（区域测试）", "kind", "TCP", "target", "127.0.0.1:1",
                        "component", "NETWORK_SEGMENT", "series", "area-test-fibre-b", "intervalMs", 3_600_000, "timeoutMs", 1000,
                        "area", "B"))
                .when().post("/api/probes").then().statusCode(201).body("area", org.hamcrest.Matchers.equalTo("B")).extract().path("id");
        as(TestAccounts.itDuty()).when().post("/api/probes/" + fibreProbe + "/run").then().statusCode(200)
                .body("lastStatus", org.hamcrest.Matchers.equalTo("DOWN"));
        submit(Component.INSURANCE_LINK, "area-test-insurance", ProbeStatus.DOWN, null);

        List<Map<String, Object>> open = as(TestAccounts.leader()).when().get("/api/incidents?limit=50").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.closedAt == null }");
        assertThat(open).as("two incidents open at once").hasSize(2);
        assertThat(open).extracting(i -> i.get("faultClass")).containsExactlyInAnyOrder("CLASS_I", "INSURANCE");
        assertThat(open).filteredOn(i -> "CLASS_I".equals(i.get("faultClass")))
                .allSatisfy(i -> assertThat(String.valueOf(i.get("areasDown"))).isEqualTo("[B]"));

        // the board shows both incidents and building B cut off
        JsonPath board = as(TestAccounts.leader()).when().get("/api/board").then().statusCode(200).extract().jsonPath();
        assertThat(board.getList("openIncidents.faultClass")).containsExactlyInAnyOrder("CLASS_I", "INSURANCE");
        assertThat(board.getList("areasDown.path")).containsExactly("B");
        assertThat(board.getString("areasDown[0].zh")).contains("B");

        // EP-5.1: the leadership group moves building B's pharmacy earlier, with who and why; refused without a reason
        String areaIncident = open.stream().filter(i -> "CLASS_I".equals(i.get("faultClass"))).findFirst().orElseThrow().get("id").toString();
        as(TestAccounts.leader()).contentType(ContentType.JSON).body(Map.of("department", "PHARMACY", "area", "B"))
                .when().post("/api/incidents/" + areaIncident + "/switch-earlier").then().statusCode(409)
                .body("rule", org.hamcrest.Matchers.notNullValue());
        as(TestAccounts.cashier()).contentType(ContentType.JSON).body(Map.of("department", "PHARMACY", "area", "B", "reason", "排队过长"))
                .when().post("/api/incidents/" + areaIncident + "/switch-earlier").then().statusCode(403);
        as(TestAccounts.leader()).contentType(ContentType.JSON)
                .body(Map.of("department", "PHARMACY", "area", "B", "reason", "B楼药房排队过长，提前转入手工"))
                .when().post("/api/incidents/" + areaIncident + "/switch-earlier").then().statusCode(200);
        List<Map<String, Object>> early = as(TestAccounts.leader()).when().get("/api/incidents/" + areaIncident + "/instructions").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(early).filteredOn(i -> "SWITCH_TO_MANUAL".equals(i.get("kind")) && "PHARMACY".equals(i.get("party")))
                .hasSize(1).allSatisfy(i -> assertThat(String.valueOf(i.get("zh"))).contains("【"));

        // 29 minutes: nobody switches; 30 minutes: building B's front desk goes to paper, building A's does not
        clock.advance(Duration.ofMinutes(29));
        tick();
        String b = Area.parse("B").orElseThrow().name().zh();
        assertThat(switches(kioskInstructions(kioskB), b)).isZero();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        tick();
        List<Map<String, Object>> atB = kioskInstructions(kioskB);
        List<Map<String, Object>> atA = kioskInstructions(kioskA);
        assertThat(switches(atB, b)).as("building B's cashiers are told to switch").isEqualTo(1);
        assertThat(switches(atA, b)).as("building A's cashiers are not").isZero();
        assertThat(atA).as("no instruction of building B's ladder reaches building A").noneMatch(i -> String.valueOf(i.get("zh")).contains("【" + b));

        // the fibre is spliced: building B is released with its restart and back-entry (EP-6.8, EP-8.4)
        submit(Component.NETWORK_SEGMENT, "area-test-fibre-b", ProbeStatus.UP, "B");
        assertThat(kioskInstructions(kioskB)).anyMatch(i -> "RESTART_AND_BACK_ENTER".equals(i.get("kind"))
                && String.valueOf(i.get("zh")).contains("【" + b));
        assertThat(kioskInstructions(kioskA)).noneMatch(i -> "RESTART_AND_BACK_ENTER".equals(i.get("kind"))
                && String.valueOf(i.get("zh")).contains("【" + b));
        submit(Component.INSURANCE_LINK, "area-test-insurance", ProbeStatus.UP, null);
        TestAccounts.asAdmin().when().post("/api/probes/" + fibreProbe + "/disable").then().statusCode(200);
        settle();
    }
}
