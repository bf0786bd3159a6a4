package org.hospital.continuity.server.allergy.persistence;

import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.Tx;
import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.allergy.domain.AllergyCsv;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

/**
 * Allergy imports and their entries (V0340), append-only: the current allergies of a patient are
 * the entries of the latest import listing that patient.
 */
@ApplicationScoped
public class AllergyStore implements SchemaScripts {

    /** A patient's current allergy statement: the entries (none with severity NONE = no known allergy) and when recorded. */
    public record Current(List<AllergyCsv.Entry> entries, Instant recordedAt) {
    }

    private final Pool pool;

    public AllergyStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0340__ward_allergy.sql");
    }

    public Db pool() {
        return new Db(pool);
    }

    public Uni<Long> importCount() {
        return pool.query("select count(*) from allergy_import").execute().map(r -> r.iterator().next().getLong(0));
    }

    public Uni<Void> record(Tx c, UUID id, String source, String by, Instant at, AllergyCsv.Parsed parsed) {
        return c.client().preparedQuery("insert into allergy_import(id, source, imported_at, imported_by, patient_count, entry_count) "
                        + "values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.from(Arrays.asList(id, source, ts(at), by, parsed.patients().size(), parsed.entries().size())))
                .chain(() -> c.client().preparedQuery("insert into allergy_entry(import_id, line_no, patient_id, allergen_code, allergen, reaction, "
                        + "severity) values ($1, $2, $3, $4, $5, $6, $7)").executeBatch(parsed.entries().stream()
                        .map(e -> Tuple.from(Arrays.asList(id, e.line(), e.patientId(), e.allergenCode(), e.allergen(), e.reaction(),
                                e.severity().name()))).toList()))
                .replaceWithVoid();
    }

    /** Every patient's current statement, by patient id. */
    public Uni<Map<String, Current>> current(Tx c) {
        return c.client().query("""
                with latest as (
                  select distinct on (e.patient_id) e.patient_id, i.id as import_id, i.imported_at
                    from allergy_entry e join allergy_import i on i.id = e.import_id
                   order by e.patient_id, i.seq desc)
                select e.*, l.imported_at from allergy_entry e join latest l on l.patient_id = e.patient_id and l.import_id = e.import_id
                 order by e.patient_id, e.line_no""").execute().map(rows -> {
            Map<String, List<AllergyCsv.Entry>> entries = new LinkedHashMap<>();
            Map<String, Instant> at = new LinkedHashMap<>();
            rows.forEach(r -> {
                String patient = r.getString("patient_id");
                at.put(patient, instant(r, "imported_at"));
                entries.computeIfAbsent(patient, k -> new ArrayList<>()).add(new AllergyCsv.Entry(r.getInteger("line_no"), patient,
                        r.getString("allergen_code"), r.getString("allergen"), r.getString("reaction"),
                        AllergyCsv.Severity.valueOf(r.getString("severity"))));
            });
            Map<String, Current> out = new LinkedHashMap<>();
            entries.forEach((p, list) -> out.put(p, new Current(List.copyOf(list), at.get(p))));
            return out;
        });
    }
}
