package org.hospital.continuity.server.drill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.server.platform.TestAccounts.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.server.drill.app.DrillClock;
import org.hospital.continuity.server.drill.app.RunningDrills;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.hospital.continuity.server.writeback.app.RunningWriteBack;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.protocol.Backlog;
import org.hospital.continuity.sync.protocol.PushBatch;
import org.hospital.continuity.sync.protocol.SyncProtocol;
import org.hospital.continuity.sync.protocol.http.JdkPushClient;
import org.hospital.continuity.sync.testkit.BacklogGenerator;
import org.hospital.continuity.sync.protocol.SyncJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * EP-9.4, HR-21: a whole drill against the real PostgreSQL, on compressed time (factor 60: an hour of the plan in a
 * minute), with two synthetic kiosks pushing a generated downtime backlog through the sync endpoint. The report's
 * figures are checked against what the test made happen; the real HIS (a counting HTTP endpoint) gets nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(value = CountingHisResource.class, restrictToAnnotatedClass = true)
class DrillEndToEndTest {

    private static final int FACTOR = 60;

    @Inject
    TestClock clock;
    @Inject
    DrillClock drillClock;
    @Inject
    RunningTheIncidentEngine engine;
    @Inject
    RunningDrills drills;
    @Inject
    RunningWriteBack writeBack;
    @Inject
    Pool pool;

    private void tick() {
        engine.tick().await().atMost(Duration.ofSeconds(30));
    }

    private void play() {
        for (int i = 0; i < 10; i++) {
            drills.playDue().await().atMost(Duration.ofSeconds(30));
        }
    }

