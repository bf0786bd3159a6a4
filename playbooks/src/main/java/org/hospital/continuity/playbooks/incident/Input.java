package org.hospital.continuity.playbooks.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.playbooks.classify.OverrideRequest;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.signal.Signal;

/**
 * What the incident engine is told: a signal, or a decision by a person. A decision about an incident names it
 * ({@code incident}: its id, or its number); without a name it applies to the only open incident, or for a
 * department's switch to the incident whose outage reaches the department's area.
 */
public sealed interface Input {

    /** When it happened. */
    Instant at();

    /** A signal arrives (probe, report, alarm, diagnosis, clearance); the engine finds its incident. */
    record Observe(Signal signal) implements Input {
        public Observe {
            Objects.requireNonNull(signal, "signal");
        }

        @Override
        public Instant at() {
            return signal.at();
        }
    }

    /** IT on duty sets the grade of an incident by hand (reason required, EP-4); with no incident open it opens one. */
    record RequestOverride(OverrideRequest request, Optional<String> incident) implements Input {
        public RequestOverride {
            Objects.requireNonNull(request, "request");
            incident = incident == null ? Optional.empty() : incident.filter(s -> !s.isBlank());
        }

        /** For the only open incident. */
        public RequestOverride(OverrideRequest request) {
            this(request, Optional.empty());
        }

        @Override
        public Instant at() {
            return request.at();
        }
    }

    /** IT on duty lifts its override (reason required). */
    record LiftOverride(Instant at, String by, String reason, Optional<String> incident) implements Input {
        public LiftOverride {
            Objects.requireNonNull(at, "at");
            by = by == null ? "" : by;
            reason = reason == null ? "" : reason;
            incident = incident == null ? Optional.empty() : incident.filter(s -> !s.isBlank());
        }

        /** For the only open incident. */
        public LiftOverride(Instant at, String by, String reason) {
            this(at, by, reason, Optional.empty());
        }
    }

    /**
     * A department asks to switch to manual now for critically ill patients (EP-5.2; reason required), in
     * {@code area} (the whole hospital when empty).
     */
    record RequestManualMode(Instant at, String by, Department department, String reason, Optional<Area> area,
                             Optional<String> incident) implements Input {
        public RequestManualMode {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(department, "department");
            by = by == null ? "" : by;
            reason = reason == null ? "" : reason;
            area = area == null ? Optional.empty() : area.filter(a -> !a.isHospital());
            incident = incident == null ? Optional.empty() : incident.filter(s -> !s.isBlank());
        }

        /** For the whole hospital, in the incident that applies. */
        public RequestManualMode(Instant at, String by, Department department, String reason) {
            this(at, by, department, reason, Optional.empty(), Optional.empty());
        }
    }

    /**
     * The leadership group moves a department's switch to manual earlier than its EP-5.2 row, weighing the
     * circumstances (EP-5.1: holiday, patient volume, staff away, a major event); who and why are required.
     */
    record SwitchEarlier(Instant at, String by, Department department, String reason, Optional<Area> area,
                         Optional<String> incident) implements Input {
        public SwitchEarlier {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(department, "department");
            by = by == null ? "" : by;
            reason = reason == null ? "" : reason;
            area = area == null ? Optional.empty() : area.filter(a -> !a.isHospital());
            incident = incident == null ? Optional.empty() : incident.filter(s -> !s.isBlank());
        }
    }

    /** IT on duty merges two open incidents into one (they are one fault), with a reason. */
    record MergeIncidents(Instant at, String by, String from, String into, String reason) implements Input {
        public MergeIncidents {
            Objects.requireNonNull(at, "at");
            by = by == null ? "" : by;
            from = from == null ? "" : from;
            into = into == null ? "" : into;
            reason = reason == null ? "" : reason;
        }
    }

    /** The EP-5.1 circumstances change (e.g. the morning clinic rush starts): the modifiers now in force. */
    record ChangeContext(Instant at, Set<ContextModifier> modifiers) implements Input {
        public ChangeContext {
            Objects.requireNonNull(at, "at");
            modifiers = Set.copyOf(modifiers);
        }
    }
}
