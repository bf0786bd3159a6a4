package org.hospital.continuity.kiosk.mode;

import static org.assertj.core.api.Assertions.assertThat;

import org.hospital.continuity.kiosk.journal.Phase;
import org.hospital.continuity.kiosk.mode.domain.ModeChange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModeChangeTest {

    @Test
    @DisplayName("EP-6.1 downtime starts by an announced instruction, or by a supervisor with a reason, never by a cashier alone")
    void enteringDowntime() {
        assertThat(ModeChange.enter(Phase.BEFORE_BREAKPOINT, ModeChange.Source.ANNOUNCED, "INS-7", null, false))
                .isEqualTo(new ModeChange.Accepted(Phase.DOWNTIME));
        assertThat(ModeChange.enter(Phase.BEFORE_BREAKPOINT, ModeChange.Source.ANNOUNCED, " ", null, true))
                .isInstanceOf(ModeChange.Rejected.class);
        assertThat(ModeChange.enter(Phase.AFTER_RECOVERY, ModeChange.Source.SUPERVISOR, null, "信息科电话通知", true))
                .isEqualTo(new ModeChange.Accepted(Phase.DOWNTIME));
        assertThat(ModeChange.enter(Phase.BEFORE_BREAKPOINT, ModeChange.Source.SUPERVISOR, null, "信息科电话通知", false))
                .isEqualTo(new ModeChange.Rejected("EP-6.1", null, "supervisor-required"));
        assertThat(ModeChange.enter(Phase.BEFORE_BREAKPOINT, ModeChange.Source.SUPERVISOR, null, "", true))
                .isEqualTo(new ModeChange.Rejected("EP-6.1", "reason", "reason-required"));
    }

    @Test
    @DisplayName("EP-8.3 the breakpoint is saved once: no second entry into downtime, no leaving what was not entered")
    void breakpointOnce() {
        assertThat(ModeChange.enter(Phase.DOWNTIME, ModeChange.Source.ANNOUNCED, "INS-8", null, true))
                .isEqualTo(new ModeChange.Rejected("EP-8.3", null, "already-in-downtime"));
        assertThat(ModeChange.leave(Phase.BEFORE_BREAKPOINT, ModeChange.Source.ANNOUNCED, "INS-9", null, true))
                .isInstanceOf(ModeChange.Rejected.class);
        assertThat(ModeChange.leave(Phase.DOWNTIME, ModeChange.Source.ANNOUNCED, "INS-9", null, false))
                .isEqualTo(new ModeChange.Accepted(Phase.AFTER_RECOVERY));
    }
}
