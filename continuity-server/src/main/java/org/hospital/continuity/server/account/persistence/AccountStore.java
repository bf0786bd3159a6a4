package org.hospital.continuity.server.account.persistence;

import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.Tx;
import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.directory.Person;
import org.hospital.continuity.server.platform.security.StaffRole;

/**
 * Accounts and sessions on the reactive SQL client: every account change is also an entry of the hash-chained
 * audit log (HR-8), appended under the chain's lock, and stores or withdraws the kiosks' offline verifier (HR-3,
 * HR-7), in the same transaction; the audit and kiosk stores are on the SQL client, so the account rows are too.
 * The person behind an account (name, department, roles) is the directory's: it is asked through {@code People}.
 */
@ApplicationScoped
public class AccountStore {

    /** An account row. */
    public record Stored(UUID id, String username, UUID personId, String passwordHash, boolean active, int failedAttempts,
                         Instant lockedUntil, Instant createdAt, boolean oneTimePassword) {
    }

    /** An account with what sign-in and authorisation need: the account row and its person's name, department and roles. */
    public record AccountRow(UUID id, String username, UUID personId, String personName, String departmentCode,
                             Set<StaffRole> roles, String passwordHash, boolean active, int failedAttempts,
                             Instant lockedUntil, Instant createdAt) {

        public static AccountRow of(Stored a, Person p) {
            return new AccountRow(a.id(), a.username(), a.personId(), p == null ? null : p.name(), p == null ? null : p.departmentCode(),
                    p == null ? Set.of() : p.roles(), a.passwordHash(), a.active(), a.failedAttempts(), a.lockedUntil(), a.createdAt());
        }
    }

    /**
     * A live session: not revoked, not expired, its account active; {@code oneTimePassword}: the account still has the
     * password the server generated, so the session may only set a password of its own (HR-3).
     */
    public record LiveSession(UUID accountId, String username, UUID personId, Instant expiresAt, boolean oneTimePassword) {
    }

    private static final String SELECT = """
            select id, username, person_id, password_hash, active, failed_attempts, locked_until, created_at, one_time_password from account""";

    private final Pool pool;
    /** Every account audit row is also an entry of the hash-chained audit log, in the same transaction. */
    @jakarta.inject.Inject
    org.hospital.continuity.server.audit.AuditLog auditTrail;

    public AccountStore(Pool pool) {
        this.pool = pool;
    }

    public Db pool() {
        return new Db(pool);
    }

    private static Stored row(Row r) {
        return new Stored(r.getUUID("id"), r.getString("username"), r.getUUID("person_id"), r.getString("password_hash"),
                r.getBoolean("active"), r.getInteger("failed_attempts"), instant(r, "locked_until"), instant(r, "created_at"),
                r.getBoolean("one_time_password"));
    }

