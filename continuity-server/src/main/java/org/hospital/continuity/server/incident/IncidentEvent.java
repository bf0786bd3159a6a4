package org.hospital.continuity.server.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Party;

/**
 * What the incident engine announces, one type per kind of fact, every field typed. Each event is stored in
 * the engine's transaction on the incident timeline (the outbox) and published after commit, in order, as a
 * {@link TimelineEvent} (its position and incident). Consumers react per type through a {@link Visitor}; no
 * consumer reads a kind string.
 *
 * <p>Every event carries when it happened, the clause it applies (may be null), and its summary in both
 * languages as the engine worded it.
 */
public sealed interface IncidentEvent {

    Instant at();

    /** The clause of the plan the event applies, e.g. {@code EP-5.2.1}; null when none. */
    String clause();

    Words summary();

    <R> R accept(Visitor<R> visitor);

    /** Words in both languages as the engine put them (either may be empty on an old row). */
    record Words(String zh, String en) {
        public Words {
            zh = zh == null ? "" : zh;
            en = en == null ? "" : en;
        }
    }

    /** One line of the classifier's evidence (EP-4, EP-5): which rule, on which signals, since when. */
    record EvidenceLine(String rule, String clause, FaultClass faultClass, Scope scope, List<String> signals, Instant since,
                        Words line) {
        public EvidenceLine {
            signals = List.copyOf(signals);
        }
    }

    /** One row of the downtime ladder in force (EP-5.2): when it falls due and after how long an outage. */
    record Milestone(LadderStep step, String clause, Instant dueAt, Duration threshold) {
    }

    /** A signal arrived (a probe result, a fault report, an alarm, IT's diagnosis or clearance). */
    record SignalReceived(Instant at, String clause, Words summary, String signalId, String signalKind) implements IncidentEvent {
        public <R> R accept(Visitor<R> v) {
            return v.signalReceived(this);
        }
    }

    /** A person's request was refused by a named clause; nothing changed. {@code input} names what was asked. */
    record InputRejected(Instant at, String clause, Words summary, String input) implements IncidentEvent {
        public <R> R accept(Visitor<R> v) {
            return v.inputRejected(this);
        }
    }

    /** The computed class changed (EP-4); {@code from} empty when the incident had none yet. */
    record ClassChanged(Instant at, String clause, Words summary, Optional<FaultClass> from, Optional<FaultClass> to,
                        List<EvidenceLine> evidence) implements IncidentEvent {
        public ClassChanged {
            evidence = List.copyOf(evidence);
        }

        public <R> R accept(Visitor<R> v) {
            return v.classChanged(this);
        }
    }

    /** The computed scope changed (EP-5: local or the whole network). */
    record ScopeChanged(Instant at, String clause, Words summary, Optional<Scope> from, Optional<Scope> to,
                        List<EvidenceLine> evidence) implements IncidentEvent {
        public ScopeChanged {
            evidence = List.copyOf(evidence);
        }

        public <R> R accept(Visitor<R> v) {
            return v.scopeChanged(this);
        }
    }

    /** IT set the class by hand, with a reason (EP-4). */
    record OverrideApplied(Instant at, String clause, Words summary, String by, FaultClass to, Optional<Scope> scope)
            implements IncidentEvent {
        public <R> R accept(Visitor<R> v) {
            return v.overrideApplied(this);
        }
    }

    /** IT lifted its manual class; automatic grading resumes. */
    record OverrideLifted(Instant at, String clause, Words summary, String by) implements IncidentEvent {
        public <R> R accept(Visitor<R> v) {
            return v.overrideLifted(this);
        }
    }

    /** New, more severe evidence superseded IT's manual class. */
    record OverrideSuperseded(Instant at, String clause, Words summary, FaultClass from, FaultClass to, List<EvidenceLine> evidence)
            implements IncidentEvent {
        public OverrideSuperseded {
            evidence = List.copyOf(evidence);
        }

        public <R> R accept(Visitor<R> v) {
            return v.overrideSuperseded(this);
        }
    }

