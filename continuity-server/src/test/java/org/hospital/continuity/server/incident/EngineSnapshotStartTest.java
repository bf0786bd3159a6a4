package org.hospital.continuity.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.incident.EngineState;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.server.incident.persistence.IncidentStore;
import org.hospital.continuity.server.incident.persistence.InputCodec;
import org.hospital.continuity.server.incident.persistence.InstructionStore;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Start-up from a stored snapshot of the engine's state plus the journal after it: a freshly started instance
 * restores the snapshot, replays only what came after, and reaches exactly the state of the running one (two
 * incidents open at once included).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class EngineSnapshotStartTest {

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
    DrillLink drills;

    private void submit(Component component, String target, ProbeStatus status, String area) {
        engine.submit(new ProbeResult("snapshot-test-" + UUID.randomUUID(), clock.instant(), component, target, status, "test",
                Optional.ofNullable(area).flatMap(Area::parse))).await().atMost(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("a fresh instance starts from the latest snapshot and the journal after it, in exactly the running instance's state")
    void startsFromTheSnapshotAndTheJournalAfterIt() {
        Scenario.settle(clock, engine);
        submit(Component.NETWORK_SEGMENT, "snapshot-test-fibre-c", ProbeStatus.DOWN, "C");
        long at = engine.storeSnapshot().await().atMost(Duration.ofSeconds(30));
        assertThat(incidentStore.latestSnapshot(incidentStore.pool()).await().atMost(Duration.ofSeconds(30)).seq()).isEqualTo(at);
        // after the snapshot: a second incident and the passing of time
        submit(Component.INSURANCE_LINK, "snapshot-test-insurance", ProbeStatus.DOWN, null);
        clock.advance(Duration.ofMinutes(31));
        engine.tick().await().atMost(Duration.ofSeconds(30));

        EngineState running = engine.state().await().atMost(Duration.ofSeconds(30));
        RunningTheIncidentEngine fresh = new RunningTheIncidentEngine(engine.engine(), incidentStore, instructionStore, codec,
                new org.hospital.continuity.server.drill.app.DrillClock(clock), drills);
        EngineState started = fresh.state().await().atMost(Duration.ofSeconds(30));
        assertThat(fresh.startedFrom()).as("restored from the snapshot, not replayed from the start").isEqualTo(at);
        assertThat(fresh.cachedSeq()).isEqualTo(engine.cachedSeq()).isGreaterThan(at);
        assertThat(started.incidents()).hasSize(2);
        // the same state: the same snapshot tree, compared as JSON (a restored number may be an Integer where it was a Long)
        assertThat(new io.vertx.core.json.JsonObject(engine.engine().snapshot(started)).encode())
                .isEqualTo(new io.vertx.core.json.JsonObject(engine.engine().snapshot(running)).encode());

        submit(Component.NETWORK_SEGMENT, "snapshot-test-fibre-c", ProbeStatus.UP, "C");
        submit(Component.INSURANCE_LINK, "snapshot-test-insurance", ProbeStatus.UP, null);
        Scenario.settle(clock, engine);
    }
}
