package org.hospital.continuity.server.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.hospital.continuity.playbooks.incident.Input;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.simulate.Scenario;
import org.hospital.continuity.playbooks.simulate.ScenarioLoader;
import org.hospital.continuity.server.drill.domain.DrillPlan;
import org.hospital.continuity.server.drill.domain.TimeScale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimeScaleAndPlanTest {

    private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");

    @Test
    @DisplayName("EP-9.4 at compression 60 the 24-hour ladder step comes 24 real minutes after the drill starts")
    void compressionSixtyMakesTwentyFourHoursTwentyFourMinutes() {
        TimeScale s = TimeScale.compressed(T0, 60);
        assertThat(s.real(T0.plus(Duration.ofHours(24)))).isEqualTo(T0.plus(Duration.ofMinutes(24)));
        assertThat(s.engine(T0.plus(Duration.ofMinutes(30)))).isEqualTo(T0.plus(Duration.ofHours(30)));
        assertThat(TimeScale.REAL.engine(T0)).isEqualTo(T0);
    }

    @Test
    void engineAndRealTimeAreInversesOverManyRandomInstants() {
        Random r = new Random(42);
        for (int i = 0; i < 2000; i++) {
            int factor = 1 + r.nextInt(3600);
            Instant anchor = T0.plusSeconds(r.nextInt(1_000_000));
            TimeScale s = TimeScale.compressed(anchor, factor);
            Instant real = anchor.plusMillis(r.nextInt(86_400_000));
            Instant engine = s.engine(real);
            assertThat(s.real(engine)).as("factor %d", factor).isEqualTo(real);
            assertThat(engine).isAfterOrEqualTo(real);
            Instant later = real.plusMillis(1 + r.nextInt(10_000));
            assertThat(s.engine(later)).as("monotonic").isAfter(engine);
        }
    }

    @Test
    @DisplayName("EP-9.4 a scenario is laid on the drill's clock with its offsets, and its ids are the drill's own")
    void aPlanKeepsOffsetsAndRenamesIdsConsistently() {
        Scenario s = ScenarioLoader.parse("t.yaml", """
                id: t
                title: {zh: 测试, en: test}
                start: 2026-10-01T09:00:00+08:00
                timeline:
                  - at: PT0M
                    id: p1
                    probe: {component: CORE_NETWORK, target: sw, status: DOWN}
                  - at: PT7H
                    id: c1
                    clear: {by: it, ids: [p1]}
                """);
        List<DrillPlan.Step> plan = DrillPlan.of(s, T0, "drill-ab-");
        assertThat(plan).extracting(DrillPlan.Step::dueAt).containsExactly(T0, T0.plus(Duration.ofHours(7)));
        assertThat(plan).extracting(DrillPlan.Step::signalId).containsExactly("drill-ab-p1", "drill-ab-c1");
        Clearance c = (Clearance) ((Input.Observe) plan.get(1).input()).signal();
        assertThat(c.clears()).containsExactly("drill-ab-p1");
        assertThat(plan.get(1).input().at()).isEqualTo(T0.plus(Duration.ofHours(7)));
        assertThat(plan).extracting(DrillPlan.Step::kind).containsExactly("PROBE", "CLEARANCE");
    }
}
