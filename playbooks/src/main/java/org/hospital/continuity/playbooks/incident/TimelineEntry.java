package org.hospital.continuity.playbooks.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hospital.continuity.playbooks.classify.GradingEvent;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.ladder.LadderMilestone;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.playbook.DueStep;
import org.hospital.continuity.playbooks.text.Bilingual;

/** One decision or fact on an incident's timeline, in the order the engine produced it. */
public sealed interface TimelineEntry {

    /** When. */
    Instant at();

    /** A signal arrived. */
    record SignalReceived(Instant at, Input.Observe input) implements TimelineEntry {
    }

    /** A person's request was refused by a named clause, with a reason; nothing changed. */
    record InputRejected(Instant at, Input input, String clause, Bilingual reason) implements TimelineEntry {
    }

    /** The grade changed, or an override was set, lifted or superseded. */
    record Regraded(GradingEvent event) implements TimelineEntry {
        public Regraded {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public Instant at() {
            return event.at();
        }
    }

    /** The EP-5.1 circumstances changed; {@code schedule} is the ladder of the ongoing outage (empty if none). */
    record ContextChanged(Instant at, Set<ContextModifier> modifiers, List<LadderMilestone> schedule) implements TimelineEntry {
        public ContextChanged {
            modifiers = Set.copyOf(modifiers);
            schedule = List.copyOf(schedule);
        }
    }

    /** An EP-5 whole-network outage began at {@code start}; {@code schedule} is its ladder in the current context. */
    record OutageStarted(Instant at, Instant start, List<LadderMilestone> schedule) implements TimelineEntry {
        public OutageStarted {
            schedule = List.copyOf(schedule);
        }
    }

    /** A ladder row fell due; {@code switching} are the departments that enter manual with it. */
    record LadderStepReached(Instant at, LadderMilestone milestone, Set<Department> switching) implements TimelineEntry {
        public LadderStepReached {
            switching = Set.copyOf(switching);
        }
    }

    /** A department switched to manual on request (EP-5.2 critically ill patients). */
    record ManualModeGranted(Instant at, Department department, String by, String reason) implements TimelineEntry {
    }

    /** The whole-network outage ended after {@code lasted}. */
    record OutageEnded(Instant at, Instant start, Duration lasted) implements TimelineEntry {
    }

    /** Departments go back from manual operation (after IT's restart notice, EP-6.8). */
    record ManualModeEnded(Instant at, Set<Department> released) implements TimelineEntry {
        public ManualModeEnded {
            released = Set.copyOf(released);
        }
    }

    /** A playbook step became due. */
    record StepDue(Instant at, DueStep due) implements TimelineEntry {
    }

    /** A step's deadline has come (the engine does not know whether it was met; the server tracks completion). */
    record DeadlineReached(Instant at, PendingDeadline deadline) implements TimelineEntry {
    }

    /** The incident was closed after a quiet period; {@code highestClass} decides the post-incident playbooks. */
    record IncidentClosed(Instant at, Instant openedAt, FaultClass highestClass) implements TimelineEntry {
    }
}
