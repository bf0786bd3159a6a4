package org.hospital.continuity.server.writeback.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code workbench_trace_read} (V0720): who read an incident's traces (TRACES) or searched the HIS for an item
 * (HIS_SEARCH), HR-12; never changed.
 */
@Entity
@Table(name = "workbench_trace_read")
public class WorkbenchTraceReadEntity {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String incident;
    @Column(nullable = false)
    public String what;
    @Column(name = "item_id")
    public UUID itemId;
    @Column(nullable = false)
    public String reader;
    @Column(name = "read_at", nullable = false)
    public Instant readAt;
}
