package org.hospital.continuity.server.kiosk;

/** An enrolled kiosk as a verified credential reveals it: its id, name and department. */
public record KioskIdentity(String kioskId, String name, String departmentCode) {

    /** The attribute of the request's security identity that holds the calling kiosk. */
    public static final String ATTRIBUTE = "continuity.kiosk";
}
