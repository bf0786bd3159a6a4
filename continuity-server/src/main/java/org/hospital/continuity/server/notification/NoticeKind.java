package org.hospital.continuity.server.notification;

/**
 * What a notification is about; decides its text and whether somebody must acknowledge it.
 */
public enum NoticeKind {
    /** EP-4.1/EP-4.5, EP-5.1: a Class I fault; the leadership group and IT on duty must come in. */
    CLASS_I_DECLARED(true),
    /** EP-4.2/EP-4.6: a Class II fault; IT resolves it centrally. */
    CLASS_II_DECLARED(true),
    /** EP-4.3/EP-4.7: a Class III fault (an operating error); the system administrator resolves it alone and logs it. */
    CLASS_III_DECLARED(true),
    /** EP-4.4/EP-4.8: an insurance fault; finance, insurance office and outpatient office coordinate. */
    INSURANCE_FAULT(true),
    /** EP-5.2, EP-6.1: IT announces a department's switch to manual operation; the department acknowledges. */
    MANUAL_SWITCH(true),
    /** EP-5.2: a ladder step was reached; the parties the playbooks name for it are told (they coordinate). */
    LADDER_STEP(false),
    /** EP-6.1: any other instruction IT announces to a party (restart and back-entry, a playbook step); acknowledged. */
    INSTRUCTION(true),
    /**
     * EP-2.3, EP-8.2: a due playbook step names parties to be told (the leadership group, an office, a team, the
     * departments); the step's owner gets it as an instruction, the named parties as this notice.
     */
    PLAYBOOK_STEP(false),
    /** EP-6.4.5, EP-6.8: the system is back; every workstation restarts and back-entry begins. */
    RECOVERY(false),
    /** A status report (Conditions / Actions / Needs) is due from the incident lead. */
    STATUS_REPORT_DUE(true),
    /** EP-8.6: the fault-resolution report is due within 2 days of the fault. */
    FAULT_REPORT_DUE(true),
    /** A test message sent from the admin page to check a channel. */
    CHANNEL_TEST(false),
    /** A kiosk would fail its department in an outage now (readiness); IT on duty fixes it. */
    KIOSK_NOT_READY(true),
    /** HR-19: no successful backup restore test for two weeks. */
    RESTORE_TEST_DUE(true);

    private final boolean requiresAcknowledgement;

    NoticeKind(boolean requiresAcknowledgement) {
        this.requiresAcknowledgement = requiresAcknowledgement;
    }

    /** True when it escalates until somebody acknowledges ("call until reached"). */
    public boolean requiresAcknowledgement() {
        return requiresAcknowledgement;
    }

    /** {@code CLASS_I_DECLARED} → {@code class-i-declared}, the key prefix in the message bundles. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
