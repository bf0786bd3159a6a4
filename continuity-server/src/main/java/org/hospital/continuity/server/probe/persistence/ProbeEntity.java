package org.hospital.continuity.server.probe.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.server.probe.domain.Probe;
import org.hospital.continuity.server.probe.domain.ProbeKind;

/**
 * A row of {@code probe} (V0320). The configuration (name, target, schedule, enabled) is written here; the lease and
 * the last result are written only by {@link ProbeLeases} on the SQL client ({@code for update skip locked}), so they
 * are read-only in this mapping and an update of the configuration never overwrites a round in flight.
 */
@Entity
@Table(name = "probe")
public class ProbeEntity {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProbeKind kind;
    @Column(nullable = false)
    public String target;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Component component;
    @Column(nullable = false)
    public String series;
    @Column(name = "interval_ms", nullable = false)
    public int intervalMs;
    @Column(name = "timeout_ms", nullable = false)
    public int timeoutMs;
    @Column(nullable = false)
    public boolean enabled;
    @Column(name = "next_run_at", nullable = false)
    public Instant nextRunAt;
    @Column(name = "lease_owner", insertable = false, updatable = false)
    public String leaseOwner;
    @Column(name = "lease_until", insertable = false, updatable = false)
    public Instant leaseUntil;
    @Enumerated(EnumType.STRING)
    @Column(name = "last_status", insertable = false, updatable = false)
    public ProbeStatus lastStatus;
    @Column(name = "last_detail", insertable = false, updatable = false)
    public String lastDetail;
    @Column(name = "last_run_at", insertable = false, updatable = false)
    public Instant lastRunAt;
    @Column(name = "last_change_at", insertable = false, updatable = false)
    public Instant lastChangeAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    Probe toRecord() {
        return new Probe(id, name, kind, target, component, series, Duration.ofMillis(intervalMs), Duration.ofMillis(timeoutMs), enabled,
                Optional.ofNullable(lastStatus), lastDetail, lastRunAt, lastChangeAt, nextRunAt);
    }
}
