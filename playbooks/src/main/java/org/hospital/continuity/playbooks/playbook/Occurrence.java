package org.hospital.continuity.playbooks.playbook;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.hospital.continuity.playbooks.fault.Area;
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

    /**
     * Where it happened: the area whose departments a ladder, manual-mode or recovery step is for
     * ({@link Area#HOSPITAL} for the whole hospital and for occurrences of the incident as a whole).
     */
    default Area area() {
        return Area.HOSPITAL;
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

    /** One area of the hospital is cut off (EP-4.1 局部网络不通, 光纤损坏): its ladder starts. */
    record AreaOutage(Instant at, Area area) implements Occurrence {
        public AreaOutage {
            Objects.requireNonNull(area, "area");
            if (area.isHospital()) {
                throw new IllegalArgumentException("an area outage names its area; the whole hospital is a WholeNetworkFailure");
            }
        }
    }

    /**
     * A ladder row fell due; {@code switching} are the departments that enter manual with it, in {@code area}
     * ({@link Area#HOSPITAL} for a whole-network outage).
     */
    record LadderStepReached(Instant at, LadderStep step, Set<Department> switching, Area area) implements Occurrence {
        public LadderStepReached {
            switching = sortedCopy(switching);
            Objects.requireNonNull(area, "area");
        }

        /** A row of a whole-network outage. */
        public LadderStepReached(Instant at, LadderStep step, Set<Department> switching) {
            this(at, step, switching, Area.HOSPITAL);
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

    /** Departments entered manual operation, in {@code area}. */
    record ManualModeStarted(Instant at, Set<Department> entering, Area area) implements Occurrence {
        public ManualModeStarted {
            entering = sortedCopy(entering);
            Objects.requireNonNull(area, "area");
        }

        /** Departments of the whole hospital. */
        public ManualModeStarted(Instant at, Set<Department> entering) {
            this(at, entering, Area.HOSPITAL);
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

    /** The system is back for the departments that were in manual operation, in {@code area}. */
    record Recovered(Instant at, Set<Department> released, Area area) implements Occurrence {
        public Recovered {
            released = sortedCopy(released);
            Objects.requireNonNull(area, "area");
        }

        /** Departments of the whole hospital. */
        public Recovered(Instant at, Set<Department> released) {
            this(at, released, Area.HOSPITAL);
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
