package org.hospital.continuity.server.account.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.account.app.AuthConfig;
import org.hospital.continuity.server.account.app.LoggingIn;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.SessionTokens;
import org.hospital.continuity.server.platform.security.Staff;
import org.jboss.resteasy.reactive.RestResponse;

/** HR-2/HR-3: sign in, see who you are, sign out. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final LoggingIn loggingIn;
    private final SecurityIdentity identity;
    private final AuthConfig config;

    private final org.hospital.continuity.server.account.app.ManagingAccounts managing;

    public AuthResource(LoggingIn loggingIn, SecurityIdentity identity, AuthConfig config,
                        org.hospital.continuity.server.account.app.ManagingAccounts managing) {
        this.managing = managing;
        this.loggingIn = loggingIn;
        this.identity = identity;
        this.config = config;
    }

    public record LoginRequest(@NotBlank @Size(max = 60) String username, @NotBlank @Size(max = 200) String password) {
    }

    /** {@code mustChangePassword}: signed in with the server's one-time password; set your own before anything else (HR-3). */
    public record SessionView(String token, Instant expiresAt, UUID accountId, String username, UUID personId,
                              String personName, String departmentCode, Set<String> roles, boolean mustChangePassword) {
    }

    public record Me(UUID accountId, String username, UUID personId, String personName, String departmentCode, Set<String> roles,
                     boolean mustChangePassword) {
    }

    /** The password in use now and the one chosen to replace it. */
    public record PasswordChange(@NotBlank @Size(max = 200) String password, @NotBlank @Size(max = 200) String newPassword) {
    }

    /** Answers the token once (also as an HttpOnly cookie for pages); wrong password 401, locked 423. */
    @POST
    @Path("/login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<SessionView>> login(@Valid @NotNull LoginRequest request) {
        return loggingIn.logIn(request.username(), request.password()).map(this::signedIn);
    }

    private RestResponse<SessionView> signedIn(LoggingIn.Session s) {
        return RestResponse.ResponseBuilder
                .ok(new SessionView(s.token(), s.expiresAt(), s.accountId(), s.username(), s.personId(), s.personName(),
                        s.departmentCode(), s.roles(), s.mustChangePassword()))
                .cookie(new NewCookie.Builder(SessionTokens.COOKIE).value(s.token()).path("/").httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).maxAge((int) config.sessionTtl().toSeconds()).build())
                .build();
    }

    /**
     * HR-3: the signed-in person sets a password of their own — the first thing, and the only one, a session opened with
     * the server's one-time password may do. Every session of the account ends; the answer is a new session (and cookie)
     * with the new password, so the page carries on signed in.
     */
    @POST
    @Path("/password")
    @RolesAllowed({Roles.READER, Roles.PASSWORD_CHANGE})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<SessionView>> changePassword(@Valid @NotNull PasswordChange request) {
        Staff me = Staff.of(identity);
        return managing.replaceOwnPassword(me.accountId(), request.password(), request.newPassword())
                .chain(a -> loggingIn.logIn(me.username(), request.newPassword())).map(this::signedIn);
    }

    @POST
    @Path("/logout")
    @RolesAllowed({Roles.READER, Roles.PASSWORD_CHANGE})
    public Uni<RestResponse<Void>> logout(@HeaderParam("Authorization") String authorization,
                                          @CookieParam(SessionTokens.COOKIE) String cookie) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : cookie;
        return loggingIn.logOut(token).map(v -> RestResponse.ResponseBuilder.<Void>noContent()
                .cookie(new NewCookie.Builder(SessionTokens.COOKIE).value("").path("/").maxAge(0).build()).build());
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.READER, Roles.PASSWORD_CHANGE})
    public Me me() {
        Staff s = Staff.of(identity);
        return new Me(s.accountId(), s.username(), s.personId(), s.personName(), s.departmentCode(), s.roles(),
                s.has(Roles.PASSWORD_CHANGE));
    }
}
