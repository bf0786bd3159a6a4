package org.hospital.continuity.server.kiosk.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.server.kiosk.KioskSecrets;
import org.hospital.continuity.server.kiosk.domain.Secrets;
import org.hospital.continuity.server.kiosk.persistence.KioskRegistryRepository;

/** The kiosk registry's answer to {@link KioskSecrets}. */
@ApplicationScoped
public class CheckingKioskSecrets implements KioskSecrets {

    private final KioskCredentials credentials;
    private final KioskRegistryRepository registry;

    public CheckingKioskSecrets(KioskCredentials credentials, KioskRegistryRepository registry) {
        this.credentials = credentials;
        this.registry = registry;
    }

    @Override
    public Uni<Check> check(String kioskId, String secret) {
        return credentials.verify(kioskId, secret).chain(identity -> {
            if (identity.isPresent()) {
                return Uni.createFrom().item(Check.AUTHENTIC);
            }
            return registry.kiosk(kioskId).map(row -> {
                if (row.isEmpty()) {
                    return Check.NOT_REGISTERED;
                }
                boolean revoked = "REVOKED".equals(row.get().status()) && Secrets.matches(secret, row.get().credentialHash());
                return revoked ? Check.REVOKED : Check.WRONG_SECRET;
            });
        });
    }
}
