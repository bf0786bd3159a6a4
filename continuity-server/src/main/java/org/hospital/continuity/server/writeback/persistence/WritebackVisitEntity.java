package org.hospital.continuity.server.writeback.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code writeback_visit} (V0700): a downtime visit written into the HIS. Written by the write-back run
 * ({@link PgWriteBackLedger}); the workbench only reads it.
 */
@Entity
@Table(name = "writeback_visit")
public class WritebackVisitEntity {

    @Id
    @Column(name = "visit_id")
    public UUID visitId;
    @Column(nullable = false)
    public String incident;
    @Column(name = "group_key")
    public String groupKey;
    @Column(name = "his_patient_ref")
    public String hisPatientRef;
    @Column(nullable = false)
    public int created;
    @Column(nullable = false)
    public int existing;
    @Column(nullable = false)
    public String how;
    @Column(name = "resource_refs", nullable = false)
    public String resourceRefs;
    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;
}
