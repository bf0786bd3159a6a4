package org.hospital.continuity.sync.audit;

import java.util.Locale;

/**
 * The audit category of a request, from its HTTP method and route template, so that endpoints added
 * later are categorised without being listed (HR-8: logins, permission changes, reads of patient data,
 * corrections, merges, voids, manual class changes, acknowledgements).
 */
public final class AuditCategories {

    public static final String LOGIN = "LOGIN";
    public static final String PERMISSION_CHANGE = "PERMISSION_CHANGE";
    public static final String PATIENT_DATA_READ = "PATIENT_DATA_READ";
    public static final String CORRECTION = "CORRECTION";
    public static final String MERGE = "MERGE";
    public static final String VOID = "VOID";
    public static final String CLASS_CHANGE = "CLASS_CHANGE";
    public static final String ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT";
    public static final String EXPORT = "EXPORT";
    public static final String CHANGE = "CHANGE";
    public static final String AUDIT_READ = "AUDIT_READ";

    private AuditCategories() {
    }

    public static String of(String method, String route) {
        String r = route.toLowerCase(Locale.ROOT);
        if (r.contains("/login") || r.contains("/logout") || r.endsWith("/api/session")) {
            return LOGIN;
        }
        if (r.contains("/api/audit")) {
            return AUDIT_READ;
        }
        if (!"GET".equals(method) && (r.startsWith("/api/accounts") || r.contains("/roles") || r.contains("/revoke")
                || r.contains("/enrolment") || r.contains("/kiosk-staff") || r.contains("/permission"))) {
            return PERMISSION_CHANGE;
        }
        if ("GET".equals(method)) {
            return r.contains("export") ? EXPORT : PATIENT_DATA_READ;
        }
        if (r.contains("merge")) {
            return MERGE;
        }
        if (r.contains("void") || r.contains("spoil")) {
            return VOID;
        }
        if (r.contains("override") || r.contains("/class")) {
            return CLASS_CHANGE;
        }
        if (r.contains("ack")) {
            return ACKNOWLEDGEMENT;
        }
        if (r.contains("correct") || r.contains("/workbench") || r.contains("reconcil") || r.contains("resolve")) {
            return CORRECTION;
        }
        return CHANGE;
    }
}
