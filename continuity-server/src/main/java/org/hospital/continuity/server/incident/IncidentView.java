package org.hospital.continuity.server.incident;

import java.util.List;
import java.util.Set;
import org.hospital.continuity.playbooks.ladder.LadderMilestone;

/** An incident with its timeline, its signals, the ladder still ahead and the departments in manual operation. */
public record IncidentView(Incident incident, List<TimelineEvent> timeline, List<IncidentSignal> signals, List<LadderMilestone> schedule,
                           Set<String> manualDepartments) {
}
