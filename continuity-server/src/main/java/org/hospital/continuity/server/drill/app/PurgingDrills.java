package org.hospital.continuity.server.drill.app;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.drill.persistence.DrillRows;
import org.hospital.continuity.server.platform.persistence.Purges;
import org.hospital.continuity.server.incident.DrillIncidentPurge;
import org.hospital.continuity.server.platform.api.DomainRejection;

/**
 * HR-21, EP-9.4: after its report, a drill's incident data can be purged so that it never mixes with real incidents:
 * every feature that keeps rows of the incident removes its own ({@link DrillIncidentPurge}: notifications, write-back
 * and workbench, the board's notes, then the incident with its instructions, modes, signals and timeline), all in one
 * transaction; the purge is recorded ({@code drill_purge}: who, why, rows per table and an MD5 digest of the removed
 * rows) and the stored report stays. Kept on purpose: the engine journal (the engine's state is its fold) and the kiosks'
 * synced journal entries (a kiosk's record, HR-9), which real incidents never count because a drill's capture window is
 * its own.
 */
@ApplicationScoped
public class PurgingDrills {

    public record Purge(UUID id, UUID drill, UUID incident, Instant at, String by, String reason, JsonObject counts, String digest) {
    }

    private final DrillRows rows;
    private final DrillClock clock;
    private final List<DrillIncidentPurge> parts;

    public PurgingDrills(DrillRows rows, DrillClock clock, Instance<DrillIncidentPurge> parts) {
        this.rows = rows;
        this.clock = clock;
        this.parts = parts.stream().sorted(Comparator.comparingInt(DrillIncidentPurge::order)).toList();
    }

    public Uni<Purge> purge(UUID drill, String by, String reason) {
        return rows.db().withTransaction(c -> rows.byIdForUpdate(c, drill).chain(d -> {
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
            Uni<Void> chain = rows.allowPurge(c);
            if (d.incidentId() != null) {
                for (DrillIncidentPurge part : parts) {
                    chain = chain.chain(() -> part.purge(c, d.incidentId()).invoke(removed -> removed.forEach(r -> {
                        counts.put(r.table(), r.rows());
                        digests.append(r.table()).append(':').append(r.digest()).append('\n');
                    }))).replaceWithVoid();
                }
            }
            // HR-21: the training entries kiosks captured in the drill go too (kiosks purge their copy on the readiness answer)
            chain = chain.chain(() -> Purges.delete(c, "drill_training_entry", "drill_id = $1", drill).invoke(removed -> {
                counts.put("drill_training_entry", removed.rows());
                digests.append("drill_training_entry:").append(removed.digest()).append('\n');
            })).replaceWithVoid();
            UUID id = UUID.randomUUID();
            return chain.chain(() -> {
                String digest = md5(digests.toString());
                return rows.recordPurge(c, id, drill, d.incidentId(), now, by, reason, counts, digest)
                        .map(x -> new Purge(id, drill, d.incidentId(), now, by, reason, counts, digest));
            });
        })).invoke(p -> Log.infof("drill %s purged by %s: %s digest=%s", drill, by, p.counts().encode(), p.digest()));
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
