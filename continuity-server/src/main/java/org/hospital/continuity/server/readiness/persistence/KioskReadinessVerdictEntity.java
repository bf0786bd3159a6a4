package org.hospital.continuity.server.readiness.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** A row of {@code kiosk_readiness_verdict} (V0810): the last verdict per kiosk; a turn to not ready notifies IT once. */
@Entity
@Table(name = "kiosk_readiness_verdict")
public class KioskReadinessVerdictEntity {

    @Id
    @Column(name = "kiosk_id")
    public String kioskId;
    @Column(nullable = false)
    public boolean ready;
    /** The jsonb array [{code, zh, en}], as its JSON text. */
    @Column(nullable = false)
    @ColumnTransformer(read = "problems::text", write = "cast(cast(? as text) as jsonb)")
    public String problems;
    @Column(name = "assessed_at", nullable = false)
    public Instant assessedAt;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
