package org.hospital.continuity.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.server.incident.persistence.IncidentStore;
import org.hospital.continuity.server.platform.PostgresResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A database upgraded from before typed events keeps its timeline rows as they were (schema version 1, the
 * default of the V0302 column): they read back as typed events, and an insert commits a NOTIFY the relay hears.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@DisplayName("Timeline rows stored before events were typed still read as typed events")
class TimelineRowsOfEarlierVersionsTest {

    @Inject
    Pool pool;
    @Inject
    IncidentStore store;

    @Test
    @DisplayName("a version 1 ladder row (no parties to call) and a version 1 drill end (no data) read typed, in order")
    void versionOneRowsReadTyped() {
        Instant at = Instant.parse("2026-11-24T08:30:00Z");
        long before = store.lastEventSeq(store.pool()).await().atMost(Duration.ofSeconds(10));
        // exactly what the untyped timeline wrote: no schema_version given, so the column's default (1) applies
        String insert = "insert into incident_event (incident_id, journal_seq, kind, at, clause, summary_zh, summary_en, data, recorded_at)"
                + " values (null, 0, $1, $2, $3, $4, $5, $6, $2)";
        pool.preparedQuery(insert).execute(Tuple.of("LADDER_STEP_REACHED", at.atOffset(ZoneOffset.UTC), "EP-5.2.1", "故障超过门诊时限", "front desk",
                new JsonObject().put("step", "FRONT_DESK").put("threshold", "PT30M").put("switching", List.of("PHARMACY"))))
                .await().atMost(Duration.ofSeconds(10));
        pool.preparedQuery(insert).execute(Tuple.of("DRILL_ENDED", at.atOffset(ZoneOffset.UTC), "EP-9.4", "演练结束", "drill ended",
                new JsonObject())).await().atMost(Duration.ofSeconds(10));

        List<TimelineEvent> read = store.eventsAfter(store.pool(), before, 10).await().atMost(Duration.ofSeconds(10));

        assertThat(read).extracting(TimelineEvent::event).containsExactly(
                new IncidentEvent.LadderStepReached(at, "EP-5.2.1", new IncidentEvent.Words("故障超过门诊时限", "front desk"),
                        LadderStep.FRONT_DESK, Duration.ofMinutes(30), Set.of(Department.PHARMACY), List.of()),
                new IncidentEvent.DrillEnded(at, "EP-9.4", new IncidentEvent.Words("演练结束", "drill ended"), ""));
        assertThat(read).extracting(TimelineEvent::kind).containsExactly("LADDER_STEP_REACHED", "DRILL_ENDED");
        Integer version = pool.preparedQuery("select schema_version from incident_event where seq = $1").execute(Tuple.of(read.get(0).seq()))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getInteger("schema_version");
        assertThat(version).isEqualTo(1);
    }
}
