package org.hospital.continuity.kiosk.enrolment;

import java.time.Instant;

/** Who this kiosk is after enrolment: its id, name, department and the server it enrolled with. */
public record KioskIdentity(String kioskId, String kioskName, String departmentCode, String departmentName,
                            String serverUrl, Instant enrolledAt) {
}
