package org.hospital.continuity.server.syncreceiver.app;

import io.smallrye.mutiny.Uni;

/**
 * Checks a kiosk's push credential. The sync receiver does not keep credentials of its own: an
 * implementation adapts the kiosk enrolment feature's credential service (see
 * {@link ConfiguredKioskAuthenticator} for the interim one).
 */
public interface KioskAuthenticator {

    Uni<Verdict> verify(String kioskId, String secret);

    enum Verdict {
        /** A known kiosk with a valid, current credential. */
        AUTHENTIC,
        /** No such kiosk, or the secret does not match. */
        UNKNOWN,
        /** The kiosk is known but its credential was revoked. */
        REVOKED
    }
}
