package org.hospital.continuity.kiosk.journal;

/**
 * Where a journal entry stands relative to the breakpoint (EP-8.3 保存断点): records before and after
 * the breakpoint are kept apart. A kiosk starts in {@link #BEFORE_BREAKPOINT}; entering downtime
 * records the breakpoint and moves it to {@link #DOWNTIME}; leaving downtime moves it to
 * {@link #AFTER_RECOVERY}; a later outage moves it to {@link #DOWNTIME} again.
 */
public enum Phase {
    BEFORE_BREAKPOINT,
    DOWNTIME,
    AFTER_RECOVERY
}
