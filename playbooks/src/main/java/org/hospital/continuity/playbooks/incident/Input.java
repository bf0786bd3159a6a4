package org.hospital.continuity.playbooks.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.hospital.continuity.playbooks.classify.OverrideRequest;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.signal.Signal;

/** What the incident engine is told: a signal, or a decision by a person. */
public sealed interface Input {

    /** When it happened. */
    Instant at();

    /** A signal arrives (probe, report, alarm, diagnosis, clearance). */
    record Observe(Signal signal) implements Input {
        public Observe {
            Objects.requireNonNull(signal, "signal");
        }

        @Override
        public Instant at() {
            return signal.at();
        }
    }

    /** IT on duty sets the grade by hand (reason required, EP-4). */
    record RequestOverride(OverrideRequest request) implements Input {
        public RequestOverride {
            Objects.requireNonNull(request, "request");
        }

        @Override
        public Instant at() {
            return request.at();
        }
    }

    /** IT on duty lifts its override (reason required). */
    record LiftOverride(Instant at, String by, String reason) implements Input {
        public LiftOverride {
            Objects.requireNonNull(at, "at");
            by = by == null ? "" : by;
            reason = reason == null ? "" : reason;
        }
    }

    /** A department asks to switch to manual now for critically ill patients (EP-5.2; reason required). */
    record RequestManualMode(Instant at, String by, Department department, String reason) implements Input {
        public RequestManualMode {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(department, "department");
            by = by == null ? "" : by;
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
