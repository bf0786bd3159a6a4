package org.hospital.continuity.server.account.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.account.app.ManagingAccounts;
import org.hospital.continuity.server.account.persistence.AccountStore.AccountRow;
import org.hospital.continuity.server.platform.security.StaffRole;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.jboss.resteasy.reactive.RestResponse;

/** HR-1, HR-7: accounts are granted, disabled and reset by IT administrators only. */
@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AccountResource {

    private final ManagingAccounts accounts;
    private final SecurityIdentity identity;

    public AccountResource(ManagingAccounts accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    public record CreateAccount(
            @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, dot, dash, underscore") String username,
            @NotNull UUID personId,
            @NotBlank @Size(max = 200) String password) {
    }

    public record SetPassword(@NotBlank @Size(max = 200) String password) {
    }

    /** Never carries the password hash. */
    public record AccountView(UUID id, String username, UUID personId, String personName, String departmentCode,
                              Set<StaffRole> staffRoles, boolean active, int failedAttempts, Instant lockedUntil, Instant createdAt) {
        static AccountView of(AccountRow a) {
            return new AccountView(a.id(), a.username(), a.personId(), a.personName(), a.departmentCode(), a.roles(),
                    a.active(), a.failedAttempts(), a.lockedUntil(), a.createdAt());
        }
    }

    private UUID actor() {
        return Staff.of(identity).accountId();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<AccountView>> create(@Valid @NotNull CreateAccount request) {
        return accounts.create(request.username(), request.personId(), request.password(), actor())
                .map(a -> RestResponse.ResponseBuilder.<AccountView>created(URI.create("/api/accounts/" + a.id()))
                        .entity(AccountView.of(a)).build());
    }

    @GET
    public Uni<List<AccountView>> all() {
        return accounts.all().map(l -> l.stream().map(AccountView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<AccountView> get(@PathParam("id") UUID id) {
        return accounts.get(id).map(AccountView::of);
    }

    @POST
    @Path("/{id}/disable")
    public Uni<AccountView> disable(@PathParam("id") UUID id) {
        return accounts.setActive(id, false, actor()).map(AccountView::of);
    }

    @POST
    @Path("/{id}/enable")
    public Uni<AccountView> enable(@PathParam("id") UUID id) {
        return accounts.setActive(id, true, actor()).map(AccountView::of);
    }

    @POST
    @Path("/{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AccountView> setPassword(@PathParam("id") UUID id, @Valid @NotNull SetPassword request) {
        return accounts.setPassword(id, request.password(), actor()).map(AccountView::of);
    }
}
