package org.hospital.continuity.server.board.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hospital.continuity.playbooks.party.Team;

/**
 * Somebody put in one of the teams IT forms in a larger fault (EP-8.2: repair, technical liaison,
 * in-hospital coordination) or a department's data rush-entry team (EP-8.3). Released, never deleted.
 */
public record TeamAssignment(UUID id, UUID incidentId, String team, String personName, String personId, String note,
                             String assignedBy, Instant assignedAt, Instant releasedAt) {

    /** The team codes (the playbooks' {@link Team}s) in the order the board shows them. */
    public static final List<String> TEAMS = java.util.Arrays.stream(Team.values()).map(Team::code).toList();

    public TeamAssignment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(incidentId);
        Objects.requireNonNull(team);
    }

    public boolean isActive() {
        return releasedAt == null;
    }

    /** The outcome of assigning: accepted, or refused with a reason. */
    public sealed interface Decision {
        record Accepted(TeamAssignment assignment) implements Decision {
        }

        record Rejected(String rule, String reason) implements Decision {
        }
    }

    public static Decision assign(UUID id, UUID incidentId, String team, String personName, String personId, String note,
                                  String by, boolean incidentOpen, List<TeamAssignment> current, Instant now) {
        if (!incidentOpen) {
            return new Decision.Rejected("EP-8.2", "Teams are formed while the incident is open.");
        }
        if (!TEAMS.contains(team)) {
            return new Decision.Rejected("EP-8.2", "Unknown team " + team + "; one of " + TEAMS + ".");
        }
        if (personName == null || personName.isBlank()) {
            return new Decision.Rejected("EP-8.2", "Who joins the team is required.");
        }
        boolean already = current.stream().anyMatch(a -> a.isActive() && a.team().equals(team)
                && (personId != null && a.personId() != null ? a.personId().equals(personId) : a.personName().equals(personName.strip())));
        if (already) {
            return new Decision.Rejected("EP-8.2", personName.strip() + " is already in this team.");
        }
        return new Decision.Accepted(new TeamAssignment(id, incidentId, team, personName.strip(), personId,
                note == null ? "" : note.strip(), by, now, null));
    }
}
