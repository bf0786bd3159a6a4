package org.hospital.continuity.server.writeback.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code workbench_read} (V0710): who read a visit's patient data through the workbench (HR-12), never changed. */
@Entity
@Table(name = "workbench_read")
public class WorkbenchReadEntity {

    @Id
    public UUID id;
    @Column(name = "item_id", nullable = false)
    public UUID itemId;
    @Column(name = "visit_id", nullable = false)
    public UUID visitId;
    @Column(nullable = false)
    public String reader;
    @Column(name = "read_at", nullable = false)
    public Instant readAt;
}
