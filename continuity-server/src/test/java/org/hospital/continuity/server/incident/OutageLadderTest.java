package org.hospital.continuity.server.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.server.platform.TestAccounts.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.server.incident.persistence.IncidentStore;
import org.hospital.continuity.server.incident.persistence.InputCodec;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.hospital.continuity.server.incident.persistence.InstructionStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The whole-network outage driven through the API against a real PostgreSQL with a controllable clock:
 * probe → signal → classification → the EP-5.2 ladder at 30 min / 6 h / 24 h → acknowledgements → recovery
 * (EP-6.8, EP-8.4) → closing and the EP-8.6 review. A second engine instance with an empty memory (as after a
 * restart) catches up from the journal, and ticking both at once fires nothing twice.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OutageLadderTest {

    @Inject
    TestClock clock;
    @Inject
    RunningTheIncidentEngine engine;
    @Inject
    IncidentStore incidentStore;
    @Inject
    InstructionStore instructionStore;
    @Inject
    InputCodec codec;
    @Inject
    org.hospital.continuity.server.incident.DrillLink drills;

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private void tick() {
        engine.tick().await().atMost(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("EP-5.2 a probe that sees the database down opens a Class I whole-network incident and runs the ladder at 30 min, 6 h and 24 h")
    void wholeNetworkOutageRunsTheLadderAndRecovers() {
        Scenario.settle(clock, engine);
        String cashier = TestAccounts.cashier();
        TestAccounts.department("WARD-3-NURSES", "NURSE_STATION");
        String nurse = TestAccounts.user("nurse-1", "WARD-3-NURSES", "NURSE");
        String it = TestAccounts.itDuty();

        // probe → signal → classification (EP-4.1 server down, EP-5 whole network)
        String probe = Scenario.deadDatabaseProbe("ladder-db");
        as(it).when().post("/api/probes/" + probe + "/run").then().statusCode(200)
                .body("lastStatus", org.hamcrest.Matchers.equalTo("DOWN"));
        JsonPath incident = Scenario.current();
        String id = incident.getString("incident.id");
        assertThat(incident.getString("incident.faultClass")).isEqualTo("CLASS_I");
        assertThat(incident.getString("incident.scope")).isEqualTo("WHOLE_NETWORK");
        List<String> kinds = incident.getList("timeline.kind");
        assertThat(kinds).contains("SIGNAL_RECEIVED", "CLASS_CHANGED", "OUTAGE_STARTED");
        assertThat(incident.getList("timeline.findAll { it.kind == 'CLASS_CHANGED' }.data.evidence.flatten().clause", String.class))
                .contains("EP-4.1");
        assertThat(incident.getList("ladder.step")).containsExactly("FRONT_DESK", "WARDS_AND_THEATRES", "WHOLE_HOSPITAL");
        assertThat(Scenario.count(Scenario.instructions(id), "SWITCH_TO_MANUAL", "OUTPATIENT_REGISTRATION")).isZero();

        // the same probe still down: folds into the signal already sent
        int signals = incident.getList("signals").size();
        as(it).when().post("/api/probes/" + probe + "/run").then().statusCode(200);
        assertThat(Scenario.current().getList("signals")).hasSize(signals);

        // 29 minutes: nothing yet; 30 minutes: the front desk switches (EP-5.2.1)
        clock.advance(Duration.ofMinutes(29));
        tick();
        assertThat(Scenario.count(Scenario.instructions(id), "SWITCH_TO_MANUAL", "OUTPATIENT_REGISTRATION")).isZero();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        tick();
        List<Map<String, Object>> at30 = Scenario.instructions(id);
        for (String d : List.of("OUTPATIENT_REGISTRATION", "ADMISSION", "OUTPATIENT_DOCTOR", "PHARMACY")) {
            assertThat(Scenario.count(at30, "SWITCH_TO_MANUAL", d)).as(d).isEqualTo(1);
        }
        assertThat(Scenario.count(at30, "SWITCH_TO_MANUAL", "NURSE_STATION")).isZero();
        assertThat(at30).anyMatch(i -> "ep6-manual-mode/cashier-invoice-register".equals(i.get("reference")));

        // EP-6.1: the cashier acknowledges; the nurse may not acknowledge for the cashiers
        Map<String, Object> cashierSwitch = at30.stream()
                .filter(i -> "SWITCH_TO_MANUAL".equals(i.get("kind")) && "OUTPATIENT_REGISTRATION".equals(i.get("party"))).findFirst().orElseThrow();
        as(nurse).when().post("/api/instructions/" + cashierSwitch.get("id") + "/acknowledgements").then().statusCode(403);
        assertThat(mode("OUTPATIENT_REGISTRATION")).isEqualTo("NORMAL");
        as(cashier).when().post("/api/instructions/" + cashierSwitch.get("id") + "/acknowledgements").then().statusCode(200)
                .body("acknowledgements.personName", org.hamcrest.Matchers.hasItem("测试 cashier-1"));
        as(cashier).when().post("/api/instructions/" + cashierSwitch.get("id") + "/acknowledgements").then().statusCode(409);
        assertThat(mode("OUTPATIENT_REGISTRATION")).isEqualTo("MANUAL");
        // the timeline (board, fault report) names the department in words, never by its code
        assertThat(Scenario.current().getList("timeline.findAll { it.kind == 'MODE_CHANGED' }.zh", String.class))
                .contains("门诊挂号收费：正常运行 → 手工操作").noneMatch(t -> t.contains("OUTPATIENT_REGISTRATION"));
        assertThat(as(cashier).when().get("/api/instructions?party=OUTPATIENT_REGISTRATION&open=true").then().statusCode(200)
                .extract().jsonPath().getList("id")).doesNotContain(cashierSwitch.get("id"));

        // 6 hours (EP-5.2.2), with a second, freshly started instance ticking at the same moment
        RunningTheIncidentEngine second = new RunningTheIncidentEngine(engine.engine(), incidentStore, instructionStore, codec,
                new org.hospital.continuity.server.drill.app.DrillClock(clock), drills);
        clock.advance(Duration.ofHours(6).minusMinutes(30));
        List<Optional<org.hospital.continuity.server.incident.IncidentIntake.Outcome>> both = Uni.join().all(engine.tick(), second.tick()).andFailFast()
                .await().atMost(Duration.ofSeconds(30));
        assertThat(both.stream().filter(Optional::isPresent).count()).as("exactly one instance fires the 6 h step").isEqualTo(1);
        List<Map<String, Object>> at6h = Scenario.instructions(id);
        for (String d : List.of("INPATIENT_DOCTOR", "NURSE_STATION", "OPERATING_THEATRE", "MEDICAL_TECHNOLOGY")) {
            assertThat(Scenario.count(at6h, "SWITCH_TO_MANUAL", d)).as(d).isEqualTo(1);
        }
        second.state().await().atMost(Duration.ofSeconds(30));
        assertThat(second.cachedSeq()).as("the fresh instance replays the journal to the same position").isEqualTo(engine.cachedSeq());
        tick();
        second.tick().await().atMost(Duration.ofSeconds(30));
        assertThat(Scenario.instructions(id)).hasSize(at6h.size());

        // 24 hours (EP-5.2.3): everybody else; nobody is told twice (sessions expire after 12 h: sign in again)
        clock.advance(Duration.ofHours(18));
        cashier = TestAccounts.cashier();
        it = TestAccounts.itDuty();
        second.tick().await().atMost(Duration.ofSeconds(30));
        List<Map<String, Object>> at24h = Scenario.instructions(id);
        for (String d : List.of("DISCHARGE_SETTLEMENT", "CRITICAL_CARE", "EMERGENCY", "OTHER")) {
            assertThat(Scenario.count(at24h, "SWITCH_TO_MANUAL", d)).as(d).isEqualTo(1);
        }
        assertThat(Scenario.count(at24h, "SWITCH_TO_MANUAL", "OUTPATIENT_REGISTRATION")).isEqualTo(1);
        assertThat(Scenario.current().getList("timeline.findAll { it.kind == 'LADDER_STEP_REACHED' }.data.step"))
                .containsExactly("FRONT_DESK", "WARDS_AND_THEATRES", "WHOLE_HOSPITAL");

        // EP-6.8: IT declares recovery: restart-and-back-entry for every department, EP-8.4 same-day / next-day deadlines
        Instant recoveredAt = clock.instant();
        as(it).contentType(ContentType.JSON).body(Map.of("note", "数据库服务器已恢复")).when()
                .post("/api/incidents/" + id + "/recovery").then().statusCode(200);
        List<Map<String, Object>> recovery = Scenario.instructions(id);
        assertThat(Scenario.count(recovery, "RESTART_AND_BACK_ENTER", "OUTPATIENT_REGISTRATION")).isEqualTo(1);
        assertThat(Scenario.count(recovery, "RESTART_AND_BACK_ENTER", "NURSE_STATION")).isEqualTo(1);
        Instant endOfDay = recoveredAt.atZone(ZONE).toLocalDate().plusDays(1).atStartOfDay(ZONE).toInstant();
        Instant endOfNextDay = recoveredAt.atZone(ZONE).toLocalDate().plusDays(2).atStartOfDay(ZONE).toInstant();
        assertThat(deadline(recovery, "ep6-recovery/important-data-same-day")).isEqualTo(endOfDay);
        assertThat(deadline(recovery, "ep6-recovery/cashiers-enter-outage-patients")).isEqualTo(endOfNextDay);
        JsonPath after = Scenario.current();
        assertThat(after.getList("timeline.kind", String.class)).contains("OUTAGE_ENDED", "MANUAL_MODE_ENDED");

        // the cashiers restart (MANUAL → RECOVERING), finish back-entry, and return to NORMAL by instruction only
        Map<String, Object> restart = recovery.stream()
                .filter(i -> "RESTART_AND_BACK_ENTER".equals(i.get("kind")) && "OUTPATIENT_REGISTRATION".equals(i.get("party"))).findFirst().orElseThrow();
        as(cashier).when().post("/api/instructions/" + restart.get("id") + "/acknowledgements").then().statusCode(200);
        assertThat(mode("OUTPATIENT_REGISTRATION")).isEqualTo("RECOVERING");
        as(cashier).when().post("/api/modes/OUTPATIENT_REGISTRATION/back-to-normal").then().statusCode(403);
        String resume = as(it).when().post("/api/modes/OUTPATIENT_REGISTRATION/back-to-normal").then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.equalTo("RESUME_NORMAL")).extract().path("id");
        assertThat(mode("OUTPATIENT_REGISTRATION")).isEqualTo("RECOVERING");
        as(cashier).when().post("/api/instructions/" + resume + "/acknowledgements").then().statusCode(200);
        assertThat(mode("OUTPATIENT_REGISTRATION")).isEqualTo("NORMAL");
        // the nurses never acknowledged: their mode did not change on its own (EP-6.1)
        assertThat(mode("NURSE_STATION")).isEqualTo("NORMAL");

        // quiet for 30 minutes: the incident closes; the EP-8.6 review is due within 2 days
        clock.advance(Duration.ofMinutes(31));
        tick();
        as(it).when().get("/api/incidents/current").then().statusCode(404);
        JsonPath closed = as(it).when().get("/api/incidents/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(closed.getString("incident.closedAt")).isNotNull();
        assertThat(closed.getString("incident.highestClass")).isEqualTo("CLASS_I");
        List<Map<String, Object>> all = Scenario.instructions(id);
        Instant closedAt = Instant.parse(closed.getString("incident.closedAt"));
        assertThat(deadline(all, "ep8-post-incident-class-i/fault-report")).isEqualTo(closedAt.plus(Duration.ofDays(2)));
    }

    private static Instant deadline(List<Map<String, Object>> instructions, String reference) {
        return instructions.stream().filter(i -> reference.equals(i.get("reference"))).map(i -> Instant.parse((String) i.get("deadline")))
                .findFirst().orElseThrow(() -> new AssertionError("no instruction " + reference));
    }

    private static String mode(String department) {
        return as(TestAccounts.leader()).when().get("/api/modes").then().statusCode(200).extract().jsonPath()
                .getString("find { it.department == '" + department + "' }.mode");
    }
}
