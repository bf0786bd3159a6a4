package org.hospital.continuity.server.kiosk.domain;

/** An enrolled kiosk as a verified credential reveals it: its id, name and department. */
public record KioskIdentity(String kioskId, String name, String departmentCode) {
}
