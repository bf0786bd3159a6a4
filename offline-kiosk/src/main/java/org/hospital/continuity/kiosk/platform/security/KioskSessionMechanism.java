package org.hospital.continuity.kiosk.platform.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the kiosk's session cookie into a security identity so that {@code @RolesAllowed} guards the
 * local API (HR-1). It only peeks at the session (no activity is recorded here): the resources still
 * call {@code Sessions.require}, which counts as activity for the idle timeout (HR-2).
 */
@ApplicationScoped
public class KioskSessionMechanism implements HttpAuthenticationMechanism {

    /** The identity attribute carrying the {@link SignedInStaff.Member}. */
    public static final String SESSION_ATTRIBUTE = "continuity.kiosk.session";

    private final SignedInStaff staff;

    public KioskSessionMechanism(SignedInStaff staff) {
        this.staff = staff;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(SignedInStaff.COOKIE);
        Optional<SignedInStaff.Member> member = cookie == null ? Optional.empty() : staff.signedIn(cookie.getValue());
        if (member.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        SignedInStaff.Member m = member.get();
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(m.accountId()))
                .addRole(KioskRoles.STAFF)
                .addAttribute(SESSION_ATTRIBUTE, m);
        m.roles().stream().filter(r -> !r.isBlank()).forEach(b::addRole);
        return Uni.createFrom().item(b.build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
