package org.hospital.continuity.kiosk.session.api;

import jakarta.annotation.security.RolesAllowed;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;
import jakarta.annotation.security.PermitAll;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.hospital.continuity.kiosk.session.Sessions;
import org.hospital.continuity.kiosk.session.StaffSession;

/** Staff sign-in on the kiosk, offline (HR-2, HR-3). The session travels in an HttpOnly cookie. */
@Path("/api/session")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(KioskRoles.STAFF)
public class SessionResource {

    static final String COOKIE = Sessions.COOKIE;

    private final Sessions sessions;

    public SessionResource(Sessions sessions) {
        this.sessions = sessions;
    }

    public record Login(@NotBlank @Size(max = 64) String accountId, @NotBlank @Size(max = 128) String password) {
    }

    public record Me(String accountId, String displayName, List<String> roles) {
        static Me of(StaffSession s) {
            return new Me(s.accountId(), s.displayName(), s.roles());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public Response login(@Valid @NotNull Login login) {
        StaffSession s = sessions.login(login.accountId().trim(), login.password().toCharArray());
        return Response.ok(Me.of(s)).cookie(cookie(s.token(), -1)).build();
    }

    @GET
    public Me me(@CookieParam(COOKIE) String token) {
        return Me.of(sessions.require(token));
    }

    @DELETE
    @PermitAll
    public Response logout(@CookieParam(COOKIE) String token) {
        sessions.logout(token);
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
