package org.hospital.continuity.server.drill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.server.drill.app.RunningDrills;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.hospital.continuity.server.writeback.app.RunningWriteBack;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.protocol.Backlog;
import org.hospital.continuity.sync.protocol.PushBatch;
import org.hospital.continuity.sync.protocol.SyncJson;
import org.hospital.continuity.sync.protocol.SyncProtocol;
import org.hospital.continuity.sync.protocol.http.JdkPushClient;
import org.hospital.continuity.sync.testkit.BacklogGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HR-21 (training on a simulation system): the entries a kiosk captures in a drill's training namespace are received
 * through their own route and kept apart from the real journal entries: never in {@code sync_entry} (so write-back, the
 * ledger, the board and real incidents never see them), counted by the drill's own report, deleted by the drill's purge,
 * which kiosks hear of in their readiness answer. A real capture of the same kiosk stays real throughout.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class DrillTrainingEntriesTest {

    @Inject
    RunningTheIncidentEngine engine;
    @Inject
    RunningDrills drills;
    @Inject
    RunningWriteBack writeBack;
    @Inject
    TestClock clock;
    @Inject
    Pool pool;

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    /** Closes an incident other test classes may have left open (a drill never starts during an incident). */
    private void settle() {
        String it = TestAccounts.itDuty();
        if (as(it).when().get("/api/incidents/current").then().extract().statusCode() == 200) {
            String id = as(it).when().get("/api/incidents/current").then().extract().path("id");
            as(it).contentType(ContentType.JSON).body(Map.of("note", "test reset")).when().post("/api/incidents/" + id + "/recovery");
            clock.advance(Duration.ofMinutes(31));
            engine.tick().await().atMost(Duration.ofSeconds(30));
        }
        JsonPath running = as(it).when().get("/api/drills/current").then().statusCode(200).extract().jsonPath();
        if (running.getBoolean("drill")) {
            as(it).contentType(ContentType.JSON).body(Map.of("reason", "test reset")).post("/api/drills/" + running.getString("id") + "/stop");
        }
    }

    /** The generated entries re-sealed as entries of {@code kioskId} from sequence {@code firstSeq} on. */
    private static List<JournalEntry> sealedAs(String kioskId, long firstSeq, List<JournalEntry> generated) {
        List<JournalEntry> out = new ArrayList<>();
        Instant at = TestClock.now();
        long seq = firstSeq;
        for (JournalEntry e : generated) {
            out.add(JournalEntry.seal(UUID.randomUUID(), kioskId, seq++, e.streamType(), e.streamId(), e.streamVersion(), e.eventType(),
                    e.schemaVersion(), e.payload(), at = at.plusMillis(5), e.hlc(), e.actor()));
        }
        return out;
    }

    private static Map<String, Object> training(String namespace, List<JournalEntry> entries) {
        List<Map<String, Object>> wire = new ArrayList<>();
        for (JournalEntry e : entries) {
            Map<String, Object> m = new HashMap<>();
            m.put("entryId", e.entryId().toString());
            m.put("kioskId", e.kioskId());
            m.put("kioskSeq", e.kioskSeq());
            m.put("streamType", e.streamType());
            m.put("streamId", e.streamId().toString());
            m.put("streamVersion", e.streamVersion());
            m.put("eventType", e.eventType());
            m.put("schemaVersion", e.schemaVersion());
            m.put("payload", e.payload());
            m.put("contentHash", e.contentHash());
            m.put("recordedAt", e.recordedAt().toString());
            m.put("hlc", e.hlc());
            m.put("actor", e.actor());
            wire.add(m);
        }
        return Map.of("kioskId", namespace, "entries", wire);
    }

    private static Map<String, Object> readiness() {
        Instant now = TestClock.now();
        return Map.of("kioskClock", now.toString(), "softwareVersion", "1.0.0-test", "snapshotVersion", 3, "snapshotGeneratedAt",
                now.toString(), "backlogPending", 0, "pools", List.of());
    }

    private static int realPush(String kiosk, String secret, List<JournalEntry> entries) throws Exception {
        ObjectMapper json = SyncJson.mapper();
        String body = json.writeValueAsString(PushBatch.of(kiosk, UUID.randomUUID(),
                new Backlog(entries.size(), entries.get(0).recordedAt(), entries.get(entries.size() - 1).kioskSeq()), entries));
        return given().contentType(ContentType.JSON).header("Authorization", JdkPushClient.basic(kiosk, secret)).body(body)
                .when().post(SyncProtocol.PUSH_PATH).then().extract().statusCode();
    }

    @Test
    @DisplayName("HR-21 a drill's training entries are stored apart from sync_entry, never written back, counted by the drill's report, "
            + "deleted by its purge and the purge is signalled to kiosks; the kiosk's real entries stay untouched")
    void trainingEntriesAreKeptApartAndPurged() throws Exception {
        settle();
        String it = TestAccounts.itDuty();
        JsonPath k = TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "演练测试窗", "departmentCode", "SFC"))
                .post("/api/admin/kiosks").then().statusCode(201).extract().jsonPath();
        JsonPath enrolled = given().contentType(ContentType.JSON).body(Map.of("code", k.getString("code"))).post("/api/kiosk/enrolments")
                .then().statusCode(201).extract().jsonPath();
        String kiosk = enrolled.getString("kioskId");
        String secret = enrolled.getString("secret");
        List<JournalEntry> generated = BacklogGenerator.generate(21, "gen-k", 1, 40).values().iterator().next();
        // a real capture before the drill
        List<JournalEntry> real = sealedAs(kiosk, 1, generated.subList(0, 4));
        assertThat(realPush(kiosk, secret, real)).isEqualTo(200);

        String drill = as(it).contentType(ContentType.JSON).body(Map.of("scenario", "whole-network-7h", "factor", 60))
                .when().post("/api/drills").then().statusCode(201).extract().path("id");
        UUID drillId = UUID.fromString(drill);
        for (int i = 0; i < 5; i++) {
            drills.playDue().await().atMost(Duration.ofSeconds(30));
        }
        given().auth().preemptive().basic(kiosk, secret).contentType(ContentType.JSON).body(readiness()).post("/api/kiosk/readiness")
                .then().statusCode(200).body("drill.drill", is(true)).body("drill.id", is(drill)).body("purgedDrills", not(hasItem(drill)));

        String namespace = kiosk + "~drill-" + drill.substring(0, 8);
        List<JournalEntry> drilled = sealedAs(namespace, 1, generated.subList(4, 10));
        String route = "/api/kiosk/drills/" + drill + "/training-entries";
        given().contentType(ContentType.JSON).body(training(namespace, drilled)).post(route).then().statusCode(401);
        given().auth().preemptive().basic(kiosk, secret).contentType(ContentType.JSON).body(training(namespace, drilled)).post(route)
                .then().statusCode(200).body("stored", is(6)).body("duplicates", is(0)).body("upToSeq", is(6));
        given().auth().preemptive().basic(kiosk, secret).contentType(ContentType.JSON).body(training(namespace, drilled)).post(route)
                .then().statusCode(200).body("stored", is(0)).body("duplicates", is(6));
        // refused, nothing stored: real entries through the training route, entries of another drill's namespace, a changed entry,
        // training entries through the real sync
        given().auth().preemptive().basic(kiosk, secret).contentType(ContentType.JSON).body(training(kiosk, sealedAs(kiosk, 5, generated.subList(4, 5))))
                .post(route).then().statusCode(422);
        given().auth().preemptive().basic(kiosk, secret).contentType(ContentType.JSON).body(training(namespace, drilled))
                .post("/api/kiosk/drills/" + UUID.randomUUID() + "/training-entries").then().statusCode(422);
        Map<String, Object> changed = training(namespace, sealedAs(namespace, 7, generated.subList(10, 11)));
        @SuppressWarnings("unchecked") Map<String, Object> first = ((List<Map<String, Object>>) changed.get("entries")).get(0);
        first.put("actor", "someone-else");
        given().auth().preemptive().basic(kiosk, secret).contentType(ContentType.JSON).body(changed).post(route).then().statusCode(422);
        assertThat(realPush(kiosk, secret, sealedAs(namespace, 5, generated.subList(10, 11)))).isBetween(400, 499);
        assertThat(count("select count(*) from drill_training_entry where drill_id = $1", drillId)).isEqualTo(6);
        assertThat(count("select count(*) from sync_entry where kiosk_id like '%~drill-%'")).as("sync_entry never holds a training entry").isZero();
        assertThat(count("select count(*) from sync_entry where kiosk_id = $1", kiosk)).isEqualTo(4);

        String incident = as(it).when().get("/api/incidents/current").then().statusCode(200).extract().path("id");
        as(it).contentType(ContentType.JSON).body(Map.of("reason", "training test")).post("/api/drills/" + drill + "/stop").then().statusCode(200);
        // write-back reads sync_entry only: the drill's training records never reach it
        assertThat(writeBack.runIncident(incident)).isEmpty();
        assertThat(count("select count(*) from writeback_visit where incident = $1", incident)).isZero();
        JsonPath report = as(it).post("/api/drills/" + drill + "/report").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> byKiosk = report.getList("records.byKiosk");
        assertThat(byKiosk).anySatisfy(l -> {
            assertThat(l.get("kioskId")).isEqualTo(namespace);
            assertThat(((Number) l.get("entries")).longValue()).isEqualTo(6);
        });

        JsonPath purge = TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "drill reviewed"))
                .post("/api/drills/" + drill + "/purge").then().statusCode(200).extract().jsonPath();
        assertThat(purge.getInt("counts.drill_training_entry")).isEqualTo(6);
        assertThat(count("select count(*) from drill_training_entry where drill_id = $1", drillId)).isZero();
        assertThat(count("select count(*) from sync_entry where kiosk_id = $1", kiosk)).as("the real capture is untouched").isEqualTo(4);
        given().auth().preemptive().basic(kiosk, secret).contentType(ContentType.JSON).body(readiness()).post("/api/kiosk/readiness")
                .then().statusCode(200).body("drill.drill", is(false)).body("purgedDrills", hasItem(drill));
        // a kiosk that still sends the purged drill's entries: discarded, nothing kept
        given().auth().preemptive().basic(kiosk, secret).contentType(ContentType.JSON).body(training(namespace, drilled)).post(route)
                .then().statusCode(200).body("stored", is(0)).body("discarded", is(6));
        assertThat(count("select count(*) from drill_training_entry where drill_id = $1", drillId)).isZero();
    }
}
