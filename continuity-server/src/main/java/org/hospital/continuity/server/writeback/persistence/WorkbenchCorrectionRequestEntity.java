package org.hospital.continuity.server.writeback.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hospital.continuity.server.writeback.Workbench;

/**
 * A row of {@code workbench_correction_request} (V0750): a clerk's correction waiting for, or decided by, a second person
 * (HR-9). Only an approved one becomes a CORRECT row of {@code workbench_action}.
 */
@Entity
@Table(name = "workbench_correction_request")
public class WorkbenchCorrectionRequestEntity {

    @Id
    public UUID id;
    @Column(name = "item_id", nullable = false)
    public UUID itemId;
    @Column(nullable = false)
    public String incident;
    @Column(name = "visit_id", nullable = false)
    public UUID visitId;
    @Column(nullable = false)
    public String field;
    @Column(name = "new_value", nullable = false)
    public String newValue;
    @Column(nullable = false)
    public String why;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "requested_by_name", nullable = false)
    public String requestedByName;
    @Column(name = "requested_by_person")
    public String requestedByPerson;
    @Column(name = "requested_by_dept")
    public String requestedByDepartment;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    @Column(nullable = false)
    public String status;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_by_name")
    public String decidedByName;
    @Column(name = "decision_why")
    public String decisionWhy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "action_id")
    public UUID actionId;

    Workbench.CorrectionRequest toRecord() {
        return new Workbench.CorrectionRequest(id, itemId, incident, visitId, field, newValue, why,
                new Workbench.Person(requestedBy, requestedByName, requestedByPerson, requestedByDepartment), requestedAt,
                Workbench.CorrectionStatus.valueOf(status), decidedBy, decidedByName, decisionWhy, decidedAt, actionId);
    }
}
