package org.hospital.continuity.server.kiosk;

import io.smallrye.mutiny.Uni;

/** HR-2: whether a kiosk's secret is its current credential, as the registry of kiosks knows it. */
public interface KioskSecrets {

    enum Check {
        /** A registered kiosk with its valid, current credential. */
        AUTHENTIC,
        /** A registered kiosk whose credential (this secret) was revoked. */
        REVOKED,
        /** A registered kiosk, but the secret is not its credential. */
        WRONG_SECRET,
        /** No kiosk of that id was ever registered. */
        NOT_REGISTERED
    }

    Uni<Check> check(String kioskId, String secret);
}
