package org.hospital.continuity.server.writeback.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code workbench_item} (V0700): why a visit is on the workbench, the record as captured and the candidates
 * (JSON text). Raised by the write-back run ({@link PgWriteBackLedger}, on the SQL client); resolved here by people.
 */
@Entity
@Table(name = "workbench_item")
public class WorkbenchItemEntity {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String incident;
    @Column(name = "visit_id", nullable = false)
    public UUID visitId;
    @Column(name = "kiosk_id")
    public String kioskId;
    @Column(name = "department_code")
    public String departmentCode;
    @Column(nullable = false)
    public String reason;
    public String detail;
    @Column(nullable = false)
    public String captured;
    @Column(nullable = false)
    public String candidates;
    @Column(nullable = false)
    public boolean blocking;
    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
