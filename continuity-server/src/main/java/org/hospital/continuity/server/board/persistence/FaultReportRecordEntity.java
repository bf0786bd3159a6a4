package org.hospital.continuity.server.board.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hospital.continuity.server.board.domain.FaultReportRecord;

/** A row of {@code board_fault_report} (V0650): IT's part of the fault report, one per incident, fixed once submitted. */
@Entity
@Table(name = "board_fault_report")
public class FaultReportRecordEntity {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;
    @Column(name = "root_cause", nullable = false)
    public String rootCause;
    @Column(name = "preventive_measures", nullable = false)
    public String preventiveMeasures;
    @Column(name = "follow_ups", nullable = false)
    public String followUps;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "written_by")
    public String writtenBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;

    void copy(FaultReportRecord f) {
        incidentId = f.incidentId();
        rootCause = f.rootCause();
        preventiveMeasures = f.preventiveMeasures();
        followUps = f.followUps();
        reviewedAt = f.reviewedAt();
        writtenBy = f.writtenBy();
        updatedAt = f.updatedAt();
        submittedAt = f.submittedAt();
    }

    FaultReportRecord toRecord() {
        return new FaultReportRecord(incidentId, rootCause, preventiveMeasures, followUps, reviewedAt, writtenBy, updatedAt, submittedAt);
    }
}
