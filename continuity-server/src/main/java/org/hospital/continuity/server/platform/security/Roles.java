package org.hospital.continuity.server.platform.security;

/**
 * The security roles the server's endpoints are guarded with ({@code @RolesAllowed}). An account's
 * staff roles (directory {@code Role}: cashier, nurse, IT on duty …) are mapped onto these by
 * {@code SessionIdentityProvider}:
 * <ul>
 *   <li>{@link #READER}: every signed-in account; may read incidents, instructions, the directory (HR-1).</li>
 *   <li>{@link #STAFF}: every account except a leadership-only one; may file fault reports and acknowledge
 *       instructions for its own department (EP-3.1, EP-6.1).</li>
 *   <li>{@link #IT}: IT on duty and IT administrators; verify reports, diagnose, declare recovery (EP-3.2, EP-6.8).</li>
 *   <li>{@link #ADMIN}: IT administrators; accounts, people, roster, probes (HR-1, HR-7).</li>
 *   <li>{@link #LEADERSHIP}: the emergency leadership group (EP-2.1); read-only.</li>
 *   <li>{@link #DEPARTMENT_HEAD}: department heads; may acknowledge for their department.</li>
 * </ul>
 * Every staff role is also granted under its own name in lower case with dashes ({@code it-duty}, {@code cashier}).
 */
public final class Roles {

    public static final String READER = "reader";
    public static final String STAFF = "staff";
    public static final String IT = "it";
    public static final String ADMIN = "it-admin";
    public static final String LEADERSHIP = "leadership";
    public static final String DEPARTMENT_HEAD = "department-head";
    /** Data-entry staff (staff role DATA_ENTRY): work the reconciliation workbench after recovery (EP-8.4, EP-8.5). */
    public static final String DATA_ENTRY = "data-entry";
    /** Granted to enrolled kiosks by the kiosk identity of the kiosk feature; kiosks file reports and acknowledge. */
    public static final String KIOSK = "kiosk";
    /**
     * The only role of a session whose account still has the password the server generated (opened or reset by an
     * administrator): it may see who it is and set a password of its own, nothing else (HR-3).
     */
    public static final String PASSWORD_CHANGE = "password-change";

    private Roles() {
    }
}
