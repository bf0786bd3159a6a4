package org.hospital.continuity.kiosk.platform.security;

/**
 * Security roles of the kiosk's local API ({@code @RolesAllowed}). A signed-in staff member gets
 * {@link #STAFF} plus each of their staff roles as published with the verifiers (CASHIER, SUPERVISOR …).
 */
public final class KioskRoles {

    /** Any member of staff signed in on this kiosk (HR-2: every record is traced to the account). */
    public static final String STAFF = "staff";

    /**
     * A cashier (published staff role; cashier leads carry it too): the only role that registers patients, takes
     * charges, keeps the manual invoice register, issues and exchanges IOUs and settles discharges (HR-1, EP-6.2, EP-6.3).
     */
    public static final String CASHIER = "CASHIER";

    /** A kiosk supervisor (published staff role): may read this kiosk's audit log. */
    public static final String SUPERVISOR = "SUPERVISOR";

    private KioskRoles() {
    }
}
