package org.hospital.continuity.server.integrity.persistence;

import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.integrity.domain.Catalogue;
import org.hospital.continuity.server.integrity.domain.CatalogueChanges;
import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;
import org.hospital.continuity.server.platform.persistence.Tx;

/** EP-4.1, HR-10: the approved changes of the guarded dictionaries (append-only: an approval is entered, never edited). */
@ApplicationScoped
public class ApprovalStore implements SchemaScripts {

    /** A stored approval. */
    public record Stored(UUID id, Catalogue catalogue, String code, CatalogueChanges.Kind kind, Long priceFen, String reason,
                         Instant approvedAt, Instant validUntil, UUID enteredBy, Instant enteredAt) {

        public CatalogueChanges.Approval approval() {
            return new CatalogueChanges.Approval(code, kind, priceFen, approvedAt, validUntil);
        }
    }

    private final Pool pool;

    public ApprovalStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0355__catalogue_change_approval.sql");
    }

    public Db pool() {
        return new Db(pool);
    }

    public Uni<Void> insert(Tx c, List<Stored> approvals) {
        if (approvals.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = approvals.stream().map(a -> Tuple.from(Arrays.asList(a.id(), a.catalogue().name(), a.code(), a.kind().name(),
                a.priceFen(), a.reason(), ts(a.approvedAt()), ts(a.validUntil()), a.enteredBy(), ts(a.enteredAt())))).toList();
        return c.client().preparedQuery("""
                insert into catalogue_change_approval (id, catalogue, code, change_kind, price_fen, reason, approved_at, valid_until,
                                                       entered_by, entered_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""").executeBatch(batch).replaceWithVoid();
    }

    /** The approvals of a catalogue still valid at {@code at}, newest first. */
    public Uni<List<Stored>> valid(Tx c, Catalogue catalogue, Instant at) {
        return c.client().preparedQuery("""
                select * from catalogue_change_approval where catalogue = $1 and valid_until >= $2 order by entered_at desc, code""")
                .execute(Tuple.of(catalogue.name(), ts(at))).map(ApprovalStore::rows);
    }

    /** The latest approvals of a catalogue, valid or not. */
    public Uni<List<Stored>> recent(Tx c, Catalogue catalogue, int limit) {
        return c.client().preparedQuery("select * from catalogue_change_approval where catalogue = $1 order by entered_at desc, code limit $2")
                .execute(Tuple.of(catalogue.name(), limit)).map(ApprovalStore::rows);
    }

    private static List<Stored> rows(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Stored> out = new ArrayList<>();
        rows.forEach(r -> out.add(new Stored(r.getUUID("id"), Catalogue.valueOf(r.getString("catalogue")), r.getString("code"),
                CatalogueChanges.Kind.valueOf(r.getString("change_kind")), r.getLong("price_fen"), r.getString("reason"),
                instant(r, "approved_at"), instant(r, "valid_until"), r.getUUID("entered_by"), instant(r, "entered_at"))));
        return out;
    }
}
