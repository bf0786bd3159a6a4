package org.hospital.continuity.server.writeback.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row of {@code writeback_decision} (V0700): the HIS patient a person chose for a visit ('' = create a new one). */
@Entity
@Table(name = "writeback_decision")
public class WritebackDecisionEntity {

    @Id
    @Column(name = "visit_id")
    public UUID visitId;
    @Column(name = "his_patient_ref", nullable = false)
    public String hisPatientRef;
    @Column(name = "action_id", nullable = false)
    public UUID actionId;
}
