package org.hospital.continuity.server.reconciliation.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code workbench_trace_closure} (V0740): a trace a person closed, with why (HR-8); never changed. */
@Entity
@Table(name = "workbench_trace_closure")
public class TraceClosureEntity {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String incident;
    @Column(name = "trace_key", nullable = false)
    public String traceKey;
    @Column(nullable = false)
    public String actor;
    @Column(nullable = false)
    public String why;
    @Column(name = "closed_at", nullable = false)
    public Instant closedAt;
}