    /** The EP-5.1 circumstances changed; {@code schedule} is the ladder of the ongoing outage (empty if none). */
    record ContextChanged(Instant at, String clause, Words summary, Set<ContextModifier> modifiers, List<Milestone> schedule)
            implements IncidentEvent {
        public ContextChanged {
            modifiers = Set.copyOf(modifiers);
            schedule = List.copyOf(schedule);
        }

        public <R> R accept(Visitor<R> v) {
            return v.contextChanged(this);
        }
    }

    /** An EP-5 whole-network outage began at {@code outageStart}; {@code schedule} is its ladder. */
    record OutageStarted(Instant at, String clause, Words summary, Instant outageStart, List<Milestone> schedule)
            implements IncidentEvent {
        public OutageStarted {
            schedule = List.copyOf(schedule);
        }

        public <R> R accept(Visitor<R> v) {
            return v.outageStarted(this);
        }
    }

    /**
     * A ladder row fell due (EP-5.2) after {@code threshold} (the one in force, EP-5.1); {@code switching} enter
     * manual operation with it; {@code notified} are the parties the ladder settings name for the row in the
     * circumstances of the moment (besides the departments that switch).
     */
    record LadderStepReached(Instant at, String clause, Words summary, LadderStep step, Duration threshold, Set<Department> switching,
                             List<Party> notified) implements IncidentEvent {
        public LadderStepReached {
            switching = Set.copyOf(switching);
            notified = List.copyOf(notified);
        }

        public <R> R accept(Visitor<R> v) {
            return v.ladderStepReached(this);
        }
    }

    /** A department switched to manual early on request (EP-5.2, critically ill patients). */
    record ManualModeGranted(Instant at, String clause, Words summary, Department department, String by, String reason)
            implements IncidentEvent {
        public <R> R accept(Visitor<R> v) {
            return v.manualModeGranted(this);
        }
    }

    /** The whole-network outage ended after {@code lasted} (EP-6.8). */
    record OutageEnded(Instant at, String clause, Words summary, Instant outageStart, Duration lasted) implements IncidentEvent {
        public <R> R accept(Visitor<R> v) {
            return v.outageEnded(this);
        }
    }

    /** Departments go back from manual operation (EP-6.8). */
    record ManualModeEnded(Instant at, String clause, Words summary, Set<Department> released) implements IncidentEvent {
        public ManualModeEnded {
            released = Set.copyOf(released);
        }

        public <R> R accept(Visitor<R> v) {
            return v.manualModeEnded(this);
        }
    }

    /**
     * A playbook step became due: {@code reference} (playbook/step), its owner, the parties it names to be told
     * (EP-2.3, EP-8.2), the department whose staff act, its deadline, and what made it due.
     */
    record StepDue(Instant at, String clause, Words summary, String reference, Party owner, List<Party> notified,
                   Optional<Department> department, Optional<Instant> dueBy, String occurrence) implements IncidentEvent {
        public StepDue {
            notified = List.copyOf(notified);
        }

        public <R> R accept(Visitor<R> v) {
            return v.stepDue(this);
        }
    }

    /** A step's deadline has come (EP-8.4). */
    record DeadlineReached(Instant at, String clause, Words summary, String reference, Optional<Department> department, Instant dueBy)
            implements IncidentEvent {
        public <R> R accept(Visitor<R> v) {
            return v.deadlineReached(this);
        }
    }

    /** The incident closed after its quiet period (EP-8.1); {@code highestClass} decides the post-incident playbooks. */
    record IncidentClosed(Instant at, String clause, Words summary, Instant openedAt, FaultClass highestClass)
            implements IncidentEvent {
        public <R> R accept(Visitor<R> v) {
            return v.incidentClosed(this);
        }
    }

    /**
     * The incident was merged into another (EP-4: one cause behind both, found by IT's diagnosis, a component's
     * outage or IT's decision): it carries on as {@code intoNumber}, with {@code by} and why in the summary.
     */
    record IncidentMerged(Instant at, String clause, Words summary, int intoNumber, String by) implements IncidentEvent {
        public <R> R accept(Visitor<R> v) {
            return v.incidentMerged(this);
        }
    }

