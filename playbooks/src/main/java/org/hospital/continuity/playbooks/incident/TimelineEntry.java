package org.hospital.continuity.playbooks.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hospital.continuity.playbooks.classify.GradingEvent;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.ladder.LadderMilestone;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.playbook.DueStep;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * One decision or fact on the timeline, in the order the engine produced it. Every entry names its incident
 * ({@link IncidentRef#NONE} only for what concerns no incident: a refused request, a change of circumstances
 * while nothing is open); entries about departments name their area ({@link Area#HOSPITAL}: the whole
 * hospital).
 */
public sealed interface TimelineEntry {

    /** When. */
    Instant at();

    /** Which incident. */
    IncidentRef incident();

    /** A new incident opened (its first finding; EP-3). */
    record IncidentOpened(Instant at, IncidentRef incident) implements TimelineEntry {
    }

    /** A signal arrived and joined the incident. */
    record SignalReceived(Instant at, IncidentRef incident, Input.Observe input) implements TimelineEntry {
    }

    /** A person's request was refused by a named clause, with a reason; nothing changed. */
    record InputRejected(Instant at, IncidentRef incident, Input input, String clause, Bilingual reason) implements TimelineEntry {
    }

    /** The grade changed, or an override was set, lifted or superseded. */
    record Regraded(IncidentRef incident, GradingEvent event) implements TimelineEntry {
        public Regraded {
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(event, "event");
        }

        @Override
        public Instant at() {
            return event.at();
        }
    }

    /**
     * The EP-5.1 circumstances changed: shown to the leadership group with the ladder of each ongoing outage
     * ({@code schedules}, per area), so it can move a department's switch earlier.
     */
    record ContextChanged(Instant at, IncidentRef incident, Set<ContextModifier> modifiers,
                          Map<Area, List<LadderMilestone>> schedules) implements TimelineEntry {
        public ContextChanged {
            modifiers = Set.copyOf(modifiers);
            schedules = Map.copyOf(schedules);
        }
    }

    /**
     * An outage began at {@code start} in {@code area} ({@link Area#HOSPITAL}: the EP-5 whole-network failure);
     * {@code schedule} is its ladder in the current context.
     */
    record OutageStarted(Instant at, IncidentRef incident, Area area, Instant start, List<LadderMilestone> schedule)
            implements TimelineEntry {
        public OutageStarted {
            Objects.requireNonNull(area, "area");
            schedule = List.copyOf(schedule);
        }
    }

    /** A ladder row fell due in {@code area}; {@code switching} are the departments that enter manual with it. */
    record LadderStepReached(Instant at, IncidentRef incident, Area area, LadderMilestone milestone,
                             Set<Department> switching) implements TimelineEntry {
        public LadderStepReached {
            Objects.requireNonNull(area, "area");
            switching = Set.copyOf(switching);
        }
    }

    /** A department switched to manual before its row: critically ill patients (EP-5.2) or the leadership's decision (EP-5.1). */
    record ManualModeGranted(Instant at, IncidentRef incident, Department department, Area area, String by, String reason,
                             ManualBasis basis) implements TimelineEntry {
        public ManualModeGranted {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(basis, "basis");
        }
    }

    /** The outage in {@code area} ended after {@code lasted}. */
    record OutageEnded(Instant at, IncidentRef incident, Area area, Instant start, Duration lasted) implements TimelineEntry {
    }

    /** Departments of {@code area} go back from manual operation (after IT's restart notice, EP-6.8). */
    record ManualModeEnded(Instant at, IncidentRef incident, Area area, Set<Department> released) implements TimelineEntry {
        public ManualModeEnded {
            Objects.requireNonNull(area, "area");
            released = Set.copyOf(released);
        }
    }

    /** A playbook step became due. */
    record StepDue(Instant at, IncidentRef incident, DueStep due) implements TimelineEntry {
    }

    /** A step's deadline has come (the engine does not know whether it was met; the server tracks completion). */
    record DeadlineReached(Instant at, IncidentRef incident, PendingDeadline deadline) implements TimelineEntry {
    }

    /**
     * Two incidents became one: {@code incident} was merged into {@code into}, which carries on with its
     * findings, outages, departments in manual and deadlines (EP-4: a regrading, with who and why).
     *
     * @param by     who merged them, or {@code classifier} when the evidence did
     * @param reason why, in both languages
     */
    record IncidentMerged(Instant at, IncidentRef incident, IncidentRef into, String by, Bilingual reason) implements TimelineEntry {
    }

    /** The incident was closed after a quiet period; {@code highestClass} decides the post-incident playbooks. */
    record IncidentClosed(Instant at, IncidentRef incident, Instant openedAt, FaultClass highestClass) implements TimelineEntry {
    }
}
