package org.hospital.continuity.server.account.persistence;

import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.Tx;
import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.platform.security.StaffRole;

/** Accounts, sessions and the account audit log, in plain SQL (sessions are looked up on every request). */
@ApplicationScoped
public class AccountStore {

    /** An account with what sign-in and authorisation need. */
    public record AccountRow(UUID id, String username, UUID personId, String personName, String departmentCode,
                             Set<StaffRole> roles, String passwordHash, boolean active, int failedAttempts,
                             Instant lockedUntil, Instant createdAt) {
    }

    /** A live session's account. */
    public record SessionAccount(UUID accountId, String username, UUID personId, String personName,
                                 String departmentCode, Set<StaffRole> roles, Instant expiresAt) {
    }

    private static final String SELECT = """
            select a.id, a.username, a.person_id, p.name, p.department_code, p.roles, a.password_hash, a.active,
                   a.failed_attempts, a.locked_until, a.created_at
              from account a join person p on p.id = a.person_id""";

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

    public static Set<StaffRole> roles(String csv) {
        return StaffRole.fromCsv(csv);
    }

    private static AccountRow row(Row r) {
        return new AccountRow(r.getUUID("id"), r.getString("username"), r.getUUID("person_id"), r.getString("name"),
                r.getString("department_code"), roles(r.getString("roles")), r.getString("password_hash"),
                r.getBoolean("active"), r.getInteger("failed_attempts"), instant(r, "locked_until"), instant(r, "created_at"));
    }

    private static AccountRow first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? row(it.next()) : null;
    }

    public Uni<AccountRow> byUsername(Tx c, String username) {
        return c.client().preparedQuery(SELECT + " where a.username = $1").execute(Tuple.of(username)).map(AccountStore::first);
    }

    public Uni<AccountRow> byUsernameForUpdate(Tx c, String username) {
        return c.client().preparedQuery(SELECT + " where a.username = $1 for update of a").execute(Tuple.of(username)).map(AccountStore::first);
    }

    public Uni<AccountRow> byId(Tx c, UUID id) {
        return c.client().preparedQuery(SELECT + " where a.id = $1").execute(Tuple.of(id)).map(AccountStore::first);
    }

    public Uni<List<AccountRow>> all(Tx c) {
        return c.client().query(SELECT + " order by a.username").execute().map(rows -> {
            List<AccountRow> out = new ArrayList<>();
            rows.forEach(r -> out.add(row(r)));
            return out;
        });
    }

    public Uni<Boolean> anyAdministrator(Tx c) {
        return c.client().query("select 1 from account a join person p on p.id = a.person_id where a.active and p.roles like '%IT_ADMIN%' limit 1")
                .execute().map(rows -> rows.size() > 0);
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

    /** The account of a live session: not revoked, not expired, account and person active. */
    /** Whether the user name is taken or the person already has an account (HR-1: one account per person). */
    public Uni<Boolean> takenBy(Tx c, String username, UUID personId) {
        return c.client().preparedQuery("select 1 from account where username = $1 or person_id = $2")
                .execute(Tuple.of(username, personId)).map(rows -> rows.size() > 0);
    }

    public Uni<SessionAccount> liveSession(String tokenHash, Instant now) {
        return pool.preparedQuery("""
                select a.id, a.username, a.person_id, p.name, p.department_code, p.roles, s.expires_at
                  from account_session s join account a on a.id = s.account_id join person p on p.id = a.person_id
                 where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2 and a.active and p.active""")
                .execute(Tuple.of(tokenHash, ts(now)))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row r = it.next();
                    return new SessionAccount(r.getUUID("id"), r.getString("username"), r.getUUID("person_id"),
                            r.getString("name"), r.getString("department_code"), roles(r.getString("roles")), instant(r, "expires_at"));
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
