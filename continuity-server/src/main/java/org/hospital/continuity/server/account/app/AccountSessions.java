package org.hospital.continuity.server.account.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hospital.continuity.server.account.persistence.AccountStore;
import org.hospital.continuity.server.directory.People;
import org.hospital.continuity.server.platform.security.Sessions;
import org.hospital.continuity.server.platform.security.Staff;
import org.hospital.continuity.server.platform.security.StaffRole;

/**
 * The account feature's answer to the security layer: who is behind a live session token, with which roles. The
 * account row comes from the account's table, the person (name, department, roles, whether still active) from the
 * directory.
 */
@ApplicationScoped
public class AccountSessions implements Sessions {

    private final AccountStore accounts;
    private final People people;

    public AccountSessions(AccountStore accounts, People people) {
        this.accounts = accounts;
        this.people = people;
    }

    @Override
    public Uni<Staff> activeAccount(String username) {
        return accounts.byUsername(accounts.pool(), username).chain(a -> a == null || !a.active() ? Uni.createFrom().nullItem()
                : people.person(a.personId()).map(p -> p == null ? null
                        : new Staff(a.id(), a.username(), a.personId(), p.name(), p.departmentCode(), StaffRole.securityRoles(p.roles()))));
    }

    @Override
    public Uni<Staff> liveSession(String tokenHash, Instant now) {
        // the account active and its person too (HR-7: someone who left signs in nowhere)
        return accounts.liveSession(tokenHash, now).chain(s -> s == null ? Uni.createFrom().nullItem()
                : people.person(s.personId()).map(p -> p == null || !p.active() ? null
                        : new Staff(s.accountId(), s.username(), s.personId(), p.name(), p.departmentCode(),
                                // HR-3: a generated password is replaced before anything else is done with it
                                s.oneTimePassword() ? java.util.Set.of(org.hospital.continuity.server.platform.security.Roles.PASSWORD_CHANGE)
                                        : StaffRole.securityRoles(p.roles()))));
    }
}
