package org.hospital.continuity.playbooks.playbook;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;

/**
 * Something that happened in an incident and may fire playbooks ({@link Trigger#matches}). The incident engine
 * produces them; the server can also build them directly and ask {@link PlaybookSet#stepsFor}.
 */
public sealed interface Occurrence {

    /** When it happened; deadlines count from here. */
    Instant at();

    /** The departments concerned: a step naming a department fires only if it is among these (empty: none). */
    default Set<Department> departments() {
        return Set.of();
    }

    /** True when a step naming a department is filtered by {@link #departments()}. */
    default boolean filtersByDepartment() {
        return false;
    }

    /** The incident opened. */
    record IncidentOpened(Instant at) implements Occurrence {
    }

    /** The incident reached a class for the first time. */
    record ClassReached(Instant at, FaultClass faultClass) implements Occurrence {
        public ClassReached {
            Objects.requireNonNull(faultClass, "faultClass");
        }
    }

    /** The incident became a whole-network failure (EP-5). */
    record WholeNetworkFailure(Instant at) implements Occurrence {
    }

    /** A ladder row fell due; {@code switching} are the departments that enter manual with it. */
    record LadderStepReached(Instant at, LadderStep step, Set<Department> switching) implements Occurrence {
        public LadderStepReached {
            switching = sortedCopy(switching);
        }

        @Override
        public Set<Department> departments() {
            return switching;
        }

        @Override
        public boolean filtersByDepartment() {
            return true;
        }
    }

    /** Departments entered manual operation. */
    record ManualModeStarted(Instant at, Set<Department> entering) implements Occurrence {
        public ManualModeStarted {
            entering = sortedCopy(entering);
        }

        @Override
        public Set<Department> departments() {
            return entering;
        }

        @Override
        public boolean filtersByDepartment() {
            return true;
        }
    }

    /** The system is back for the departments that were in manual operation. */
    record Recovered(Instant at, Set<Department> released) implements Occurrence {
        public Recovered {
            released = sortedCopy(released);
        }

        @Override
        public Set<Department> departments() {
            return released;
        }

        @Override
        public boolean filtersByDepartment() {
            return true;
        }
    }

    /** The incident was closed; {@code highestClass} is the most severe class it reached. */
    record IncidentClosed(Instant at, FaultClass highestClass) implements Occurrence {
        public IncidentClosed {
            Objects.requireNonNull(highestClass, "highestClass");
        }
    }

    private static Set<Department> sortedCopy(Set<Department> departments) {
        return departments.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(departments));
    }
}
