package org.hospital.continuity.kiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.kiosk.journal.app.Journal;
import org.hospital.continuity.kiosk.platform.health.ReportingReadiness;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServer;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The readiness signal to the server: snapshot staleness, backlog and pools, sent while online. */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class ReadinessReportTest {

    @Inject
    ReportingReadiness reporting;
    @Inject
    Journal journal;

    @Test
    @DisplayName("EP-4.1 the kiosk reports its snapshot age, staleness, backlog and pools to the server; no patient data")
    void reportsReadinessToTheServer() {
        Desk.enrolled();
        StandInServer server = StandInServerResource.server();
        assertThat(reporting.report()).isTrue();
        Map<?, ?> got = server.lastReadiness;
        assertThat(got).isNotNull();
        assertThat(got.get("snapshotVersion")).isEqualTo("v7");
        assertThat(got.get("snapshotStale")).isEqualTo(false);
        assertThat(got.get("ready")).isEqualTo(true);
        assertThat(((Number) got.get("lastSeq")).longValue()).isEqualTo(journal.lastSeq());
        assertThat((List<?>) got.get("pools")).hasSize(2);
        assertThat(got.toString()).doesNotContain("赵演示").doesNotContain("13800000001");
    }
}
