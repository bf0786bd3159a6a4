package org.hospital.continuity.server.drill.persistence;

import org.hospital.continuity.server.drill.app.DrillClock;
import org.hospital.continuity.server.platform.persistence.Tx;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.drill.persistence.DrillStore;
import org.hospital.continuity.server.platform.api.DomainRejection;

/**
 * HR-21, EP-9.4: after its report, a drill's incident data can be purged so that it never mixes with real
 * incidents: the incident, its timeline and signals, its instructions and acknowledgements, the department
 * modes they set, its notifications, the board's notes and the drill's write-back and workbench rows. One
 * transaction; the purge is recorded ({@code drill_purge}: who, why, rows per table and an MD5 digest of the
 * removed rows) and the stored report stays. Kept on purpose: the engine journal (the engine's state is its
 * fold) and the kiosks' synced journal entries (a kiosk's record, HR-9), which real incidents never count
 * because a drill's capture window is its own.
 */
@ApplicationScoped
public class PurgingDrills {

    /** Table, and the condition naming the drill incident's rows ($1 = incident id, $2 = the same as text). */
    private static final List<String[]> TABLES = List.of(
            new String[]{"notification_group_post", "incident_id = $1"},
            new String[]{"notification_delivery_event", "delivery_id in (select d.id from notification_delivery d join notification n on n.id = d.notification_id where n.incident_id = $1)"},
            new String[]{"notification_delivery", "notification_id in (select id from notification where incident_id = $1)"},
            new String[]{"notification", "incident_id = $1"},
            new String[]{"department_mode", "instruction_id in (select id from instruction where incident_id = $1)"},
            new String[]{"department_mode_change", "instruction_id in (select id from instruction where incident_id = $1)"},
            new String[]{"instruction_ack", "instruction_id in (select id from instruction where incident_id = $1)"},
            new String[]{"instruction", "incident_id = $1"},
            new String[]{"writeback_decision", "visit_id in (select visit_id from writeback_visit where incident = $2) or action_id in (select a.id from workbench_action a join workbench_item w on w.id = a.item_id where w.incident = $2)"},
            new String[]{"workbench_action", "item_id in (select id from workbench_item where incident = $2)"},
            new String[]{"workbench_item", "incident = $2"},
            new String[]{"writeback_visit", "incident = $2"},
            new String[]{"writeback_pause", "incident = $2"},
            new String[]{"board_status_report", "incident_id = $1"},
            new String[]{"board_team_assignment", "incident_id = $1"},
            new String[]{"board_fault_report", "incident_id = $1"},
            new String[]{"incident_signal", "incident_id = $1"},
            new String[]{"incident_event", "incident_id = $1"},
            new String[]{"incident", "id = $1"});

    public record Purge(UUID id, UUID drill, UUID incident, Instant at, String by, String reason, JsonObject counts, String digest) {
    }

    private final DrillStore store;
    private final DrillClock clock;

    public PurgingDrills(DrillStore store, DrillClock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Uni<Purge> purge(UUID drill, String by, String reason) {
        return store.pool().pool().withTransaction(c -> store.byId(Tx.of(c), drill).chain(d -> {
            if (d == null) {
                throw DomainRejection.notFound("Drill " + drill);
            }
            if (d.running()) {
                throw DomainRejection.conflict("drill-running", "EP-9.4", "A running drill cannot be purged; stop it first.");
            }
            if (d.report() == null) {
                throw DomainRejection.conflict("report-first", "EP-9.4", "Write the drill report before purging its data.");
            }
            if (d.purgedAt() != null) {
                throw DomainRejection.conflict("already-purged", "EP-9.4", "The drill's data was purged already.");
            }
            Instant now = clock.realNow();
            JsonObject counts = new JsonObject();
            StringBuilder digests = new StringBuilder();
            Uni<Void> chain = c.query("set local continuity.drill_purge = 'on'").execute().replaceWithVoid();
            if (d.incidentId() != null) {
                // Notifications of the drill may still be written while it is purged: a notice raised on the drill's
                // last events (a new notification with its deliveries and events, in one transaction), an escalation
                // adding deliveries, the worker recording a send. Each such write must wait for this purge instead of
                // slipping in between two deletes and breaking a foreign key: no new notification while the purge
                // runs (a short table lock; purges are rare), then the drill's notifications and deliveries locked.
                chain = chain.chain(() -> c.query("lock table notification in share row exclusive mode").execute())
                        .chain(() -> c.preparedQuery("select id from notification where incident_id = $1 order by id for update")
                                .execute(Tuple.of(d.incidentId())))
                        .chain(() -> c.preparedQuery("select d.id from notification_delivery d join notification n on n.id = d.notification_id"
                                + " where n.incident_id = $1 order by d.id for update of d").execute(Tuple.of(d.incidentId())))
                        .replaceWithVoid();
                for (String[] t : TABLES) {
                    chain = chain.chain(() -> deleteFrom(c, t[0], t[1], d.incidentId()).invoke(r -> {
                        counts.put(t[0], r[0]);
                        digests.append(t[0]).append(':').append(r[1]).append('\n');
                    })).replaceWithVoid();
                }
            }
            UUID id = UUID.randomUUID();
            return chain.chain(() -> {
                String digest = md5(digests.toString());
                return c.preparedQuery("insert into drill_purge (id, drill_id, incident_id, purged_at, purged_by, reason, counts, digest)"
                                + " values ($1, $2, $3, $4, $5, $6, $7, $8)")
                        .execute(Tuple.from(java.util.Arrays.asList(id, drill, d.incidentId(), ts(now), by, reason, counts, digest)))
                        .chain(() -> c.preparedQuery("update drill set purged_at = $2 where id = $1").execute(Tuple.of(drill, ts(now))))
                        .map(x -> new Purge(id, drill, d.incidentId(), now, by, reason, counts, digest));
            });
        })).invoke(p -> Log.infof("drill %s purged by %s: %s digest=%s", drill, by, p.counts().encode(), p.digest()));
    }

    /** Deletes the rows, returning {count, md5 of the removed rows' JSON in a stable order}. */
    private static Uni<Object[]> deleteFrom(io.vertx.mutiny.sqlclient.SqlClient c, String table, String where, UUID incident) {
        String sql = "with gone as (delete from " + table + " t where " + where + " returning t.*) "
                + "select count(*) as n, coalesce(md5(string_agg(row_to_json(gone)::text, '|' order by row_to_json(gone)::text)), '') as digest from gone";
        return c.query("select to_regclass('" + table + "') is not null as present").execute().chain(rows -> {
            if (!rows.iterator().next().getBoolean("present")) {
                return Uni.createFrom().item(new Object[]{0L, ""});
            }
            // a statement names only the parameters it uses: the incident as uuid ($1) and/or as text ($2)
            boolean asUuid = sql.contains("$1");
            boolean asText = sql.contains("$2");
            Tuple args = asUuid && asText ? Tuple.of(incident, incident.toString()) : asUuid ? Tuple.of(incident)
                    : Tuple.of(incident.toString());
            String stmt = asUuid || !asText ? sql : sql.replace("$2", "$1");
            return c.preparedQuery(stmt).execute(args)
                    .map(r -> new Object[]{r.iterator().next().getLong("n"), r.iterator().next().getString("digest")});
        });
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