    /** A drill ended (EP-9.4); an incident still open was the drill's and is closed with it. */
    record DrillEnded(Instant at, String clause, Words summary, String reason) implements IncidentEvent {
        public <R> R accept(Visitor<R> v) {
            return v.drillEnded(this);
        }
    }

    /** An instruction was announced outside the engine's steps (EP-8.4: a department back to normal). */
    record InstructionIssued(Instant at, String clause, Words summary, Party party, String instructionKind, String by)
            implements IncidentEvent {
        public <R> R accept(Visitor<R> v) {
            return v.instructionIssued(this);
        }
    }

    /** A named person of the party acknowledged an instruction (EP-6.1). */
    record InstructionAcknowledged(Instant at, String clause, Words summary, UUID instructionId, Party party, UUID personId)
            implements IncidentEvent {
        public <R> R accept(Visitor<R> v) {
            return v.instructionAcknowledged(this);
        }
    }

    /** A department's mode changed with the acknowledgement of its newest mode instruction (EP-6.1). */
    record ModeChanged(Instant at, String clause, Words summary, Department department, DepartmentMode from, DepartmentMode to,
                       UUID instructionId) implements IncidentEvent {
        public <R> R accept(Visitor<R> v) {
            return v.modeChanged(this);
        }
    }

    /**
     * A stored event of a type this server does not know (written by a newer instance during a rolling
     * upgrade): shown on timelines with its words, otherwise ignored.
     */
    record Unrecognised(Instant at, String clause, Words summary, String type, Map<String, Object> data) implements IncidentEvent {
        public Unrecognised {
            Objects.requireNonNull(type, "type");
            data = Map.copyOf(data);
        }

        public <R> R accept(Visitor<R> v) {
            return v.otherwise(this);
        }
    }

    /**
     * Reacts per event type. Every method falls back to {@link #otherwise}, so a consumer overrides only the
     * types it cares about; a new event type is a new method here, never a new string.
     */
    interface Visitor<R> {
        R otherwise(IncidentEvent event);

        default R signalReceived(SignalReceived e) {
            return otherwise(e);
        }

        default R inputRejected(InputRejected e) {
            return otherwise(e);
        }

        default R classChanged(ClassChanged e) {
            return otherwise(e);
        }

        default R scopeChanged(ScopeChanged e) {
            return otherwise(e);
        }

        default R overrideApplied(OverrideApplied e) {
            return otherwise(e);
        }

        default R overrideLifted(OverrideLifted e) {
            return otherwise(e);
        }

        default R overrideSuperseded(OverrideSuperseded e) {
            return otherwise(e);
        }

        default R contextChanged(ContextChanged e) {
            return otherwise(e);
        }

        default R outageStarted(OutageStarted e) {
            return otherwise(e);
        }

        default R ladderStepReached(LadderStepReached e) {
            return otherwise(e);
        }

        default R manualModeGranted(ManualModeGranted e) {
            return otherwise(e);
        }

        default R outageEnded(OutageEnded e) {
            return otherwise(e);
        }

        default R manualModeEnded(ManualModeEnded e) {
            return otherwise(e);
        }

        default R stepDue(StepDue e) {
            return otherwise(e);
        }

        default R deadlineReached(DeadlineReached e) {
            return otherwise(e);
        }

        default R incidentClosed(IncidentClosed e) {
            return otherwise(e);
        }

        default R incidentMerged(IncidentMerged e) {
            return otherwise(e);
        }

        default R drillEnded(DrillEnded e) {
            return otherwise(e);
        }

        default R instructionIssued(InstructionIssued e) {
            return otherwise(e);
        }

        default R instructionAcknowledged(InstructionAcknowledged e) {
            return otherwise(e);
        }

        default R modeChanged(ModeChanged e) {
            return otherwise(e);
        }
    }
}
