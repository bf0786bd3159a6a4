package org.hospital.continuity.server.board.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hospital.continuity.server.board.domain.StatusReport;

/** A row of {@code board_status_report} (V0650): the leadership group's Conditions / Actions / Needs, never changed (HR-9). */
@Entity
@Table(name = "board_status_report")
public class StatusReportEntity {

    @Id
    public UUID id;
    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;
    @Column(nullable = false)
    public String conditions;
    @Column(nullable = false)
    public String actions;
    @Column(nullable = false)
    public String needs;
    @Column(nullable = false)
    public String author;
    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;

    static StatusReportEntity of(StatusReport r) {
        StatusReportEntity e = new StatusReportEntity();
        e.id = r.id();
        e.incidentId = r.incidentId();
        e.conditions = r.conditions();
        e.actions = r.actions();
        e.needs = r.needs();
        e.author = r.author();
        e.writtenAt = r.writtenAt();
        return e;
    }

    StatusReport toRecord() {
        return new StatusReport(id, incidentId, conditions, actions, needs, author, writtenAt);
    }
}
