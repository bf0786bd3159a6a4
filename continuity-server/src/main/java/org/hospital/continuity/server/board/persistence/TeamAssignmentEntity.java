package org.hospital.continuity.server.board.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hospital.continuity.server.board.domain.TeamAssignment;

/** A row of {@code board_team_assignment} (V0650): someone in an EP-8.2 team for an incident, until released. */
@Entity
@Table(name = "board_team_assignment")
public class TeamAssignmentEntity {

    @Id
    public UUID id;
    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;
    @Column(nullable = false)
    public String team;
    @Column(name = "person_name", nullable = false)
    public String personName;
    /** The directory person's id as text, when the person is in the directory. */
    @Column(name = "person_id")
    public String personId;
    @Column(nullable = false)
    public String note;
    @Column(name = "assigned_by", nullable = false)
    public String assignedBy;
    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;
    @Column(name = "released_at")
    public Instant releasedAt;
    @Column(name = "released_by")
    public String releasedBy;

    static TeamAssignmentEntity of(TeamAssignment a) {
        TeamAssignmentEntity e = new TeamAssignmentEntity();
        e.id = a.id();
        e.incidentId = a.incidentId();
        e.team = a.team();
        e.personName = a.personName();
        e.personId = a.personId();
        e.note = a.note();
        e.assignedBy = a.assignedBy();
        e.assignedAt = a.assignedAt();
        e.releasedAt = a.releasedAt();
        return e;
    }

    TeamAssignment toRecord() {
        return new TeamAssignment(id, incidentId, team, personName, personId, note, assignedBy, assignedAt, releasedAt);
    }
}
