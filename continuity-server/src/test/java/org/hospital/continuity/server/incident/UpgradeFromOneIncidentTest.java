package org.hospital.continuity.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.server.incident.persistence.IncidentStore;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A database written by the previous version: it kept one incident at a time and stored it without the engine's
 * stable id (V0950 added the column, empty for the rows before it). Tried by hand with the previous release's
 * packaged server: after the upgrade the engine rebuilt the outage from the journal, but the stored incident was
 * bound to nothing, so recovery answered "nothing to clear" and the next event would have opened a second incident.
 * Here the stored incident is unbound as the previous version left it, and start-up's adoption binds it again.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class UpgradeFromOneIncidentTest {

    @Inject
    TestClock clock;
    @Inject
    RunningTheIncidentEngine engine;
    @Inject
    IncidentStore store;

    private void probe(Component component, String target, ProbeStatus status, String area) {
        engine.submit(new ProbeResult("upgrade-test-" + UUID.randomUUID(), clock.instant(), component, target, status, "test",
                Optional.ofNullable(area).flatMap(Area::parse))).await().atMost(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("EP-4 EP-6.8 an incident open under the previous version carries on after the upgrade: bound to the engine's incident, one incident, its number shown")
    void incidentOfThePreviousVersionCarriesOn() {
        Scenario.settle(clock, engine);
        probe(Component.NETWORK_SEGMENT, "upgrade-test-fibre-d", ProbeStatus.DOWN, "D");
        var open = store.openIncidents(store.pool()).await().atMost(Duration.ofSeconds(30));
        assertThat(open).hasSize(1);
        UUID stored = open.get(0).id();
        int number = open.get(0).number();
        assertThat(number).isPositive();

        // as the previous version left it: no engine id, no number
        store.pool().pool().preparedQuery("update incident set engine_ref = null, engine_number = null where id = $1")
                .execute(Tuple.of(stored)).await().atMost(Duration.ofSeconds(30));
        assertThat(store.unboundOpenIncidents(store.pool()).await().atMost(Duration.ofSeconds(30))).containsExactly(stored);

        assertThat(engine.adoptIncidentsOfThePreviousVersion().await().atMost(Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(store.unboundOpenIncidents(store.pool()).await().atMost(Duration.ofSeconds(30))).isEmpty();
        var after = store.incident(store.pool(), stored).await().atMost(Duration.ofSeconds(30));
        assertThat(after.number()).as("the number people know it by").isEqualTo(number);
        // run again (every start-up does): nothing more to bind
        assertThat(engine.adoptIncidentsOfThePreviousVersion().await().atMost(Duration.ofSeconds(30))).isZero();

        // the next event of the outage lands on the same incident; none is opened beside it
        clock.advance(Duration.ofMinutes(31));
        engine.tick().await().atMost(Duration.ofSeconds(30));
        assertThat(store.openIncidents(store.pool()).await().atMost(Duration.ofSeconds(30))).extracting(i -> i.id()).containsExactly(stored);

        probe(Component.NETWORK_SEGMENT, "upgrade-test-fibre-d", ProbeStatus.UP, "D");
        Scenario.settle(clock, engine);
    }
}
