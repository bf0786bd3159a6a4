package org.hospital.continuity.server.syncreceiver.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.server.kiosk.app.KioskCredentials;
import org.hospital.continuity.server.kiosk.domain.Secrets;
import org.hospital.continuity.server.kiosk.persistence.KioskRegistryRepository;
import org.hospital.continuity.server.syncreceiver.config.SyncReceiverConfig;

/**
 * The push credential check over the kiosk registry (kiosk enrolment): an enrolled kiosk
 * whose secret matches ({@code KioskCredentials.verify}) is authentic; a registered kiosk whose
 * credential was revoked and whose secret matches is told so (403); anything else is unknown (401).
 * Kiosks absent from the registry fall back to the configured test/benchmark credentials, which
 * are empty in production.
 */
@ApplicationScoped
public class RegistryKioskAuthenticator implements KioskAuthenticator {

    private final KioskCredentials credentials;
    private final KioskRegistryRepository registry;
    private final ConfiguredKioskAuthenticator configured;

    public RegistryKioskAuthenticator(KioskCredentials credentials, KioskRegistryRepository registry, SyncReceiverConfig config) {
        this.credentials = credentials;
        this.registry = registry;
        this.configured = new ConfiguredKioskAuthenticator(config);
    }

    @Override
    public Uni<Verdict> verify(String kioskId, String secret) {
        return credentials.verify(kioskId, secret).chain(identity -> {
            if (identity.isPresent()) {
                return Uni.createFrom().item(Verdict.AUTHENTIC);
            }
            return registry.kiosk(kioskId).chain(row -> {
                if (row.isEmpty()) {
                    return configured.verify(kioskId, secret);
                }
                boolean revoked = "REVOKED".equals(row.get().status()) && Secrets.matches(secret, row.get().credentialHash());
                return Uni.createFrom().item(revoked ? Verdict.REVOKED : Verdict.UNKNOWN);
            });
        });
    }
}
