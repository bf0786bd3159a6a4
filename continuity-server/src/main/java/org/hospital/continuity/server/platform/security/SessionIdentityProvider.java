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
import org.hospital.continuity.server.account.persistence.AccountStore;
import org.hospital.continuity.server.directory.domain.StaffRole;

/** Turns a staff session token into an identity with the account's roles, straight from PostgreSQL. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final AccountStore accounts;
    private final InstantSource clock;

    public SessionIdentityProvider(AccountStore accounts, InstantSource clock) {
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
                .map(s -> {
            if (s == null) {
                io.quarkus.logging.Log.debugf("no live session for the presented token at %s", clock.instant());
                throw new AuthenticationFailedException("session expired or unknown");
            }
            var roles = StaffRole.securityRoles(s.roles());
            Staff staff = new Staff(s.accountId(), s.username(), s.personId(), s.personName(), s.departmentCode(), roles);
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(s.username()))
                    .addRoles(roles)
                    .addAttribute(Staff.ATTRIBUTE, staff)
                    .build();
        });
    }
}
