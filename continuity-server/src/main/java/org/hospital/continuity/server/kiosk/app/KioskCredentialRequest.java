package org.hospital.continuity.server.kiosk.app;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A kiosk presenting its id and credential secret (HTTP Basic), to be turned into a kiosk identity. */
public class KioskCredentialRequest extends BaseAuthenticationRequest {

    private final String kioskId;
    private final String secret;

    public KioskCredentialRequest(String kioskId, String secret) {
        this.kioskId = kioskId;
        this.secret = secret;
    }

    public String kioskId() {
        return kioskId;
    }

    public String secret() {
        return secret;
    }
}
