package org.hospital.continuity.server.integrity.persistence;

import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.Tx;
import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.integrity.domain.Catalogue;
import org.hospital.continuity.server.integrity.domain.ReferenceItem;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

/** Snapshots of the guarded dictionaries and their entries. */
@ApplicationScoped
public class SnapshotStore implements SchemaScripts {

    public record Snapshot(UUID id, Catalogue catalogue, String status, int itemCount, String contentHash, Instant importedAt,
                           UUID importedBy, int deleted, int added, int changed, String verdict, String alarmId, Instant decidedAt) {
    }

    private final Pool pool;

    public SnapshotStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0330__reference_snapshot.sql");
        // V0355 (approvals, and the snapshot's source) is listed by ApprovalStore
    }

    public Db pool() {
        return new Db(pool);
    }

    private static final String SELECT = """
            select id, catalogue, status, item_count, content_hash, imported_at, imported_by, deleted_count, added_count, changed_count,
                   verdict, alarm_id, decided_at from reference_snapshot""";

    private static Snapshot snapshot(Row r) {
        return new Snapshot(r.getUUID("id"), Catalogue.valueOf(r.getString("catalogue")), r.getString("status"), r.getInteger("item_count"),
                r.getString("content_hash"), instant(r, "imported_at"), r.getUUID("imported_by"), r.getInteger("deleted_count"),
                r.getInteger("added_count"), r.getInteger("changed_count"), r.getString("verdict"), r.getString("alarm_id"),
                instant(r, "decided_at"));
    }

    public Uni<Snapshot> current(Tx c, Catalogue catalogue) {
        return c.client().preparedQuery(SELECT + " where catalogue = $1 and status = 'CURRENT'").execute(Tuple.of(catalogue.name()))
                .map(rows -> rows.size() == 0 ? null : snapshot(rows.iterator().next()));
    }

    /** The CURRENT snapshot of each catalogue, by catalogue name. */
    public Uni<List<Snapshot>> currentAll(Tx c) {
        return c.client().query(SELECT + " where status = 'CURRENT' order by catalogue").execute().map(rows -> {
            List<Snapshot> out = new ArrayList<>();
            rows.forEach(r -> out.add(snapshot(r)));
            return out;
        });
    }

    public Uni<Snapshot> byId(Tx c, UUID id) {
        return c.client().preparedQuery(SELECT + " where id = $1").execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : snapshot(rows.iterator().next()));
    }

    public Uni<List<Snapshot>> history(Tx c, Catalogue catalogue, int limit) {
        return c.client().preparedQuery(SELECT + " where catalogue = $1 order by imported_at desc limit $2").execute(Tuple.of(catalogue.name(), limit))
                .map(rows -> {
                    List<Snapshot> out = new ArrayList<>();
                    rows.forEach(r -> out.add(snapshot(r)));
                    return out;
                });
    }

    public Uni<List<ReferenceItem>> items(Tx c, UUID snapshot) {
        return c.client().preparedQuery("select code, name, specification, unit, price_fen, insurance_class, category from reference_item where snapshot_id = $1 order by code")
                .execute(Tuple.of(snapshot)).map(rows -> {
                    List<ReferenceItem> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new ReferenceItem(r.getString("code"), r.getString("name"), r.getString("specification"),
                            r.getString("unit"), r.getLong("price_fen"), r.getString("insurance_class"), r.getString("category"))));
                    return out;
                });
    }

    public Uni<Void> insert(Tx c, Snapshot s, List<ReferenceItem> items) {
        Uni<Void> head = c.client().preparedQuery("""
                insert into reference_snapshot (id, catalogue, status, item_count, content_hash, imported_at, imported_by, deleted_count,
                                                added_count, changed_count, verdict, alarm_id)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""")
                .execute(Tuple.from(Arrays.asList(s.id(), s.catalogue().name(), s.status(), s.itemCount(), s.contentHash(), ts(s.importedAt()),
                        s.importedBy(), s.deleted(), s.added(), s.changed(), s.verdict(), s.alarmId())))
                .replaceWithVoid();
        for (int from = 0; from < items.size(); from += 1000) {
            List<Tuple> batch = items.subList(from, Math.min(items.size(), from + 1000)).stream()
                    .map(i -> Tuple.from(Arrays.asList(s.id(), i.code(), i.name(), i.specification(), i.unit(), i.priceFen(),
                            i.insuranceClass(), i.category())))
                    .toList();
            head = head.chain(() -> c.client().preparedQuery("""
                    insert into reference_item (snapshot_id, code, name, specification, unit, price_fen, insurance_class, category)
                    values ($1, $2, $3, $4, $5, $6, $7, $8)""").executeBatch(batch).replaceWithVoid());
        }
        return head;
    }

    public Uni<Void> setStatus(Tx c, UUID id, String status, Instant at, UUID by) {
        return c.client().preparedQuery("update reference_snapshot set status = $2, decided_at = $3, decided_by = $4 where id = $1")
                .execute(Tuple.of(id, status, ts(at), by)).replaceWithVoid();
    }

    public Uni<Void> supersedeCurrent(Tx c, Catalogue catalogue) {
        return c.client().preparedQuery("update reference_snapshot set status = 'SUPERSEDED' where catalogue = $1 and status = 'CURRENT'")
                .execute(Tuple.of(catalogue.name())).replaceWithVoid();
    }

    /** The snapshot came from the HIS reference feed, not an import. */
    public Uni<Void> markFromHis(Tx c, UUID id) {
        return c.client().preparedQuery("update reference_snapshot set source = 'HIS' where id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    /** The latest held or rejected snapshot of the HIS feed with this content, or null. */
    public Uni<Snapshot> undecidedOrRejected(Tx c, Catalogue catalogue, String contentHash) {
        return c.client().preparedQuery(SELECT + " where catalogue = $1 and content_hash = $2 and source = 'HIS' and status in ('HELD', 'REJECTED')"
                        + " order by imported_at desc limit 1").execute(Tuple.of(catalogue.name(), contentHash))
                .map(rows -> rows.size() == 0 ? null : snapshot(rows.iterator().next()));
    }

    /** The latest held snapshot of the HIS feed, or null. */
    public Uni<Snapshot> latestHeldFromHis(Tx c, Catalogue catalogue) {
        return c.client().preparedQuery(SELECT + " where catalogue = $1 and source = 'HIS' and status = 'HELD' order by imported_at desc limit 1")
                .execute(Tuple.of(catalogue.name())).map(rows -> rows.size() == 0 ? null : snapshot(rows.iterator().next()));
    }
}
