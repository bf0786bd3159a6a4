package org.hospital.continuity.server.board.app;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.board.domain.Thresholds;

/**
 * What the board shows of an incident, as the incident engine knows it. A read model only: the
 * engine owns incidents, classes, the ladder and the instructions.
 *
 * @param faultClass  CLASS_I, CLASS_II, CLASS_III, INSURANCE or null while ungraded
 * @param evidence    why it has its class, in plain words (the engine's evidence lines)
 * @param schedule    the engine's ladder milestones (empty: the plan's thresholds are used)
 * @param departments every business area with its mode and whether its latest instruction was acknowledged
 * @param timeline    everything that happened, oldest first
 * @param number      the engine's number of the incident ("incident 2"; 0 when unknown)
 * @param areasDown   the places it has cut off now (building/floor/ward paths, EP-4.1 局部网络不通)
 */
public record IncidentPicture(UUID id, Instant openedAt, Instant closedAt, String faultClass, String scope, String highestClass,
                              Instant outageStart, Instant outageEndedAt, List<Line> evidence, List<Thresholds.Milestone> schedule,
                              List<DepartmentState> departments, List<TimelineItem> timeline, int number, List<String> areasDown) {

    public IncidentPicture {
        areasDown = areasDown == null ? List.of() : List.copyOf(areasDown);
    }

    /** An incident without a number, cutting off no area. */
    public IncidentPicture(UUID id, Instant openedAt, Instant closedAt, String faultClass, String scope, String highestClass,
                           Instant outageStart, Instant outageEndedAt, List<Line> evidence, List<Thresholds.Milestone> schedule,
                           List<DepartmentState> departments, List<TimelineItem> timeline) {
        this(id, openedAt, closedAt, faultClass, scope, highestClass, outageStart, outageEndedAt, evidence, schedule, departments,
                timeline, 0, List.of());
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** A sentence in both languages with the clause it rests on. */
    public record Line(String clause, String zh, String en) {
    }

    /** One business area (EP-5.2, EP-6): its mode and the acknowledgement of the instruction that set it. */
    public record DepartmentState(String code, String zh, String en, String mode, String modeZh, String modeEn, Instant since,
                                  String instruction, boolean acknowledged, String acknowledgedBy, Instant acknowledgedAt) {
    }

    /** One entry of the timeline. */
    public record TimelineItem(Instant at, String kind, String clause, String zh, String en) {
    }
}
