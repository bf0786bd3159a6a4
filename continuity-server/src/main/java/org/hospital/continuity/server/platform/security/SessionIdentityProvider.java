package org.hospital.continuity.server.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;

/** Turns a staff session token into an identity with the account's roles (the live session from {@link Sessions}). */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final Sessions accounts;
    private final InstantSource clock;

    public SessionIdentityProvider(Sessions accounts, InstantSource clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (!SessionAuthenticationMechanism.SCHEME.equals(request.getToken().getType()) || !SessionTokens.looksLikeSession(token)) {
            return Uni.createFrom().nullItem();
        }
        return accounts.liveSession(SessionTokens.hash(token), clock.instant())
                .onFailure().transform(e -> {
                    io.quarkus.logging.Log.warnf("session lookup failed: %s", e.toString());
                    return new AuthenticationFailedException("session lookup failed", e);
                })
                .map(staff -> {
            if (staff == null) {
                io.quarkus.logging.Log.debugf("no live session for the presented token at %s", clock.instant());
                throw new AuthenticationFailedException("session expired or unknown");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(staff.username()))
                    .addRoles(staff.roles())
                    .addAttribute(Staff.ATTRIBUTE, staff)
                    .build();
        });
    }
}
