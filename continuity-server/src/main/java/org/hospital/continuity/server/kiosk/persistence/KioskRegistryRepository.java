package org.hospital.continuity.server.kiosk.persistence;

import org.hospital.continuity.server.directory.People;
import org.hospital.continuity.server.kiosk.StaffVerifier;
import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.server.kiosk.KioskIdentity;
import org.hospital.continuity.server.kiosk.domain.KioskWire;
import org.hospital.continuity.server.kiosk.domain.StaffVerifiers;

/**
 * Raw SQL over the reactive pool for the kiosk registry: single-use code redemption and block
 * allocation need row locks and conditional updates that Panache does not express well.
 */
@ApplicationScoped
public class KioskRegistryRepository {

    /** A stored kiosk. */
    public record KioskRow(String id, String name, String departmentCode, String status, String credentialHash,
                           Instant createdAt, Instant enrolledAt) {
    }

    /** A block of numbers given to one kiosk. */
    public record BlockRow(UUID id, String pool, String prefix, long first, long last, Instant issuedAt, Instant expiresAt) {
    }

    private final Pool pool;
    private final People people;

    public KioskRegistryRepository(Pool pool, People people) {
        this.people = people;
        this.pool = pool;
    }

    public Db pool() {
        return new Db(pool);
    }

    public Uni<Void> insertKiosk(Tx c, String id, String name, String department, String createdBy, Instant now,
                                 String codeHash, Instant codeExpires) {
        return c.client().preparedQuery("insert into kiosk(id, name, department_code, status, created_at, created_by) values ($1, $2, $3, 'AWAITING_ENROLMENT', $4, $5)")
                .execute(Tuple.of(id, name, department, odt(now), createdBy))
                .chain(() -> c.client().preparedQuery("insert into kiosk_enrolment_code(code_hash, kiosk_id, expires_at) values ($1, $2, $3)")
                        .execute(Tuple.of(codeHash, id, odt(codeExpires))))
                .replaceWithVoid();
    }

