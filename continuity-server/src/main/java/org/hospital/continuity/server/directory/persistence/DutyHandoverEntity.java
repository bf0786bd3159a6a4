package org.hospital.continuity.server.directory.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hospital.continuity.server.directory.domain.Handover;

/** A row of {@code duty_handover} (V0200): the end of a shift (HR-16). */
@Entity
@Table(name = "duty_handover")
public class DutyHandoverEntity {

    @Id
    public UUID id;
    @Column(name = "shift_id", nullable = false)
    public UUID shiftId;
    @Column(name = "recorded_by", nullable = false)
    public UUID recordedBy;
    @Column(name = "work_done", nullable = false)
    public String workDone;
    @Column(name = "open_problems", nullable = false)
    public String openProblems;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    Handover toRecord(String recordedByName) {
        return new Handover(id, shiftId, recordedBy, recordedByName, workDone, openProblems, recordedAt);
    }
}
