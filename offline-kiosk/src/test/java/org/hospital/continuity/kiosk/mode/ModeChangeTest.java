package org.hospital.continuity.kiosk.mode;

import static org.assertj.core.api.Assertions.assertThat;

import org.hospital.continuity.kiosk.journal.Phase;
import org.hospital.continuity.kiosk.mode.domain.ModeChange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModeChangeTest {

    private static final ModeChange.Confirmation LEAD = new ModeChange.Confirmation("super-2", true);

    @Test
    @DisplayName("EP-6.1 downtime starts by an announced instruction, or by a phoned one a second person with a supervisor role confirms, never by one person alone")
    void enteringDowntime() {
        assertThat(ModeChange.enter(Phase.BEFORE_BREAKPOINT, ModeChange.Source.ANNOUNCED, "INS-7", null, "cashier-1", null))
                .isEqualTo(new ModeChange.Accepted(Phase.DOWNTIME));
        assertThat(ModeChange.enter(Phase.BEFORE_BREAKPOINT, ModeChange.Source.ANNOUNCED, " ", null, "cashier-1", null))
                .isInstanceOf(ModeChange.Rejected.class);
        assertThat(ModeChange.enter(Phase.AFTER_RECOVERY, ModeChange.Source.SUPERVISOR, null, "信息科电话通知", "cashier-1", LEAD))
                .isEqualTo(new ModeChange.Accepted(Phase.DOWNTIME));
        assertThat(ModeChange.enter(Phase.BEFORE_BREAKPOINT, ModeChange.Source.SUPERVISOR, null, "信息科电话通知", "cashier-1",
                new ModeChange.Confirmation("cashier-9", false)))
                .isEqualTo(new ModeChange.Rejected("EP-6.1", null, "supervisor-required"));
        assertThat(ModeChange.enter(Phase.BEFORE_BREAKPOINT, ModeChange.Source.SUPERVISOR, null, "", "cashier-1", LEAD))
                .isEqualTo(new ModeChange.Rejected("EP-6.1", "reason", "reason-required"));
    }

    @Test
    @DisplayName("EP-6.1 a phoned instruction needs a second person: nobody confirms alone, not even a supervisor confirming their own request")
    void aPhonedInstructionNeedsASecondPerson() {
        assertThat(ModeChange.enter(Phase.BEFORE_BREAKPOINT, ModeChange.Source.SUPERVISOR, null, "信息科电话通知", "super-1", null))
                .isEqualTo(new ModeChange.Rejected("EP-6.1", null, "confirmation-required"));
        assertThat(ModeChange.enter(Phase.BEFORE_BREAKPOINT, ModeChange.Source.SUPERVISOR, null, "信息科电话通知", "super-2", LEAD))
                .isEqualTo(new ModeChange.Rejected("EP-6.1", null, "second-person-required"));
        assertThat(ModeChange.leave(Phase.DOWNTIME, ModeChange.Source.SUPERVISOR, null, "电话通知：已恢复", "super-1", null))
                .as("leaving downtime follows the same rule").isEqualTo(new ModeChange.Rejected("EP-6.1", null, "confirmation-required"));
        assertThat(ModeChange.leave(Phase.DOWNTIME, ModeChange.Source.SUPERVISOR, null, "电话通知：已恢复", "nurse-1", LEAD))
                .isEqualTo(new ModeChange.Accepted(Phase.AFTER_RECOVERY));
    }

    @Test
    @DisplayName("EP-8.3 the breakpoint is saved once: no second entry into downtime, no leaving what was not entered")
    void breakpointOnce() {
        assertThat(ModeChange.enter(Phase.DOWNTIME, ModeChange.Source.ANNOUNCED, "INS-8", null, "super-1", null))
                .isEqualTo(new ModeChange.Rejected("EP-8.3", null, "already-in-downtime"));
        assertThat(ModeChange.leave(Phase.BEFORE_BREAKPOINT, ModeChange.Source.ANNOUNCED, "INS-9", null, "super-1", null))
                .isInstanceOf(ModeChange.Rejected.class);
        assertThat(ModeChange.leave(Phase.DOWNTIME, ModeChange.Source.ANNOUNCED, "INS-9", null, "cashier-1", null))
                .isEqualTo(new ModeChange.Accepted(Phase.AFTER_RECOVERY));
    }
}
