package org.hospital.continuity.server.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hospital.continuity.server.probe.domain.Probe;
import org.hospital.continuity.server.probe.domain.ProbeKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SqlProbeQueryTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration SECONDS = Duration.ofSeconds(5);

    @Test
    @DisplayName("EP-3.1 a SQL probe's own query is one SELECT: statements that change the probed HIS database are refused")
    void onlyOneSelect() {
        for (String ok : new String[] {"select 1", "SELECT count(*) FROM patient", "select now();", "with x as (select 1) select * from x",
                "select last_update from his_status"}) {
            assertThat(Probe.isReadOnlyQuery(ok)).as(ok).isTrue();
            assertThat(Probe.misfit(ProbeKind.SQL, "postgresql://his-db:5432/his#" + ok, MINUTE, SECONDS)).as(ok).isEmpty();
        }
        for (String bad : new String[] {"delete from x", "select 1; delete from x", "select * into t2 from t", "update t set a = 1",
                "drop table patient", "select * from t for update", "with d as (delete from t returning *) select * from d",
                "truncate t", "select 1 -- comment", "select /* x */ 1", "copy t to '/tmp/x'", "", "vacuum full"}) {
            assertThat(Probe.isReadOnlyQuery(bad)).as(bad).isFalse();
            assertThat(Probe.misfit(ProbeKind.SQL, "postgresql://his-db:5432/his#" + bad, MINUTE, SECONDS)).as(bad).isPresent();
        }
        assertThat(Probe.misfit(ProbeKind.SQL, "postgresql://his-db:5432/his", MINUTE, SECONDS)).isEmpty();
    }
}
