package org.hospital.continuity.server.kiosk.app;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.server.kiosk.KioskIdentity;
import org.hospital.continuity.server.platform.security.Roles;

/**
 * Turns a verified kiosk credential into a security identity: principal = kiosk id, role
 * {@link Roles#KIOSK}, attribute {@link #ATTRIBUTE} = the {@link KioskIdentity} (id, name,
 * department). Endpoints for kiosks (snapshot, number blocks, and the sync receiver)
 * use {@code @RolesAllowed(Roles.KIOSK)} and read the attribute.
 */
@ApplicationScoped
public class KioskIdentityProvider implements IdentityProvider<KioskCredentialRequest> {

    public static final String ATTRIBUTE = KioskIdentity.ATTRIBUTE;

    private final KioskCredentials credentials;

    public KioskIdentityProvider(KioskCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Class<KioskCredentialRequest> getRequestType() {
        return KioskCredentialRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(KioskCredentialRequest request, AuthenticationRequestContext context) {
        return credentials.verify(request.kioskId(), request.secret()).map(k -> {
            KioskIdentity kiosk = k.orElseThrow(() -> new AuthenticationFailedException("unknown kiosk or wrong credential"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(kiosk.kioskId()))
                    .addRole(Roles.KIOSK)
                    .addAttribute(ATTRIBUTE, kiosk)
                    .build();
        });
    }
}