    private static Stored first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? row(it.next()) : null;
    }

    public Uni<Stored> byUsername(Tx c, String username) {
        return c.client().preparedQuery(SELECT + " where username = $1").execute(Tuple.of(username)).map(AccountStore::first);
    }

    public Uni<Stored> byUsernameForUpdate(Tx c, String username) {
        return c.client().preparedQuery(SELECT + " where username = $1 for update").execute(Tuple.of(username)).map(AccountStore::first);
    }

    public Uni<Stored> byId(Tx c, UUID id) {
        return c.client().preparedQuery(SELECT + " where id = $1").execute(Tuple.of(id)).map(AccountStore::first);
    }

    public Uni<List<Stored>> all(Tx c) {
        return c.client().query(SELECT + " order by username").execute().map(rows -> {
            List<Stored> out = new ArrayList<>();
            rows.forEach(r -> out.add(row(r)));
            return out;
        });
    }

    /** Whether one of these people has an active account. */
    public Uni<Boolean> anyActiveOf(Tx c, Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return c.client().preparedQuery("select 1 from account where active and person_id = any($1) limit 1")
                .execute(Tuple.of(personIds.toArray(new UUID[0]))).map(rows -> rows.size() > 0);
    }

    public Uni<Void> insert(Tx c, UUID id, String username, UUID personId, String hash, Instant now) {
        return c.client().preparedQuery("""
                insert into account (id, username, person_id, password_hash, active, failed_attempts, created_at, password_changed_at)
                values ($1, $2, $3, $4, true, 0, $5, $5)""")
                .execute(Tuple.of(id, username, personId, hash, ts(now))).replaceWithVoid();
    }

    public Uni<Void> recordAttempt(Tx c, UUID id, int failedAttempts, Instant lockedUntil) {
        return c.client().preparedQuery("update account set failed_attempts = $2, locked_until = $3 where id = $1")
                .execute(Tuple.of(id, failedAttempts, ts(lockedUntil))).replaceWithVoid();
    }

    public Uni<Void> setActive(Tx c, UUID id, boolean active) {
        return c.client().preparedQuery("update account set active = $2 where id = $1").execute(Tuple.of(id, active)).replaceWithVoid();
    }

    public Uni<Void> setPassword(Tx c, UUID id, String hash, Instant now) {
        return c.client().preparedQuery("update account set password_hash = $2, password_changed_at = $3, failed_attempts = 0, locked_until = null where id = $1")
                .execute(Tuple.of(id, hash, ts(now))).replaceWithVoid();
    }

    /** HR-3: whether the account's password is one the server generated (it must be replaced at the first sign-in). */
    public Uni<Void> setOneTimePassword(Tx c, UUID id, boolean oneTime) {
        return c.client().preparedQuery("update account set one_time_password = $2 where id = $1").execute(Tuple.of(id, oneTime))
                .replaceWithVoid();
    }

    public Uni<Void> openSession(Tx c, String tokenHash, UUID accountId, Instant now, Instant expires) {
        return c.client().preparedQuery("insert into account_session (token_hash, account_id, created_at, expires_at) values ($1, $2, $3, $4)")
                .execute(Tuple.of(tokenHash, accountId, ts(now), ts(expires))).replaceWithVoid();
    }

    public Uni<Void> revokeSession(Tx c, String tokenHash, Instant now) {
        return c.client().preparedQuery("update account_session set revoked_at = $2 where token_hash = $1 and revoked_at is null")
                .execute(Tuple.of(tokenHash, ts(now))).replaceWithVoid();
    }

    public Uni<Void> revokeAllSessions(Tx c, UUID accountId, Instant now) {
        return c.client().preparedQuery("update account_session set revoked_at = $2 where account_id = $1 and revoked_at is null")
                .execute(Tuple.of(accountId, ts(now))).replaceWithVoid();
    }

    /** Whether the user name is taken or the person already has an account (HR-1: one account per person). */
    public Uni<Boolean> takenBy(Tx c, String username, UUID personId) {
        return c.client().preparedQuery("select 1 from account where username = $1 or person_id = $2")
                .execute(Tuple.of(username, personId)).map(rows -> rows.size() > 0);
    }

    public Uni<LiveSession> liveSession(String tokenHash, Instant now) {
        return pool.preparedQuery("""
                select a.id, a.username, a.person_id, s.expires_at, a.one_time_password
                  from account_session s join account a on a.id = s.account_id
                 where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2 and a.active""")
                .execute(Tuple.of(tokenHash, ts(now)))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row r = it.next();
                    return new LiveSession(r.getUUID("id"), r.getString("username"), r.getUUID("person_id"), instant(r, "expires_at"),
                            r.getBoolean("one_time_password"));
                });
    }

    public Uni<Void> audit(Tx c, UUID accountId, UUID actorId, String kind, String detail, Instant now) {
        return c.client().preparedQuery("insert into account_audit (account_id, actor_id, kind, detail, at) values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(accountId, actorId, kind, detail, ts(now))).replaceWithVoid()
                .chain(() -> auditTrail == null ? Uni.createFrom().voidItem() : auditTrail.append(c, chained(accountId, actorId, kind, detail)));
    }

    /** HR-8: sign-ins (LOGIN, LOGIN_FAILED, LOCKED, LOGIN_REFUSED) and account changes as audit-log entries. */
    static org.hospital.continuity.server.audit.AuditLog.Event chained(UUID accountId, UUID actorId, String kind, String detail) {
        boolean login = kind.startsWith("LOGIN") || kind.equals("LOCKED");
        String actor = actorId != null ? actorId.toString() : login ? "anonymous" : "system";
        String actorKind = actorId != null ? "STAFF" : login ? "ANONYMOUS" : "SYSTEM";
        return new org.hospital.continuity.server.audit.AuditLog.Event(actor, actorKind, kind,
                login ? org.hospital.continuity.sync.audit.AuditCategories.LOGIN : org.hospital.continuity.sync.audit.AuditCategories.PERMISSION_CHANGE,
                kind.equals("LOGIN") || !login ? "SUCCESS" : "REFUSED", "", "account", accountId.toString(), detail);
    }
}
