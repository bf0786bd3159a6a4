package org.hospital.continuity.server.account.app;

import org.hospital.continuity.server.platform.security.Roles;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.account.domain.LoginPolicy;
import org.hospital.continuity.server.account.domain.PasswordHasher;
import org.hospital.continuity.server.account.persistence.AccountStore;
import org.hospital.continuity.server.directory.People;
import org.hospital.continuity.server.directory.Person;
import org.hospital.continuity.server.platform.security.StaffRole;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.SessionTokens;

/** HR-2/HR-3: staff sign in with user name and password, get a session that expires; sign out ends it. */
@ApplicationScoped
public class LoggingIn {

    /**
     * A new session. The token is shown once and never stored. {@code mustChangePassword}: the account still has the
     * password the server generated; the session may only replace it (HR-3).
     */
    public record Session(String token, Instant expiresAt, UUID accountId, String username, UUID personId,
                          String personName, String departmentCode, Set<String> roles, boolean mustChangePassword) {
    }

    private final AccountStore accounts;
    private final InstantSource clock;
    private final AuthConfig config;
    private final PasswordHasher hasher;
    private final LoginPolicy policy;
    /** Verified against when the user name is unknown, so the answer takes as long either way. */
    private final String decoyHash;

    private final People people;

    public LoggingIn(AccountStore accounts, People people, InstantSource clock, AuthConfig config) {
        this.accounts = accounts;
        this.people = people;
        this.clock = clock;
        this.config = config;
        this.hasher = new PasswordHasher(config.pbkdf2Iterations());
        this.policy = new LoginPolicy(config.maxFailures(), config.lockDuration());
        this.decoyHash = hasher.hash("decoy-password-0".toCharArray());
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    public Uni<Session> logIn(String username, String password) {
        return accounts.byUsername(accounts.pool(), username).chain(account -> {
            String stored = account == null ? decoyHash : account.passwordHash();
            return Uni.createFrom().item(() -> hasher.matches(password.toCharArray(), stored))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .chain(matches -> account == null
                            ? unknownUser().chain(() -> Uni.createFrom().failure(wrongPassword()))
                            // the person is read before the transaction: the directory is never read while one is held
                            : people.person(account.personId()).chain(person -> record(username, matches, person)));
        });
    }

    private Uni<Session> record(String username, boolean matches, Person person) {
        Instant now = clock.instant();
        return accounts.pool().withTransaction(c -> accounts.byUsernameForUpdate(c, username).chain(a -> {
            LoginPolicy.Outcome outcome = policy.decide(new LoginPolicy.AccountState(a.active(), a.failedAttempts(), a.lockedUntil()), matches, now);
            if (outcome instanceof LoginPolicy.Refused refused) {
                return accounts.audit(c, a.id(), null, "LOGIN_REFUSED", refused.rule(), now).replaceWith((Object) refused);
            }
            if (outcome instanceof LoginPolicy.Failed failed) {
                return accounts.recordAttempt(c, a.id(), failed.failedAttempts(), failed.lockedUntil())
                        .chain(() -> accounts.audit(c, a.id(), null, failed.lockedUntil() == null ? "LOGIN_FAILED" : "LOCKED",
                                "failures=" + failed.failedAttempts(), now))
                        .replaceWith((Object) failed);
            }
            String token = SessionTokens.newToken();
            Instant expires = now.plus(config.sessionTtl());
            return accounts.recordAttempt(c, a.id(), 0, null)
                    .chain(() -> accounts.openSession(c, SessionTokens.hash(token), a.id(), now, expires))
                    .chain(() -> accounts.audit(c, a.id(), a.id(), "LOGIN", "session until " + expires, now))
                    .replaceWith((Object) new Session(token, expires, a.id(), a.username(), a.personId(), person.name(),
                            person.departmentCode(), a.oneTimePassword() ? Set.of(Roles.PASSWORD_CHANGE)
                                    : StaffRole.securityRoles(person.roles()), a.oneTimePassword()));
        })).chain(result -> {
            if (result instanceof Session s) {
                Log.infof("sign-in account=%s", s.accountId());
                return Uni.createFrom().item(s);
            }
            if (result instanceof LoginPolicy.Refused r) {
                return Uni.createFrom().failure(new DomainRejection(r.rule().equals("HR-3") ? 423 : 403,
                        r.rule().equals("HR-3") ? "account-locked" : "account-disabled", r.rule(), r.reason()));
            }
            LoginPolicy.Failed f = (LoginPolicy.Failed) result;
            if (f.lockedUntil() != null) {
                return Uni.createFrom().failure(new DomainRejection(423, "account-locked", "HR-3",
                        "Too many wrong passwords: the account is locked until " + f.lockedUntil() + "."));
            }
            return Uni.createFrom().failure(wrongPassword());
        });
    }

    /** HR-8: a sign-in with a user name that does not exist is audited too (the typed name is not kept). */
    private Uni<Void> unknownUser() {
        return auditTrail == null ? Uni.createFrom().voidItem() : auditTrail.record(new org.hospital.continuity.server.audit.AuditLog.Event(
                "anonymous", "ANONYMOUS", "LOGIN_FAILED", org.hospital.continuity.sync.audit.AuditCategories.LOGIN, "REFUSED", "",
                "account", "", "unknown user name"));
    }

    @jakarta.inject.Inject
    org.hospital.continuity.server.audit.AuditLog auditTrail;

    private static DomainRejection wrongPassword() {
        return new DomainRejection(401, "sign-in-failed", "HR-3", "Wrong user name or password.");
    }

    public Uni<Void> logOut(String token) {
        return accounts.pool().withTransaction(c -> accounts.revokeSession(c, SessionTokens.hash(token), clock.instant()));
    }
}
