package org.hospital.continuity.server.readiness.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** A row of {@code kiosk_readiness} (V0810): what a kiosk last reported about itself, one row per kiosk. */
@Entity
@Table(name = "kiosk_readiness")
public class KioskReadinessEntity {

    @Id
    @Column(name = "kiosk_id")
    public String kioskId;
    /** Server time the last report arrived. */
    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;
    @Column(name = "kiosk_clock", nullable = false)
    public Instant kioskClock;
    /** The kiosk's clock minus the server's, in milliseconds. */
    @Column(name = "drift_ms", nullable = false)
    public long driftMs;
    @Column(name = "software_version")
    public String softwareVersion;
    @Column(name = "snapshot_version")
    public Integer snapshotVersion;
    @Column(name = "snapshot_generated_at")
    public Instant snapshotGeneratedAt;
    /** The jsonb array [{pool, remaining, earliestExpiry}], as its JSON text (Hibernate Reactive binds jsonb objects only). */
    @Column(nullable = false)
    @ColumnTransformer(read = "pools::text", write = "cast(cast(? as text) as jsonb)")
    public String pools;
    @Column(name = "backlog_pending")
    public Long backlogPending;
    @Column(name = "oldest_unsent_at")
    public Instant oldestUnsentAt;
}
