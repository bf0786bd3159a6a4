package org.hospital.continuity.kiosk.session;

/**
 * A sign-in, a refused sign-in, a second person's confirmation or a sign-out on this kiosk (HR-2, HR-3), fired synchronously as a CDI event
 * on the request's thread: the audit log records it (HR-8) without the session feature knowing the log.
 *
 * @param accountId the account typed or signed out
 * @param actorKind STAFF when the account proved itself, ANONYMOUS for a refusal
 * @param action    LOGIN, LOGIN_FAILED, LOCKED, LOGIN_REFUSED, LOGOUT or CONFIRMED (a second person confirmed a step with their password)
 * @param outcome   SUCCESS or REFUSED
 * @param detail    why it was refused ("unknown account", "failures=3", "locked"), never a password
 */
public record SessionEvent(String accountId, String actorKind, String action, String outcome, String detail) {
}
