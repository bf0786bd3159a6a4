package org.hospital.continuity.sync.audit;

import java.util.List;

/**
 * Which requests the request filter audits (HR-5, HR-8): every request that changes something, whatever the
 * answer (refusals too), and every read through a patient-data route; minus the routes whose own code writes
 * a richer entry (sign-in, with the account) and machine traffic audited only when refused. Decided per
 * endpoint from its method and route template ({@link #of}); only {@link Audited#IF_REFUSED} needs the status.
 *
 * @param skipped          never audited by the filter: {@code "/api/auth/login"} (every route that begins so, any
 *                         method) or {@code "POST /api/session"} (that method on exactly that route)
 * @param refusalsOnly     route prefixes audited only when the answer is 400 or above
 * @param patientDataReads route prefixes whose reads (GET, HEAD, OPTIONS) are audited
 */
public record AuditScope(List<String> skipped, List<String> refusalsOnly, List<String> patientDataReads) {

    /** Whether an endpoint's requests get an entry. */
    public enum Audited {
        NEVER, IF_REFUSED, ALWAYS;

        /** Whether a request answered with this status gets an entry. */
        public boolean at(int status) {
            return this == ALWAYS || this == IF_REFUSED && status >= 400;
        }
    }

    public AuditScope {
        skipped = List.copyOf(skipped);
        refusalsOnly = List.copyOf(refusalsOnly);
        patientDataReads = List.copyOf(patientDataReads);
    }

    public Audited of(String method, String template) {
        for (String s : skipped) {
            if (s.startsWith("/") ? template.startsWith(s) : s.equals(method + " " + template)) {
                return Audited.NEVER;
            }
        }
        for (String quiet : refusalsOnly) {
            if (template.startsWith(quiet)) {
                return Audited.IF_REFUSED;
            }
        }
        if (!AuditRoute.isRead(method)) {
            return Audited.ALWAYS;
        }
        for (String p : patientDataReads) {
            if (template.startsWith(p)) {
                return Audited.ALWAYS;
            }
        }
        return Audited.NEVER;
    }

    /** Whether this request gets an entry. */
    public boolean audited(String method, String template, int status) {
        return of(method, template).at(status);
    }
}