    /** Moves real time on; the drill's clock moves FACTOR times as far. */
    private void real(Duration d) {
        clock.advance(d);
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    /** Closes an incident other test classes may have left open (a drill never starts during an incident). */
    private void settle() {
        String it = TestAccounts.itDuty();
        int status = as(it).when().get("/api/incidents/current").then().extract().statusCode();
        if (status == 200) {
            String id = as(it).when().get("/api/incidents/current").then().extract().path("id");
            as(it).contentType(ContentType.JSON).body(Map.of("note", "test reset")).when().post("/api/incidents/" + id + "/recovery");
            real(Duration.ofMinutes(31));
            tick();
        }
        as(it).when().get("/api/incidents/current").then().statusCode(404);
    }

    private int push(String kiosk, List<JournalEntry> entries) throws Exception {
        ObjectMapper json = SyncJson.mapper();
        String body = json.writeValueAsString(PushBatch.of(kiosk, UUID.randomUUID(),
                new Backlog(entries.size(), entries.get(0).recordedAt(), entries.get(entries.size() - 1).kioskSeq()), entries));
        return given().contentType(ContentType.JSON).header("Authorization", JdkPushClient.basic(kiosk, "test-secret")).body(body)
                .when().post(SyncProtocol.PUSH_PATH).then().extract().statusCode();
    }

    @Test
    @DisplayName("EP-9.4 a compressed whole-network drill with two kiosks: the report's figures match what happened and the real HIS gets nothing")
    void aCompressedDrillReportsWhatHappenedAndNeverTouchesTheHis() throws Exception {
        settle();
        String it = TestAccounts.itDuty();
        String cashier = TestAccounts.cashier();

        as(it).when().get("/api/drills/scenarios").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItems("whole-network-7h", "application-server-26h"));
        // a factor out of range is refused; a scenario the server does not know is 404
        as(it).contentType(ContentType.JSON).body(Map.of("scenario", "whole-network-7h", "factor", 0)).when().post("/api/drills")
                .then().statusCode(422);
        as(it).contentType(ContentType.JSON).body(Map.of("scenario", "no-such", "factor", 60)).when().post("/api/drills")
                .then().statusCode(404);

        String drill = as(it).contentType(ContentType.JSON).body(Map.of("scenario", "whole-network-7h", "factor", FACTOR))
                .when().post("/api/drills").then().statusCode(201).extract().path("id");
        Instant start = Instant.parse(as(it).when().get("/api/drills/" + drill).then().statusCode(200).extract().jsonPath().getString("startedAt"));
        // one drill at a time
        as(it).contentType(ContentType.JSON).body(Map.of("scenario", "whole-network-7h", "factor", FACTOR)).when().post("/api/drills")
                .then().statusCode(409);
        assertThat(drillClock.scale().factor()).isEqualTo(FACTOR);

        // PT0M: the probe sees the core network down → the incident opens, flagged as this drill
        play();
        String incident = as(it).when().get("/api/incidents/current").then().statusCode(200).extract().path("id");
        assertThat(count("select count(*) from incident where id = $1 and drill_id = $2", UUID.fromString(incident), UUID.fromString(drill)))
                .isEqualTo(1);
        as(cashier).when().get("/api/drills/current").then().statusCode(200).body("drill", org.hamcrest.Matchers.is(true))
                .body("bannerZh", org.hamcrest.Matchers.startsWith("演练 DRILL"));

        // two kiosks capture during the drill: a generated backlog, recorded now (inside the drill's window)
        Map<String, List<JournalEntry>> load = BacklogGenerator.generate(10, "drill-k", 2, 40);
        long visits = 0;
        long entries = 0;
        for (Map.Entry<String, List<JournalEntry>> k : load.entrySet()) {
            List<JournalEntry> resealed = new ArrayList<>();
            Instant at = TestClock.now();
            for (JournalEntry e : k.getValue()) {
                resealed.add(JournalEntry.seal(e.entryId(), e.kioskId(), e.kioskSeq(), e.streamType(), e.streamId(), e.streamVersion(),
                        e.eventType(), e.schemaVersion(), e.payload(), at = at.plusMillis(5), e.hlc(), e.actor()));
                if ("PatientRegistered".equals(e.eventType())) {
                    visits++;
                }
            }
            entries += resealed.size();
            assertThat(push(k.getKey(), resealed)).isEqualTo(200);
        }

        // PT2M, PT4M: two fault reports from two buildings
        real(Duration.ofSeconds(2));
        play();
        real(Duration.ofSeconds(2));
        play();
        assertThat(count("select count(*) from drill_step where drill_id = $1", UUID.fromString(drill))).isEqualTo(3);

        // PT30M: the front desk switches (EP-5.2.1); the instruction says it is a drill
        real(Duration.ofSeconds(27));
        tick();
        JsonPath instructions = as(it).when().get("/api/incidents/" + incident + "/instructions").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> list = instructions.getList("$");
        Map<String, Object> cashierSwitch = list.stream()
                .filter(i -> "SWITCH_TO_MANUAL".equals(i.get("kind")) && "OUTPATIENT_REGISTRATION".equals(i.get("party"))).findFirst().orElseThrow();
        assertThat((String) cashierSwitch.get("zh")).startsWith("【演练 DRILL】");
        Instant frontDeskAt = Instant.parse((String) cashierSwitch.get("issuedAt"));

        // the cashier acknowledges 3 real seconds later = 3 drill minutes
        real(Duration.ofSeconds(3));
        as(cashier).when().post("/api/instructions/" + cashierSwitch.get("id") + "/acknowledgements").then().statusCode(200);

        // notifications of the drill say so (the relay delivers events within a second)
        long drillNotices = 0;
        for (int i = 0; i < 40 && drillNotices == 0; i++) {
            Thread.sleep(250);
            drillNotices = count("select count(*) from notification_delivery d join notification n on n.id = d.notification_id"
                    + " where n.incident_id = $1 and d.subject like '%演练 DRILL%'", UUID.fromString(incident));
        }
        assertThat(drillNotices).as("deliveries whose subject says 演练 DRILL").isPositive();
        assertThat(count("select count(*) from notification_delivery d join notification n on n.id = d.notification_id"
                + " where n.incident_id = $1 and d.subject not like '%DRILL%'", UUID.fromString(incident))).isZero();

        // PT6H: wards and theatres (nobody acknowledges: the report must say so); PT7H the network is back, PT7H5M cleared
        real(Duration.ofMinutes(6));
        tick();
        real(Duration.ofSeconds(60));
        play();
        tick();
        real(Duration.ofSeconds(5));
        play();
        tick();
        // the quiet period (30 drill minutes) closes the incident; the player then finishes the drill
        real(Duration.ofSeconds(31));
        tick();
        play();
        JsonPath d = as(it).when().get("/api/drills/" + drill).then().statusCode(200).extract().jsonPath();
        assertThat(d.getString("status")).isEqualTo("FINISHED");
        assertThat(d.getBoolean("reportStored")).isTrue();
        assertThat(drillClock.scale().factor()).as("back to real time").isEqualTo(1);
        as(it).when().get("/api/incidents/current").then().statusCode(404);

        // write-back: the drill's records are held (no sandbox configured); the real HIS gets nothing
        assertThat(writeBack.runIncident(incident)).isEmpty();
        assertThat(count("select count(*) from writeback_visit where incident = $1", incident)).isZero();
        assertThat(CountingHisResource.REQUESTS.get()).as("requests that reached the real HIS").isZero();

        // the report, from the recorded timeline
        JsonPath r = as(it).when().get("/api/drills/" + drill + "/report").then().statusCode(200).extract().jsonPath();
        assertThat(r.getInt("factor")).isEqualTo(FACTOR);
        assertThat(r.getLong("toDetect.drillSeconds")).isZero();
        assertThat(r.getString("classifiedAs")).isEqualTo("CLASS_I");
        assertThat(r.getLong("records.entries")).isEqualTo(entries);
        assertThat(r.getLong("records.visits")).isEqualTo(visits);
        assertThat(r.getList("records.byKiosk.kioskId")).containsExactly("drill-k01", "drill-k02");
        assertThat(r.getString("writeBack.target")).isEqualTo("HELD");
        assertThat(r.getLong("writeBack.writtenAutomatically")).isZero();
        // the cashier's acknowledgement: at least the 3 real seconds the test waited = 180 drill seconds (real time also
        // passes while the test runs, ×60 on the drill's clock); exactly what the recorded instants say (±1 s of rounding)
        List<Map<String, Object>> ladder = r.getList("ladder");
        Map<String, Object> front = ladder.stream().filter(l -> "FRONT_DESK".equals(l.get("step")) && "OUTPATIENT_REGISTRATION".equals(l.get("party")))
                .findFirst().orElseThrow();
        long drillSeconds = ((Number) ((Map<?, ?>) front.get("toAcknowledgement")).get("drillSeconds")).longValue();
        Instant ackAt = Instant.parse(as(it).when().get("/api/instructions/" + cashierSwitch.get("id")).then().extract()
                .jsonPath().getString("acknowledgements[0].at"));
        long expected = Duration.between(frontDeskAt, start.plus(Duration.between(start, ackAt).multipliedBy(FACTOR))).toSeconds();
        assertThat(drillSeconds).isBetween(expected - 1, expected + 1).isGreaterThanOrEqualTo(179L);
        assertThat(ladder).anyMatch(l -> "WARDS_AND_THEATRES".equals(l.get("step")) && ((Map<?, ?>) l.get("toAcknowledgement")).get("drillSeconds") == null);
        assertThat(r.getList("wentWrong.code")).contains("NOT_ACKNOWLEDGED", "WRITEBACK_HELD").doesNotContain("NOT_DETECTED", "STOPPED");
        assertThat(r.getLong("outageLasted.drillSeconds")).isBetween(Duration.ofHours(7).toSeconds() - 120, Duration.ofHours(7).toSeconds() + 120);

        // the printable page
        String html = as(it).accept(ContentType.HTML).when().get("/drills/" + drill + "/report").then().statusCode(200).extract().asString();
        assertThat(html).contains("演练报告", "whole-network-7h", "OUTPATIENT_REGISTRATION");

        // purge: only an administrator, with a reason; the incident is gone, the report and a purge record stay
        as(it).contentType(ContentType.JSON).body(Map.of("reason", "drill over")).when().post("/api/drills/" + drill + "/purge")
                .then().statusCode(403);
        JsonPath purge = TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "drill reviewed"))
                .when().post("/api/drills/" + drill + "/purge").then().statusCode(200).extract().jsonPath();
        assertThat(purge.getInt("counts.incident")).isEqualTo(1);
        assertThat(purge.getInt("counts.instruction")).isPositive();
        assertThat(purge.getString("digest")).hasSize(32);
        assertThat(count("select count(*) from incident where id = $1", UUID.fromString(incident))).isZero();
        assertThat(count("select count(*) from incident_event where incident_id = $1", UUID.fromString(incident))).isZero();
        assertThat(count("select count(*) from drill_purge where drill_id = $1", UUID.fromString(drill))).isEqualTo(1);
        as(it).when().get("/api/drills/" + drill + "/report").then().statusCode(200).body("records.entries", org.hamcrest.Matchers.is((int) entries));
        TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "again")).when().post("/api/drills/" + drill + "/purge")
                .then().statusCode(409);
    }
}
