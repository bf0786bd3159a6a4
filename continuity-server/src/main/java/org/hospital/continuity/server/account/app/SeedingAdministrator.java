package org.hospital.continuity.server.account.app;

import org.hospital.continuity.server.platform.persistence.Locks;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.UUID;
import org.hospital.continuity.server.account.domain.PasswordRules;
import org.hospital.continuity.server.account.persistence.AccountStore;
import org.hospital.continuity.server.platform.security.StaffRole;
import org.hospital.continuity.server.directory.People;

/**
 * At start-up, when no active IT administrator exists, creates one from configuration
 * ({@code continuity.auth.initial-admin.*}); no default password exists anywhere in the repository.
 * Two instances starting together are serialised by an advisory lock.
 */
@ApplicationScoped
public class SeedingAdministrator {

    private final AccountStore accounts;
    private final People directory;
    private final LoggingIn loggingIn;
    private final AuthConfig config;
    private final InstantSource clock;

    public SeedingAdministrator(AccountStore accounts, People directory, LoggingIn loggingIn, AuthConfig config, InstantSource clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.loggingIn = loggingIn;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        var admin = config.initialAdmin();
        if (admin.password().isEmpty()) {
            boolean exists = anyAdministrator(accounts.pool()).await().atMost(Duration.ofSeconds(30));
            if (!exists) {
                Log.warn("No IT administrator account exists and continuity.auth.initial-admin.password is not set "
                        + "(env CONTINUITY_AUTH_INITIAL_ADMIN_PASSWORD): nobody can sign in yet.");
            }
            return;
        }
        String password = admin.password().get();
        var problem = PasswordRules.problem(password, admin.username());
        if (problem.isPresent()) {
            throw new IllegalStateException("continuity.auth.initial-admin.password is too weak: " + problem.get());
        }
        String hash = loggingIn.hasher().hash(password.toCharArray());
        Instant now = clock.instant();
        Boolean created = accounts.pool().withTransaction(c -> Locks.exclusive(c, 4242001)
                .chain(() -> anyAdministrator(c))
                .chain(exists -> {
                    if (exists) {
                        return io.smallrye.mutiny.Uni.createFrom().item(false);
                    }
                    return accounts.byUsername(c, admin.username()).chain(taken -> {
                        if (taken != null) {
                            Log.warnf("initial administrator not seeded: user name %s is taken", admin.username());
                            return io.smallrye.mutiny.Uni.createFrom().item(false);
                        }
                        UUID person = UUID.randomUUID();
                        UUID account = UUID.randomUUID();
                        // the person, the account and the audit entry (HR-8) commit together: the directory's insert joins this transaction
                        return directory.addPerson(c, person, "系统管理员（初始账号）", "IT", EnumSet.of(StaffRole.IT_ADMIN), now)
                                .chain(() -> accounts.insert(c, account, admin.username(), person, hash, now))
                                .chain(() -> accounts.audit(c, account, null, "SEEDED", "initial administrator from configuration", now))
                                .replaceWith(true);
                    });
                })).await().atMost(Duration.ofSeconds(30));
        if (created) {
            Log.infof("initial administrator %s seeded from configuration", admin.username());
        }
    }

    /**
     * Whether an active account belongs to an IT administrator. The directory is read after the caller took the seeding
     * lock, so another instance's seeded administrator is seen (start-up: no request holds a connection meanwhile).
     */
    private io.smallrye.mutiny.Uni<Boolean> anyAdministrator(org.hospital.continuity.server.platform.persistence.Tx c) {
        return directory.people((String) null).chain(people -> accounts.anyActiveOf(c, people.stream()
                .filter(p -> p.holds(StaffRole.IT_ADMIN)).map(org.hospital.continuity.server.directory.Person::id).toList()));
    }
}
