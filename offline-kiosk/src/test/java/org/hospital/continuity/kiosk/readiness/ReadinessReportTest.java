package org.hospital.continuity.kiosk.readiness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServer;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 10: the kiosk reports its readiness to the server and shows the drill banner from the answer. */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class ReadinessReportTest {

    @Inject
    ReportingReadiness readiness;

    @Test
    @DisplayName("EP-9.4 the kiosk reports snapshot, pools, backlog and clock, and shows the drill banner while the server says a drill runs")
    void reportsAndShowsTheDrillBanner() {
        Desk.enrolled();
        StandInServerResource.server().drill(false);
        assertThat(readiness.report()).isPresent();
        Map<?, ?> sent = StandInServerResource.server().lastReadiness();
        assertThat(sent.get("kioskClock")).isNotNull();
        assertThat(sent.get("snapshotGeneratedAt")).isNotNull();
        List<Object> pools = ((List<?>) sent.get("pools")).stream().map(p -> ((Map<?, ?>) p).get("pool")).map(Object.class::cast).toList();
        assertThat(pools).contains("PATIENT", "INVOICE");
        // the ward's copy of the HIS: the oldest as-of time of its census, allergies, orders and MAR, and its wards
        assertThat(sent.get("hisDataAsOf")).isEqualTo(StandInServer.FEED_AS_OF.toString());
        assertThat(sent.get("censusWards")).isEqualTo(1);
        given().get("/api/status").then().statusCode(200).body("drill", nullValue());

        StandInServerResource.server().drill(true);
        readiness.report();
        given().get("/api/status").then().statusCode(200).body("drill.bannerZh", startsWith("演练 DRILL"));

        StandInServerResource.server().drill(false);
        readiness.report();
        given().get("/api/status").then().statusCode(200).body("drill", nullValue());
    }
}
