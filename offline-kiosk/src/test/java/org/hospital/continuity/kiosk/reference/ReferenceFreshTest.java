package org.hospital.continuity.kiosk.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hospital.continuity.kiosk.enrolment.app.KeepingReferenceFresh;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Snapshots are pulled while online without anyone pressing a button. */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class ReferenceFreshTest {

    @Inject
    KeepingReferenceFresh fresh;
    @Inject
    ReferenceData reference;

    @Test
    @DisplayName("while the server answers, a round pulls a new snapshot (prices, census, staff verifiers)")
    void aRoundPullsTheSnapshot() throws Exception {
        Desk.enrolled();
        var before = reference.info().orElseThrow().fetchedAt();
        Thread.sleep(5);
        KeepingReferenceFresh.Round round = fresh.keepFresh();
        assertThat(round.refreshed()).isTrue();
        assertThat(reference.info().orElseThrow().fetchedAt()).isAfter(before);
        assertThat(reference.info().orElseThrow().version()).isEqualTo("v7");
    }
}
