package org.hospital.continuity.server.kiosk.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.hospital.continuity.server.kiosk.KioskIdentity;
import org.hospital.continuity.server.kiosk.domain.Secrets;
import org.hospital.continuity.server.kiosk.persistence.KioskRegistryRepository;

/**
 * Checks a kiosk's credential (the random secret it received at enrolment; only its SHA-256 is
 * stored). Used by the kiosk endpoints here and by the sync receiver on every push:
 * {@code verify(kioskId, secret)} gives the kiosk's identity when the kiosk is ENROLLED and the
 * secret matches, and empty otherwise (unknown kiosk, wrong secret, revoked, not yet enrolled).
 * Callers answer empty with 401 and never say which of these it was.
 */
@ApplicationScoped
public class KioskCredentials {

    private final KioskRegistryRepository kiosks;

    public KioskCredentials(KioskRegistryRepository kiosks) {
        this.kiosks = kiosks;
    }

    public Uni<Optional<KioskIdentity>> verify(String kioskId, String secret) {
        if (kioskId == null || secret == null || kioskId.length() > 40 || secret.length() > 200) {
            return Uni.createFrom().item(Optional.empty());
        }
        return kiosks.kiosk(kioskId).map(k -> k.filter(row -> "ENROLLED".equals(row.status()))
                .filter(row -> Secrets.matches(secret, row.credentialHash()))
                .map(KioskRegistryRepository::identity));
    }

    /** Parses an HTTP Basic header ({@code kioskId:secret}) and verifies it. */
    public Uni<Optional<KioskIdentity>> verifyBasic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Uni.createFrom().item(Optional.empty());
        }
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
                    java.nio.charset.StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                return Uni.createFrom().item(Optional.empty());
            }
            return verify(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Optional.empty());
        }
    }
}
