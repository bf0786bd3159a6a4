package org.hospital.continuity.kiosk.enrolment.integration;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.Optional;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.crypto.WrappingKeySource;

/** The server's {@code POST /api/kiosk/key-wrap}, signed in with the kiosk's credential: the key its data key is wrapped with. */
@ApplicationScoped
public class ServerWrappingKeys implements WrappingKeySource {

    private final ServerClient client;

    public ServerWrappingKeys(ServerClient client) {
        this.client = client;
    }

    @Override
    public Optional<byte[]> fetch(String serverUrl, String kioskId, String credential) {
        try {
            ServerWire.WrappingKey answer = client.post(serverUrl, "/api/kiosk/key-wrap", kioskId, credential, null,
                    ServerWire.WrappingKey.class);
            if (answer == null || answer.key() == null || !kioskId.equals(answer.kioskId())) {
                return Optional.empty();
            }
            byte[] key = Base64.getDecoder().decode(answer.key());
            return key.length == 32 ? Optional.of(key) : Optional.empty();
        } catch (KioskRejection | IllegalArgumentException e) {
            Log.debugf("the server's wrapping key not fetched: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
