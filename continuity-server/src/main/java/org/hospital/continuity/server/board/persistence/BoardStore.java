package org.hospital.continuity.server.board.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.board.domain.FaultReportRecord;
import org.hospital.continuity.server.board.domain.StatusReport;
import org.hospital.continuity.server.board.domain.TeamAssignment;
import org.hospital.continuity.server.platform.persistence.Constraints;
import org.hospital.continuity.server.platform.persistence.SessionContext;

/**
 * The board's own records (Hibernate Reactive). The board reads them from requests, its reminder and figure jobs and
 * the incident event stream, several at once for one picture: each call runs in a session of its own.
 */
@ApplicationScoped
public class BoardStore {

    private final StatusReportRepository reports;
    private final TeamAssignmentRepository teams;
    private final FaultReportRecordRepository faultReports;

    public BoardStore(StatusReportRepository reports, TeamAssignmentRepository teams, FaultReportRecordRepository faultReports) {
        this.reports = reports;
        this.teams = teams;
        this.faultReports = faultReports;
    }

    public Uni<Void> addStatusReport(StatusReport r) {
        return SessionContext.call(() -> reports.add(r));
    }

    public Uni<List<StatusReport>> statusReports(UUID incidentId) {
        return SessionContext.call(() -> reports.of(incidentId));
    }

    public Uni<Void> addTeamAssignment(TeamAssignment a) {
        return SessionContext.call(() -> teams.add(a));
    }

    /** @return true when it was active and is now released */
    public Uni<Boolean> releaseTeamAssignment(UUID incidentId, UUID id, String by, Instant at) {
        return SessionContext.call(() -> teams.release(incidentId, id, by, at));
    }

    public Uni<List<TeamAssignment>> teamAssignments(UUID incidentId) {
        return SessionContext.call(() -> teams.of(incidentId));
    }

    public Uni<Optional<FaultReportRecord>> faultReport(UUID incidentId) {
        return SessionContext.call(() -> faultReports.of(incidentId));
    }

    /**
     * Saves IT's part; a submitted report is never overwritten. Two first saves at once: the second meets the first's row
     * (a unique violation) and is tried once more against it.
     *
     * @return true when written
     */
    public Uni<Boolean> saveFaultReport(FaultReportRecord f) {
        return SessionContext.call(() -> faultReports.save(f))
                .onFailure(Constraints::uniqueViolation).recoverWithUni(() -> SessionContext.call(() -> faultReports.save(f)));
    }

    /** The people assigned to {@code team} in the incident and not released (EP-8.2), by directory person id. */
    public Uni<Set<String>> teamMembers(UUID incident, String team) {
        return SessionContext.call(() -> teams.members(incident, team));
    }
}
