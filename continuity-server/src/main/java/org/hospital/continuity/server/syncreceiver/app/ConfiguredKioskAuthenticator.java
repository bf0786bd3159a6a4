package org.hospital.continuity.server.syncreceiver.app;

import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.hospital.continuity.server.syncreceiver.config.SyncReceiverConfig;

/**
 * Credentials from configuration ({@code continuity.sync-receiver.interim-credentials}, SHA-256 of
 * each secret, compared in constant time; {@code revoked-kiosks}), for kiosks that are not in the
 * kiosk registry: the receiver's tests and the benchmark. Empty in production, where every kiosk
 * is enrolled (see {@link RegistryKioskAuthenticator}). Not a bean of its own.
 */
public class ConfiguredKioskAuthenticator implements KioskAuthenticator {

    private final SyncReceiverConfig config;

    public ConfiguredKioskAuthenticator(SyncReceiverConfig config) {
        this.config = config;
    }

    @Override
    public Uni<Verdict> verify(String kioskId, String secret) {
        String expected = config.interimCredentials().get(kioskId);
        if (expected == null) {
            return Uni.createFrom().item(Verdict.UNKNOWN);
        }
        boolean matches = MessageDigest.isEqual(expected.toLowerCase().getBytes(StandardCharsets.US_ASCII),
                sha256(secret).getBytes(StandardCharsets.US_ASCII));
        if (!matches) {
            return Uni.createFrom().item(Verdict.UNKNOWN);
        }
        return Uni.createFrom().item(config.revokedKiosks().orElse(List.of()).contains(kioskId) ? Verdict.REVOKED : Verdict.AUTHENTIC);
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
