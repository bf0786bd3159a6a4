package org.hospital.continuity.server.writeback.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hospital.continuity.server.writeback.Workbench;

/** A row of {@code workbench_action} (V0700): what a person did with an item, who and why (HR-8, HR-9). */
@Entity
@Table(name = "workbench_action")
public class WorkbenchActionEntity {

    @Id
    public UUID id;
    @Column(name = "item_id", nullable = false)
    public UUID itemId;
    @Column(nullable = false)
    public String action;
    @Column(nullable = false)
    public String actor;
    @Column(nullable = false)
    public String why;
    @Column(name = "his_patient_ref")
    public String hisPatientRef;
    public String field;
    @Column(name = "new_value")
    public String newValue;
    @Column(name = "acted_at", nullable = false)
    public Instant actedAt;
    /** V0750: the acting person's name; for an approved correction the approver, their name and note (HR-9). */
    @Column(name = "actor_name")
    public String actorName;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_by_name")
    public String approvedByName;
    @Column(name = "approval_why")
    public String approvalWhy;

    Workbench.ActionRow toRecord() {
        return new Workbench.ActionRow(id, itemId, action, actor, why, hisPatientRef, field, newValue, actedAt, actorName, approvedBy,
                approvedByName, approvalWhy);
    }
}
