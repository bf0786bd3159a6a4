package org.hospital.continuity.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.hospital.continuity.server.incident.DepartmentMode;
import org.hospital.continuity.server.probe.domain.Probe;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DepartmentModeTest {

    @Test
    @DisplayName("EP-6.1 modes change normal → manual → recovering → normal, or back to manual when the system fails again")
    void allowedChanges() {
        assertThat(DepartmentMode.NORMAL.refusalToBecome(DepartmentMode.MANUAL)).isEmpty();
        assertThat(DepartmentMode.MANUAL.refusalToBecome(DepartmentMode.RECOVERING)).isEmpty();
        assertThat(DepartmentMode.RECOVERING.refusalToBecome(DepartmentMode.NORMAL)).isEmpty();
        assertThat(DepartmentMode.RECOVERING.refusalToBecome(DepartmentMode.MANUAL)).isEmpty();
        assertThat(DepartmentMode.NORMAL.refusalToBecome(DepartmentMode.RECOVERING)).isPresent();
        assertThat(DepartmentMode.MANUAL.refusalToBecome(DepartmentMode.NORMAL)).get().asString().contains("EP-6.1");
    }

    @Test
    @DisplayName("a probe signals only a change of status, and a first result only when it is down")
    void probeResultsFoldIntoOneSignalPerEpisode() {
        assertThat(Probe.isSignal(Optional.empty(), ProbeStatus.UP)).isFalse();
        assertThat(Probe.isSignal(Optional.empty(), ProbeStatus.DOWN)).isTrue();
        assertThat(Probe.isSignal(Optional.of(ProbeStatus.DOWN), ProbeStatus.DOWN)).isFalse();
        assertThat(Probe.isSignal(Optional.of(ProbeStatus.DOWN), ProbeStatus.UP)).isTrue();
        assertThat(Probe.isSignal(Optional.of(ProbeStatus.UP), ProbeStatus.DOWN)).isTrue();
    }
}