    /** Marks a valid, unexpired, unused code redeemed and returns its kiosk id; empty for any other code. */
    public Uni<Optional<String>> redeem(Tx c, String codeHash, Instant now) {
        return c.client().preparedQuery("update kiosk_enrolment_code set redeemed_at = $2 where code_hash = $1 and redeemed_at is null "
                        + "and expires_at > $2 returning kiosk_id")
                .execute(Tuple.of(codeHash, odt(now)))
                .map(rows -> rows.size() == 0 ? Optional.<String>empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    public Uni<Void> markEnrolled(Tx c, String kioskId, String credentialHash, Instant now) {
        return c.client().preparedQuery("update kiosk set status = 'ENROLLED', credential_hash = $2, enrolled_at = $3 where id = $1 "
                        + "and status = 'AWAITING_ENROLMENT'")
                .execute(Tuple.of(kioskId, credentialHash, odt(now))).replaceWithVoid();
    }

    public Uni<Optional<KioskRow>> kiosk(String id) {
        return pool.preparedQuery("select * from kiosk where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.<KioskRow>empty() : Optional.of(kioskRow(rows.iterator().next())));
    }

    public Uni<Optional<KioskRow>> kiosk(Tx c, String id) {
        return c.client().preparedQuery("select * from kiosk where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.<KioskRow>empty() : Optional.of(kioskRow(rows.iterator().next())));
    }

    public Uni<List<KioskRow>> kiosks() {
        return pool.query("select * from kiosk order by created_at").execute().map(rows -> {
            List<KioskRow> out = new ArrayList<>();
            rows.forEach(r -> out.add(kioskRow(r)));
            return out;
        });
    }

    public Uni<Void> revoke(String kioskId) {
        return pool.preparedQuery("update kiosk set status = 'REVOKED' where id = $1").execute(Tuple.of(kioskId))
                .chain(rows -> rows.rowCount() == 0
                        // Revoking a kiosk that does not exist is an error, not a silent success
                        ? Uni.createFrom().failure(org.hospital.continuity.server.platform.api.DomainRejection.notFound("Kiosk " + kioskId))
                        : Uni.createFrom().voidItem());
    }

    /**
     * Cuts a block of {@code size} numbers from the pool's counter under its row lock: concurrent
     * allocations serialise on the row, so ranges never overlap across kiosks.
     */
    public Uni<BlockRow> allocate(Tx c, String poolName, String kioskId, int size, Instant now, Instant expires) {
        return c.client().preparedQuery("update kiosk_number_pool set next_start = next_start + $2 where pool = $1 "
                        + "returning next_start - $2 as first_no, prefix")
                .execute(Tuple.of(poolName, (long) size))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(new IllegalArgumentException("unknown pool " + poolName));
                    }
                    Row r = rows.iterator().next();
                    long first = r.getLong("first_no");
                    BlockRow block = new BlockRow(UUID.randomUUID(), poolName, r.getString("prefix"), first, first + size - 1, now, expires);
                    return c.client().preparedQuery("insert into kiosk_number_block(id, pool, kiosk_id, first_no, last_no, issued_at, expires_at) "
                                    + "values ($1, $2, $3, $4, $5, $6, $7)")
                            .execute(Tuple.from(Arrays.asList(block.id(), poolName, kioskId, block.first(), block.last(), odt(now), odt(expires))))
                            .replaceWith(block);
                });
    }

    public Uni<List<BlockRow>> blocks(String kioskId) {
        return pool.preparedQuery("select b.*, p.prefix from kiosk_number_block b join kiosk_number_pool p on p.pool = b.pool "
                        + "where b.kiosk_id = $1 order by b.issued_at")
                .execute(Tuple.of(kioskId)).map(rows -> {
                    List<BlockRow> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new BlockRow(r.getUUID("id"), r.getString("pool"), r.getString("prefix"), r.getLong("first_no"),
                            r.getLong("last_no"), r.getOffsetDateTime("issued_at").toInstant(), r.getOffsetDateTime("expires_at").toInstant())));
                    return out;
                });
    }

    public Uni<Void> upsertVerifier(StaffVerifier v, Instant now) {
        return upsertVerifier(Tx.of(pool), v, now);
    }

    /** Creates or replaces a verifier (a replaced one is no longer withdrawn), on the caller's connection. */
    public Uni<Void> upsertVerifier(Tx c, StaffVerifier v, Instant now) {
        return c.client().preparedQuery("insert into kiosk_staff_verifier(account_id, display_name, department_code, roles, algorithm, salt, "
                        + "iterations, hash, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (account_id) do update set "
                        + "display_name = excluded.display_name, department_code = excluded.department_code, roles = excluded.roles, "
                        + "algorithm = excluded.algorithm, salt = excluded.salt, iterations = excluded.iterations, hash = excluded.hash, "
                        + "updated_at = excluded.updated_at, withdrawn_at = null")
                .execute(Tuple.from(Arrays.asList(v.accountId(), v.displayName(), v.departmentCode(), String.join(",", v.roles()),
                        v.algorithm(), v.salt(), v.iterations(), v.hash(), odt(now))))
                .replaceWithVoid();
    }

    /** HR-7: withdraws (or, with {@code withdrawn=false}, restores) an account's verifier; kept for a later restore. */
    public Uni<Void> withdrawVerifier(Tx c, String accountId, boolean withdrawn, Instant now) {
        return c.client().preparedQuery("update kiosk_staff_verifier set withdrawn_at = $2, updated_at = $3 where account_id = $1")
                .execute(Tuple.of(accountId, withdrawn ? odt(now) : null, odt(now))).replaceWithVoid();
    }

    /** HR-7: removes an account's verifier for good (the account no longer holds any kiosk role). */
    public Uni<Void> deleteVerifier(Tx c, String accountId) {
        return c.client().preparedQuery("delete from kiosk_staff_verifier where account_id = $1").execute(Tuple.of(accountId)).replaceWithVoid();
    }

    /** The verifiers kiosks of a department receive: not withdrawn. */
    public Uni<List<StaffVerifier>> verifiers(String departmentCode) {
        return pool.preparedQuery("select * from kiosk_staff_verifier where department_code = $1 and withdrawn_at is null order by account_id")
                .execute(Tuple.of(departmentCode)).map(rows -> {
                    List<StaffVerifier> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new StaffVerifier(r.getString("account_id"), r.getString("display_name"),
                            r.getString("department_code"), List.of(r.getString("roles").split(",")), r.getString("algorithm"),
                            r.getString("salt"), r.getInteger("iterations"), r.getString("hash"))));
                    return out;
                });
    }

    /** The staff directory's name of a department, else the reference data's, else the code. */
    public Uni<String> departmentName(String code) {
        return people.department(code).chain(d -> d != null ? Uni.createFrom().item(d.nameZh())
                : pool.preparedQuery("select name from ref_department where code = $1").execute(Tuple.of(code))
                        .map(rows -> rows.size() == 0 ? code : rows.iterator().next().getString(0)));
    }

    public static KioskIdentity identity(KioskRow k) {
        return new KioskIdentity(k.id(), k.name(), k.departmentCode());
    }

    private static KioskRow kioskRow(Row r) {
        OffsetDateTime enrolled = r.getOffsetDateTime("enrolled_at");
        return new KioskRow(r.getString("id"), r.getString("name"), r.getString("department_code"), r.getString("status"),
                r.getString("credential_hash"), r.getOffsetDateTime("created_at").toInstant(), enrolled == null ? null : enrolled.toInstant());
    }

    static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    static RowSet<Row> none() {
        return null;
    }

    /** Every kiosk ever registered, with its department's name from the reference data. */
    public Uni<List<org.hospital.continuity.server.kiosk.Kiosks.Kiosk>> registered() {
        return pool.query("select k.id, k.name, k.department_code, d.name as department_name, k.status from kiosk k"
                + " left join ref_department d on d.code = k.department_code").execute().map(rows -> {
                    List<org.hospital.continuity.server.kiosk.Kiosks.Kiosk> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(new org.hospital.continuity.server.kiosk.Kiosks.Kiosk(r.getString("id"), r.getString("name"),
                            r.getString("department_code"), r.getString("department_name"), r.getString("status"))));
                    return out;
                });
    }

    /** Department names by code, from the reference data. */
    public Uni<java.util.Map<String, String>> departmentNames() {
        return pool.query("select code, name from ref_department").execute().map(rows -> {
            java.util.Map<String, String> out = new java.util.HashMap<>();
            rows.forEach(r -> out.put(r.getString("code"), r.getString("name")));
            return out;
        });
    }
}
