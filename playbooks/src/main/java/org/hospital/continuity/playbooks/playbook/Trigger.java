package org.hospital.continuity.playbooks.playbook;

import java.util.Objects;
import java.util.Set;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.LadderStep;

/** A playbook's trigger, as written under {@code trigger:} in its file. */
public sealed interface Trigger {

    /** The file's {@code trigger.type}. */
    TriggerType type();

    /** True when this trigger fires on the occurrence. */
    boolean matches(Occurrence occurrence);

    /** {@code type: INCIDENT_OPENED}. */
    record IncidentOpened() implements Trigger {
        @Override
        public TriggerType type() {
            return TriggerType.INCIDENT_OPENED;
        }

        @Override
        public boolean matches(Occurrence o) {
            return o instanceof Occurrence.IncidentOpened;
        }
    }

    /** {@code type: CLASS, class: CLASS_I}. */
    record ClassReached(FaultClass faultClass) implements Trigger {
        public ClassReached {
            Objects.requireNonNull(faultClass, "faultClass");
        }

        @Override
        public TriggerType type() {
            return TriggerType.CLASS;
        }

        @Override
        public boolean matches(Occurrence o) {
            return o instanceof Occurrence.ClassReached c && c.faultClass() == faultClass;
        }
    }

    /** {@code type: WHOLE_NETWORK}. */
    record WholeNetwork() implements Trigger {
        @Override
        public TriggerType type() {
            return TriggerType.WHOLE_NETWORK;
        }

        @Override
        public boolean matches(Occurrence o) {
            return o instanceof Occurrence.WholeNetworkFailure;
        }
    }

    /** {@code type: AREA_OUTAGE}. */
    record AreaOutage() implements Trigger {
        @Override
        public TriggerType type() {
            return TriggerType.AREA_OUTAGE;
        }

        @Override
        public boolean matches(Occurrence o) {
            return o instanceof Occurrence.AreaOutage;
        }
    }

    /** {@code type: LADDER_STEP, step: FRONT_DESK}. */
    record LadderStepDue(LadderStep step) implements Trigger {
        public LadderStepDue {
            Objects.requireNonNull(step, "step");
        }

        @Override
        public TriggerType type() {
            return TriggerType.LADDER_STEP;
        }

        @Override
        public boolean matches(Occurrence o) {
            return o instanceof Occurrence.LadderStepReached l && l.step() == step;
        }
    }

    /** {@code type: MANUAL_MODE}: every step names its department and fires when that department enters manual. */
    record ManualMode() implements Trigger {
        @Override
        public TriggerType type() {
            return TriggerType.MANUAL_MODE;
        }

        @Override
        public boolean matches(Occurrence o) {
            return o instanceof Occurrence.ManualModeStarted;
        }
    }

    /** {@code type: RECOVERY}. */
    record Recovery() implements Trigger {
        @Override
        public TriggerType type() {
            return TriggerType.RECOVERY;
        }

        @Override
        public boolean matches(Occurrence o) {
            return o instanceof Occurrence.Recovered;
        }
    }

    /** {@code type: POST_INCIDENT, classes: [CLASS_I]}: fires when an incident whose highest class is among
     * {@code classes} (any, when empty) is closed. */
    record PostIncident(Set<FaultClass> classes) implements Trigger {
        public PostIncident {
            classes = Set.copyOf(classes);
        }

        @Override
        public TriggerType type() {
            return TriggerType.POST_INCIDENT;
        }

        @Override
        public boolean matches(Occurrence o) {
            return o instanceof Occurrence.IncidentClosed c && (classes.isEmpty() || classes.contains(c.highestClass()));
        }
    }
}
