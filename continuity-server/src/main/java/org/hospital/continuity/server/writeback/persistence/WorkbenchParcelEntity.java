package org.hospital.continuity.server.writeback.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hospital.continuity.server.writeback.Workbench;

/** A row of {@code workbench_parcel} (V0710): a parcel of the queue given to a person (EP-8.5); a re-assignment is a newer row. */
@Entity
@Table(name = "workbench_parcel")
public class WorkbenchParcelEntity {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String incident;
    @Column(name = "split_by", nullable = false)
    public String splitBy;
    @Column(nullable = false)
    public String area;
    @Column(nullable = false)
    public String owner;
    @Column(name = "assigned_by", nullable = false)
    public String assignedBy;
    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    Workbench.Assignment toRecord() {
        return new Workbench.Assignment(area, owner, assignedBy, assignedAt);
    }
}
