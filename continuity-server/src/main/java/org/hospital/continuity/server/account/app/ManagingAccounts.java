package org.hospital.continuity.server.account.app;

import org.hospital.continuity.server.kiosk.StaffVerifier;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.server.account.domain.OneTimePasswords;
import org.hospital.continuity.server.account.domain.PasswordRules;
import org.hospital.continuity.server.account.persistence.AccountStore;
import org.hospital.continuity.server.account.persistence.AccountStore.AccountRow;
import org.hospital.continuity.server.directory.People;
import org.hospital.continuity.server.directory.Person;
import org.hospital.continuity.server.kiosk.KioskVerifiers;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.StaffRole;

/**
 * HR-1, HR-7: an IT administrator grants a person an account (one per person), disables it when
 * they leave, and resets passwords. Every change is written to the account audit log.
 */
@ApplicationScoped
public class ManagingAccounts {

    private final AccountStore accounts;
    private final People directory;
    private final LoggingIn loggingIn;
    private final InstantSource clock;
    private final KioskVerifiers kiosks;
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    /** An account with the one-time password it was just given: answered once, to the administrator who asked (HR-3). */
    public record Issued(AccountRow account, String oneTimePassword) {
    }

    public ManagingAccounts(AccountStore accounts, People directory, LoggingIn loggingIn, InstantSource clock, KioskVerifiers kiosks) {
        this.accounts = accounts;
        this.directory = directory;
        this.loggingIn = loggingIn;
        this.clock = clock;
        this.kiosks = kiosks;
    }

    /**
     * HR-3: the offline verifier the kiosks of the person's department get for this password (the
     * kiosks sign staff in without the server); empty for a person without kiosk roles.
     */
    private Uni<Optional<StaffVerifier>> kioskVerifier(String username, Person p, String password) {
        return p == null ? Uni.createFrom().item(Optional.<StaffVerifier>empty())
                : kiosks.accountVerifier(username, p.name(), p.departmentCode(), p.roles(), password.toCharArray());
    }

