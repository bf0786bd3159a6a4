package org.hospital.continuity.server.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.server.platform.TestAccounts.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.server.drill.app.DrillClock;
import org.hospital.continuity.server.drill.app.RunningDrills;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.hospital.continuity.server.probe.app.RunningProbes;
import org.hospital.continuity.server.probe.domain.ProbeKind;
import org.hospital.continuity.server.platform.persistence.SessionContext;
import org.hospital.continuity.server.probe.persistence.ProbeRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * EP-9.4, EP-3: a real component going down while a drill runs must not be folded into the drill (its notices would
 * say DRILL and people might take a real outage for the exercise): the drill stops first and the clock is real again.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class RealFaultDuringDrillTest {

    @Inject
    TestClock clock;
    @Inject
    DrillClock drillClock;
    @Inject
    RunningDrills drills;
    @Inject
    RunningProbes probes;
    @Inject
    ProbeRepository probeStore;
    @Inject
    RunningTheIncidentEngine engine;
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
        as(it).when().get("/api/incidents/current").then().statusCode(404);
    }

    @Test
    @DisplayName("EP-9.4 a real probe going down during a drill stops the drill first: real time again, the drill marked stopped with the reason")
    void aRealFaultEndsTheDrill() {
        settle();
        String it = TestAccounts.itDuty();
        String drill = as(it).contentType(ContentType.JSON).body(Map.of("scenario", "whole-network-7h", "factor", 60))
                .when().post("/api/drills").then().statusCode(201).extract().path("id");
        assertThat(drillClock.scale().factor()).isEqualTo(60);

        // a real probe of a component that does not answer (nothing listens on port 1)
        UUID probe = UUID.randomUUID();
        Instant now = clock.instant();
        SessionContext.await(() -> probeStore.add(probe, "真实故障终端探测-" + Math.floorMod(probe.getMostSignificantBits(), 1_000_000L), ProbeKind.TCP, "127.0.0.1:1",
                Component.KEY_TERMINAL, "t", Duration.ofHours(1), Duration.ofSeconds(1), now), Duration.ofSeconds(10));
        probes.runNow(probe).await().atMost(Duration.ofSeconds(30));

        assertThat(drills.playing()).as("the drill no longer runs").isFalse();
        assertThat(drillClock.scale().factor()).as("back to real time").isEqualTo(1);
        var d = as(it).when().get("/api/drills/" + drill).then().statusCode(200).extract().jsonPath();
        assertThat(d.getString("status")).isEqualTo("STOPPED");
        assertThat(count("select count(*) from drill where id = $1 and end_reason like 'real fault during the drill%'",
                UUID.fromString(drill))).isEqualTo(1);
        assertThat(count("select count(*) from incident where drill_id is not null and closed_at is null"))
                .as("no drill incident stays open to absorb the real fault").isZero();
        // leave nothing that other test classes' probe rounds could pick up
        pool.preparedQuery("update probe set enabled = false where id = $1").execute(Tuple.of(probe)).await().atMost(Duration.ofSeconds(10));
        settle();
    }
}
