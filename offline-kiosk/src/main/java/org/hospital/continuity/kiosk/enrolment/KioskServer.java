package org.hospital.continuity.kiosk.enrolment;

import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.kiosk.enrolment.integration.ServerClient;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;

/**
 * The server's kiosk endpoints ({@code /api/kiosk/*}) as this enrolled kiosk calls them: at the server it
 * enrolled with, signed in with its credential (HTTP Basic), JSON both ways. Before enrolment a call is
 * refused (409 {@code not-enrolled}); an unreachable server is a 503 {@link KioskRejection}, a refusal a
 * 409 or 502 one — offline is normal, so callers catch it.
 */
@ApplicationScoped
public class KioskServer {

    private final EnrolledKiosk enrolled;
    private final ServerClient client;

    public KioskServer(EnrolledKiosk enrolled, ServerClient client) {
        this.enrolled = enrolled;
        this.client = client;
    }

    /** GET {@code path} (with its query), the answer read as {@code type}. */
    public <T> T get(String path, Class<T> type) {
        KioskIdentity k = identity();
        return client.get(k.serverUrl(), path, k.kioskId(), enrolled.credential(), type);
    }

    /** POST {@code body} as JSON to {@code path}, the answer read as {@code type}. */
    public <T> T post(String path, Object body, Class<T> type) {
        KioskIdentity k = identity();
        return client.post(k.serverUrl(), path, k.kioskId(), enrolled.credential(), body, type);
    }

    private KioskIdentity identity() {
        return enrolled.identity().orElseThrow(() -> KioskRejection.conflict("not-enrolled", null, "error.not-enrolled"));
    }
}
