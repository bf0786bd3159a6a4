package org.hospital.continuity.server.syncreceiver.app;

import org.hospital.continuity.server.kiosk.KioskSecrets;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final KioskSecrets registry;
    private final ConfiguredKioskAuthenticator configured;

    public RegistryKioskAuthenticator(KioskSecrets registry, SyncReceiverConfig config) {
        this.registry = registry;
        this.configured = new ConfiguredKioskAuthenticator(config);
    }

    @Override
    public Uni<Verdict> verify(String kioskId, String secret) {
        return registry.check(kioskId, secret).chain(check -> {
            if (check == KioskSecrets.Check.NOT_REGISTERED) {
                return configured.verify(kioskId, secret);
            }
            return Uni.createFrom().item(check == KioskSecrets.Check.AUTHENTIC ? Verdict.AUTHENTIC
                    : check == KioskSecrets.Check.REVOKED ? Verdict.REVOKED : Verdict.UNKNOWN);
        });
    }
}
