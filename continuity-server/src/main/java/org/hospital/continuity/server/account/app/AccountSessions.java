package org.hospital.continuity.server.account.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hospital.continuity.server.account.persistence.AccountStore;
import org.hospital.continuity.server.platform.security.Sessions;
import org.hospital.continuity.server.platform.security.Staff;
import org.hospital.continuity.server.platform.security.StaffRole;

/** The account feature's answer to the security layer: who is behind a live session token, with which roles. */
@ApplicationScoped
public class AccountSessions implements Sessions {

    private final AccountStore accounts;

    public AccountSessions(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public Uni<Staff> activeAccount(String username) {
        return accounts.byUsername(accounts.pool(), username).map(a -> a == null || !a.active() ? null
                : new Staff(a.id(), a.username(), a.personId(), a.personName(), a.departmentCode(), StaffRole.securityRoles(a.roles())));
    }

    @Override
    public Uni<Staff> liveSession(String tokenHash, Instant now) {
        return accounts.liveSession(tokenHash, now).map(s -> s == null ? null
                : new Staff(s.accountId(), s.username(), s.personId(), s.personName(), s.departmentCode(),
                        StaffRole.securityRoles(s.roles())));
    }
}
