package org.hospital.continuity.server.board.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.server.board.domain.FaultReportRecord;
import org.hospital.continuity.server.board.domain.StatusReport;
import org.hospital.continuity.server.board.domain.TeamAssignment;

/** The board's own records in PostgreSQL (raw SQL, times from the caller's clock). */
@ApplicationScoped
public class BoardStore {

    private final Pool pool;

    public BoardStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> addStatusReport(StatusReport r) {
        return pool.preparedQuery("""
                        insert into board_status_report (id, incident_id, conditions, actions, needs, author, written_at)
                        values ($1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.from(Arrays.asList(r.id(), r.incidentId(), r.conditions(), r.actions(), r.needs(), r.author(),
                        ts(r.writtenAt())))).replaceWithVoid();
    }

    public Uni<List<StatusReport>> statusReports(UUID incidentId) {
        return pool.preparedQuery("select * from board_status_report where incident_id = $1 order by written_at, id")
                .execute(Tuple.of(incidentId)).map(rows -> {
                    List<StatusReport> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new StatusReport(r.getUUID("id"), r.getUUID("incident_id"), r.getString("conditions"),
                            r.getString("actions"), r.getString("needs"), r.getString("author"), instant(r, "written_at"))));
                    return out;
                });
    }

    public Uni<Void> addTeamAssignment(TeamAssignment a) {
        return pool.preparedQuery("""
                        insert into board_team_assignment (id, incident_id, team, person_name, person_id, note, assigned_by, assigned_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)""")
                .execute(Tuple.from(Arrays.asList(a.id(), a.incidentId(), a.team(), a.personName(), a.personId(), a.note(),
                        a.assignedBy(), ts(a.assignedAt())))).replaceWithVoid();
    }

    /** @return true when it was active and is now released */
    public Uni<Boolean> releaseTeamAssignment(UUID incidentId, UUID id, String by, Instant at) {
        return pool.preparedQuery("""
                        update board_team_assignment set released_at = $1, released_by = $2
                         where id = $3 and incident_id = $4 and released_at is null""")
                .execute(Tuple.of(ts(at), by, id, incidentId)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<List<TeamAssignment>> teamAssignments(UUID incidentId) {
        return pool.preparedQuery("select * from board_team_assignment where incident_id = $1 order by assigned_at, id")
                .execute(Tuple.of(incidentId)).map(rows -> {
                    List<TeamAssignment> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new TeamAssignment(r.getUUID("id"), r.getUUID("incident_id"), r.getString("team"),
                            r.getString("person_name"), r.getString("person_id"), r.getString("note"), r.getString("assigned_by"),
                            instant(r, "assigned_at"), instant(r, "released_at"))));
                    return out;
                });
    }

    public Uni<Optional<FaultReportRecord>> faultReport(UUID incidentId) {
        return pool.preparedQuery("select * from board_fault_report where incident_id = $1").execute(Tuple.of(incidentId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(faultReport(rows.iterator().next())));
    }

    /**
     * Saves IT's part; a submitted report is never overwritten (the update only touches unsubmitted rows).
     *
     * @return true when written
     */
    public Uni<Boolean> saveFaultReport(FaultReportRecord f) {
        return pool.preparedQuery("""
                        insert into board_fault_report (incident_id, root_cause, preventive_measures, follow_ups, reviewed_at,
                          written_by, updated_at, submitted_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)
                        on conflict (incident_id) do update set root_cause = excluded.root_cause,
                          preventive_measures = excluded.preventive_measures, follow_ups = excluded.follow_ups,
                          reviewed_at = excluded.reviewed_at, written_by = excluded.written_by, updated_at = excluded.updated_at,
                          submitted_at = excluded.submitted_at
                        where board_fault_report.submitted_at is null""")
                .execute(Tuple.from(Arrays.asList(f.incidentId(), f.rootCause(), f.preventiveMeasures(), f.followUps(),
                        ts(f.reviewedAt()), f.writtenBy(), ts(f.updatedAt()), ts(f.submittedAt()))))
                .map(rows -> rows.rowCount() == 1);
    }

    private static FaultReportRecord faultReport(Row r) {
        return new FaultReportRecord(r.getUUID("incident_id"), r.getString("root_cause"), r.getString("preventive_measures"),
                r.getString("follow_ups"), instant(r, "reviewed_at"), r.getString("written_by"), instant(r, "updated_at"),
                instant(r, "submitted_at"));
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    /** The people assigned to {@code team} in the incident and not released (EP-8.2), by directory person id. */
    public Uni<java.util.Set<String>> teamMembers(java.util.UUID incident, String team) {
        return pool.preparedQuery("""
                select distinct person_id from board_team_assignment
                 where incident_id = $1 and team = $2 and released_at is null and person_id is not null""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(incident, team)).map(rows -> {
                    java.util.Set<String> out = new java.util.HashSet<>();
                    rows.forEach(r -> out.add(r.getString("person_id")));
                    return out;
                });
    }
}
