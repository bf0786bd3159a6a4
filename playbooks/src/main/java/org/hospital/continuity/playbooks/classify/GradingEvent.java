package org.hospital.continuity.playbooks.classify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * What re-grading records: every change of class or scope with its reason and evidence, and every manual
 * override (EP-4: "each change is recorded with its evidence and who/what made it").
 */
public sealed interface GradingEvent {

    /** When it happened. */
    Instant at();

    /**
     * The class changed. {@code from} is empty when the incident opens, {@code to} is empty when every finding
     * has cleared.
     *
     * @param evidence the evidence behind the new grade (empty when cleared)
     */
    record ClassChanged(Instant at, Optional<FaultClass> from, Optional<FaultClass> to, Bilingual reason,
                        List<Evidence> evidence) implements GradingEvent {
        public ClassChanged {
            evidence = List.copyOf(evidence);
        }

        /** The class went up (or the incident opened). */
        public boolean raised() {
            return to.isPresent() && (from.isEmpty() || to.get().isMoreSevereThan(from.get()));
        }

        /** The class went down (or cleared). */
        public boolean lowered() {
            return from.isPresent() && (to.isEmpty() || from.get().isMoreSevereThan(to.get()));
        }
    }

    /** The scope changed (e.g. partial → whole network, EP-5). */
    record ScopeChanged(Instant at, Optional<Scope> from, Optional<Scope> to, Bilingual reason,
                        List<Evidence> evidence) implements GradingEvent {
        public ScopeChanged {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * The grade stayed but what it rests on changed in kind (a probe now explains the reports, the reports were
     * weighed against healthy probes, an area joined): the new evidence, so the board can say why.
     */
    record EvidenceChanged(Instant at, Bilingual reason, List<Evidence> evidence) implements GradingEvent {
        public EvidenceChanged {
            evidence = List.copyOf(evidence);
        }
    }

    /** IT on duty set the grade by hand, with a reason. */
    record OverrideApplied(Instant at, String by, FaultClass faultClass, Optional<Scope> scope, String reason)
            implements GradingEvent {
    }

    /** IT on duty lifted the override, with a reason; the classifier's grade applies again. */
    record OverrideLifted(Instant at, String by, String reason) implements GradingEvent {
    }

    /** New evidence more severe than the override arrived; automatic grading resumes. */
    record OverrideSuperseded(Instant at, FaultClass overridden, FaultClass computed, List<Evidence> newEvidence)
            implements GradingEvent {
        public OverrideSuperseded {
            newEvidence = List.copyOf(newEvidence);
        }
    }
}
