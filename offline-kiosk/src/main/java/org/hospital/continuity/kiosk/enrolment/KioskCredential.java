package org.hospital.continuity.kiosk.enrolment;

/** The enrolled kiosk's id and secret, as it signs in to the server (HTTP Basic); the secret is never logged. */
public record KioskCredential(String kioskId, String secret) {

    @Override
    public String toString() {
        return "KioskCredential[" + kioskId + ", secret hidden]";
    }
}
