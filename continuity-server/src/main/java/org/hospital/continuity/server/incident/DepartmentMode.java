package org.hospital.continuity.server.incident;

import java.util.Optional;

/**
 * A department's way of working (EP-6.1): normal (on the HIS), manual (paper), or recovering (restarted,
 * back-entering the paper of the outage). It changes only through an announced, acknowledged instruction.
 */
public enum DepartmentMode {
    NORMAL("正常运行", "normal"),
    MANUAL("手工操作", "manual"),
    RECOVERING("恢复补录", "recovering");

    private final String zh;
    private final String en;

    DepartmentMode(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /**
     * EP-6.1 / EP-6.8: the allowed changes: normal → manual (announced start), manual → recovering (restart
     * notice), recovering → normal (back-entry done), recovering → manual (the system failed again).
     * Returns the reason a change is refused, or empty when it is allowed.
     */
    public Optional<String> refusalToBecome(DepartmentMode next) {
        boolean ok = switch (this) {
            case NORMAL -> next == MANUAL;
            case MANUAL -> next == RECOVERING;
            case RECOVERING -> next == NORMAL || next == MANUAL;
        };
        return ok ? Optional.empty() : Optional.of("A department in " + en + " mode cannot switch to " + next.en + " (EP-6.1).");
    }
}