    private Uni<String> hash(String username, String password) {
        var problem = PasswordRules.problem(password, username);
        if (problem.isPresent()) {
            return Uni.createFrom().failure(new DomainRejection(422, "weak-password", "HR-3", problem.get()));
        }
        return Uni.createFrom().item(() -> loggingIn.hasher().hash(password.toCharArray()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The account with its person's name, department and roles (the directory is read outside any transaction). */
    private Uni<AccountRow> withPerson(AccountStore.Stored a) {
        return a == null ? Uni.createFrom().nullItem() : directory.person(a.personId()).map(p -> AccountRow.of(a, p));
    }

    public Uni<AccountRow> create(String username, UUID personId, String password, UUID actor) {
        return create(username, personId, password, actor, false);
    }

    /** {@code oneTime}: the password is the server's generated one, to be replaced at the first sign-in (HR-3). */
    private Uni<AccountRow> create(String username, UUID personId, String password, UUID actor, boolean oneTime) {
        UUID id = UUID.randomUUID();
        return hash(username, password).chain(hash -> directory.person(personId).chain(p -> {
            if (p == null) {
                return Uni.createFrom().failure(DomainRejection.notFound("Person " + personId));
            }
            return kioskVerifier(username, p, password).chain(verifier -> accounts.pool().withTransaction(c -> accounts.takenBy(c, username, personId)
                    .chain(taken -> {
                        if (taken) {
                            return Uni.createFrom().failure(DomainRejection.conflict("account-exists", "HR-1",
                                    "The user name is taken or the person already has an account (one account per person)."));
                        }
                        Instant now = clock.instant();
                        // the account, the kiosks' verifier (HR-3) and the audit entry (HR-8) commit together
                        return accounts.insert(c, id, username, personId, hash, now)
                                .chain(() -> accounts.setOneTimePassword(c, id, oneTime))
                                .chain(() -> kiosks.storeAccountVerifier(c, username, verifier))
                                .chain(() -> accounts.audit(c, id, actor, "CREATED", "roles=" + StaffRole.csv(p.roles()), now))
                                .chain(() -> accounts.byId(c, id));
                    }))).map(a -> AccountRow.of(a, p));
        })).invoke(a -> Log.infof("account created id=%s", a.id()));
    }

    public Uni<List<AccountRow>> all() {
        return accounts.all(accounts.pool()).chain(list -> directory.byIds(list.stream().map(AccountStore.Stored::personId).distinct().toList())
                .map(people -> {
                    Map<UUID, Person> byId = new HashMap<>();
                    people.forEach(p -> byId.put(p.id(), p));
                    return list.stream().map(a -> AccountRow.of(a, byId.get(a.personId()))).toList();
                }));
    }

    public Uni<AccountRow> get(UUID id) {
        return accounts.byId(accounts.pool(), id).chain(this::withPerson).onItem().ifNull()
                .failWith(() -> DomainRejection.notFound("Account " + id));
    }

    /** HR-7: disabling also ends every open session of the account. */
    public Uni<AccountRow> setActive(UUID id, boolean active, UUID actor) {
        Instant now = clock.instant();
        return accounts.pool().withTransaction(c -> accounts.byId(c, id).chain(a -> {
            if (a == null) {
                return Uni.createFrom().failure(DomainRejection.notFound("Account " + id));
            }
            if (!active && id.equals(actor)) {
                return Uni.createFrom().failure(DomainRejection.conflict("cannot-disable-self", "HR-1", "You cannot disable your own account."));
            }
            Uni<Void> sessions = active ? Uni.createFrom().voidItem() : accounts.revokeAllSessions(c, id, now);
            // HR-7: a disabled account no longer signs in at a kiosk either
            return accounts.setActive(c, id, active).chain(() -> sessions)
                    .chain(() -> kiosks.withdrawAccountVerifier(c, a.username(), !active))
                    .chain(() -> accounts.audit(c, id, actor, active ? "ENABLED" : "DISABLED", "", now))
                    .chain(() -> accounts.byId(c, id));
        })).chain(this::withPerson);
    }

    /**
     * A new password (HR-3) ends the account's sessions and lifts a lock; the kiosks of the person's
     * department receive the new offline verifier (the old one stops working with their next snapshot).
     */
    public Uni<AccountRow> setPassword(UUID id, String password, UUID actor) {
        return setPassword(id, password, actor, false);
    }

    /** {@code oneTime}: a generated password the person must replace at their next sign-in (HR-3). */
    private Uni<AccountRow> setPassword(UUID id, String password, UUID actor, boolean oneTime) {
        return accounts.byId(accounts.pool(), id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Account " + id))
                .chain(a -> hash(a.username(), password).chain(hash -> directory.person(a.personId()).chain(person ->
                        kioskVerifier(a.username(), person, password).chain(verifier -> accounts.pool().withTransaction(c -> {
                            Instant now = clock.instant();
                            Uni<Void> kiosk = kiosks.storeAccountVerifier(c, a.username(), verifier);
                            return accounts.setPassword(c, id, hash, now)
                                    .chain(() -> accounts.setOneTimePassword(c, id, oneTime))
                                    .chain(() -> a.active() ? kiosk : kiosk.chain(() -> kiosks.withdrawAccountVerifier(c, a.username(), true)))
                                    .chain(() -> accounts.revokeAllSessions(c, id, now))
                                    .chain(() -> accounts.audit(c, id, actor, "PASSWORD_SET", "", now))
                                    .chain(() -> accounts.byId(c, id));
                        })).map(stored -> AccountRow.of(stored, person)))));
    }

    /**
     * HR-1, HR-3: an account opened with a generated one-time password, which only this answer carries (it is stored
     * as a hash, never logged); the administrator hands it to the person.
     */
    public Uni<Issued> createWithOneTimePassword(String username, UUID personId, UUID actor) {
        String password = OneTimePasswords.generate(random, username);
        return create(username, personId, password, actor, true).map(a -> new Issued(a, password));
    }

    /**
     * HR-3, HR-7: a forgotten password replaced by a generated one-time password (same effects as
     * {@link #setPassword}: sessions ended, lock lifted, kiosks' verifier renewed, audited); only this answer carries it.
     */
    public Uni<Issued> resetPassword(UUID id, UUID actor) {
        return accounts.byId(accounts.pool(), id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Account " + id))
                .chain(a -> {
                    String password = OneTimePasswords.generate(random, a.username());
                    return setPassword(id, password, actor, true).map(row -> new Issued(row, password));
                });
    }

    /**
     * HR-3: the signed-in person replaces their own password — at the first sign-in with a generated one-time password
     * this is the only thing their session may do. The current password is checked again (a session left open is not
     * enough); the new one must meet the rules and differ from it. Same effects as {@link #setPassword}: every session of
     * the account ends (the caller signs in again with the new password), the kiosks get the new verifier, it is audited.
     */
    public Uni<AccountRow> replaceOwnPassword(UUID accountId, String current, String chosen) {
        return accounts.byId(accounts.pool(), accountId).onItem().ifNull().failWith(() -> DomainRejection.notFound("Account " + accountId))
                .chain(a -> Uni.createFrom().item(() -> loggingIn.hasher().matches(current.toCharArray(), a.passwordHash()))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .chain(matches -> {
                            if (!matches) {
                                return Uni.createFrom().failure(new DomainRejection(403, "wrong-current-password", "HR-3",
                                        "The current password is not right; nothing was changed."));
                            }
                            if (current.equals(chosen)) {
                                return Uni.createFrom().failure(new DomainRejection(422, "same-password", "HR-3",
                                        "The new password must differ from the one it replaces."));
                            }
                            return setPassword(accountId, chosen, accountId, false);
                        }));
    }
}
