package org.hospital.continuity.server.probe.persistence;

import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.Tx;
import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.server.probe.domain.Probe;
import org.hospital.continuity.server.probe.domain.ProbeKind;

/**
 * The probe rounds on the reactive SQL client: the leases that keep two instances from running one probe at once
 * ({@code for update skip locked}, an update returning the claimed rows) and the results recorded under them. The
 * probes' configuration is Hibernate Reactive ({@link ProbeRepository}).
 */
@ApplicationScoped
public class ProbeLeases {

    private final Pool pool;

    public ProbeLeases(Pool pool) {
        this.pool = pool;
    }

    public Db pool() {
        return new Db(pool);
    }

    private static final String SELECT = """
            select id, name, kind, target, component, series, interval_ms, timeout_ms, enabled, last_status, last_detail,
                   last_run_at, last_change_at, next_run_at from probe""";

    private static Probe probe(Row r) {
        String last = r.getString("last_status");
        return new Probe(r.getUUID("id"), r.getString("name"), ProbeKind.valueOf(r.getString("kind")), r.getString("target"),
                Component.valueOf(r.getString("component")), r.getString("series"), Duration.ofMillis(r.getInteger("interval_ms")),
                Duration.ofMillis(r.getInteger("timeout_ms")), r.getBoolean("enabled"),
                last == null ? Optional.empty() : Optional.of(ProbeStatus.valueOf(last)), r.getString("last_detail"),
                instant(r, "last_run_at"), instant(r, "last_change_at"), instant(r, "next_run_at"));
    }

    private static List<Probe> probes(Iterable<Row> rows) {
        List<Probe> out = new ArrayList<>();
        rows.forEach(r -> out.add(probe(r)));
        return out;
    }

    /**
     * Claims up to {@code limit} due probes for this instance: a lease until {@code leaseUntil}. Rows another
     * instance is claiming right now are skipped ({@code for update skip locked}); an expired lease (its
     * instance died mid-round) is claimed again.
     */
    public Uni<List<Probe>> claimDue(String owner, Instant now, Instant leaseUntil, int limit) {
        return pool.preparedQuery("""
                update probe set lease_owner = $1, lease_until = $2
                 where id in (select id from probe where enabled and next_run_at <= $3 and (lease_until is null or lease_until < $3)
                              order by next_run_at for update skip locked limit $4)
                returning id, name, kind, target, component, series, interval_ms, timeout_ms, enabled, last_status, last_detail,
                          last_run_at, last_change_at, next_run_at""")
                .execute(Tuple.of(owner, ts(leaseUntil), ts(now), limit)).map(ProbeLeases::probes);
    }

    /** Claims one probe now regardless of its schedule (a manual run); null when another instance holds it. */
    public Uni<Probe> claimNow(UUID id, String owner, Instant now, Instant leaseUntil) {
        return pool.preparedQuery("""
                update probe set lease_owner = $2, lease_until = $3 where id = $1 and (lease_until is null or lease_until < $4)
                returning id, name, kind, target, component, series, interval_ms, timeout_ms, enabled, last_status, last_detail,
                          last_run_at, last_change_at, next_run_at""")
                .execute(Tuple.of(id, owner, ts(leaseUntil), ts(now))).map(rows -> rows.size() == 0 ? null : probe(rows.iterator().next()));
    }

    /**
     * Records a result under the lease and releases it; returns the status seen before, or null when the lease
     * was lost (another instance took over: its result counts, this one is dropped).
     */
    public Uni<Optional<Optional<ProbeStatus>>> complete(Tx c, UUID id, String owner, ProbeStatus status, String detail,
                                                         Instant now, Instant next) {
        return c.client().preparedQuery("select last_status from probe where id = $1 and lease_owner = $2 for update").execute(Tuple.of(id, owner))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<Optional<ProbeStatus>>empty());
                    }
                    String last = rows.iterator().next().getString("last_status");
                    Optional<ProbeStatus> before = last == null ? Optional.empty() : Optional.of(ProbeStatus.valueOf(last));
                    boolean changed = before.map(b -> b != status).orElse(true);
                    return c.client().preparedQuery("""
                            update probe set last_status = $2, last_detail = $3, last_run_at = $4, next_run_at = $5,
                                   last_change_at = case when $6 then $4 else last_change_at end, lease_owner = null, lease_until = null
                             where id = $1""")
                            .execute(Tuple.from(Arrays.asList(id, status.name(), detail, ts(now), ts(next), changed)))
                            .replaceWith(Optional.of(before));
                });
    }
}
