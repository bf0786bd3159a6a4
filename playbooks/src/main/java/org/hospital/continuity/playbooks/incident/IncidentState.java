package org.hospital.continuity.playbooks.incident;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.playbooks.classify.GradingState;
import org.hospital.continuity.playbooks.collect.PMap;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;

/**
 * One open incident: its grade with the evidence, its outages (one ladder per area they reach), the
 * departments in manual operation, and the deadlines of its steps. Immutable.
 *
 * @param ref          which incident
 * @param openedAt     when it opened
 * @param grading      its re-grading state (facts, classification, override)
 * @param highestClass the most severe class it reached
 * @param classesFired the classes whose playbooks fired in it
 * @param outages      its ongoing outages by area ({@link Area#HOSPITAL}: the EP-5 whole-network failure)
 * @param manual       its departments in manual operation
 * @param quietSince   when its findings all ended; it closes after the quiet period
 * @param deadlines    its step deadlines not yet reached, earliest first
 * @param keys         what the engine files it under (signal ids, series, terminals, places), to find it again
 */
public record IncidentState(
        IncidentRef ref,
        Instant openedAt,
        GradingState grading,
        Optional<FaultClass> highestClass,
        Set<FaultClass> classesFired,
        Map<Area, Outage> outages,
        List<Manual> manual,
        Optional<Instant> quietSince,
        List<PendingDeadline> deadlines,
        PMap<String, Boolean> keys) {

    /**
     * An ongoing outage of one area and how far its ladder got.
     *
     * @param area    where
     * @param start   its clock (EP-5.2 counts from here)
     * @param reached the rows that fell due
     */
    public record Outage(Area area, Instant start, Set<LadderStep> reached) {
        public Outage {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(start, "start");
            reached = reached.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(reached));
        }
    }

    /**
     * A department of an area in manual operation.
     *
     * @param department which department
     * @param area       where ({@link Area#HOSPITAL}: everywhere)
     * @param since      since when
     * @param basis      why
     */
    public record Manual(Department department, Area area, Instant since, ManualBasis basis) {
        public Manual {
            Objects.requireNonNull(department, "department");
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(basis, "basis");
        }
    }

    public IncidentState {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(grading, "grading");
        Objects.requireNonNull(highestClass, "highestClass");
        classesFired = classesFired.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(classesFired));
        outages = Collections.unmodifiableMap(new LinkedHashMap<>(outages));
        manual = List.copyOf(manual);
        Objects.requireNonNull(quietSince, "quietSince");
        deadlines = List.copyOf(deadlines);
        Objects.requireNonNull(keys, "keys");
    }

    /** True during an EP-5 whole-network outage. */
    public boolean outageOngoing() {
        return outages.containsKey(Area.HOSPITAL);
    }

    /** Start of the whole-network outage, if one is ongoing. */
    public Optional<Instant> outageStart() {
        return Optional.ofNullable(outages.get(Area.HOSPITAL)).map(Outage::start);
    }

    /** The areas cut off now (not the whole hospital), in the order their outages began. */
    public List<Area> areasDown() {
        return outages.keySet().stream().filter(a -> !a.isHospital()).toList();
    }

    /** The departments in manual operation in the whole hospital (not those of one area only). */
    public Set<Department> manualDepartments() {
        EnumSet<Department> out = EnumSet.noneOf(Department.class);
        manual.stream().filter(m -> m.area().isHospital()).forEach(m -> out.add(m.department()));
        return Collections.unmodifiableSet(out);
    }

    /** True when the department is in manual operation in the area (also by a wider area's switch). */
    public boolean isManual(Department department, Area area) {
        return manual.stream().anyMatch(m -> m.department() == department && m.area().covers(area));
    }
}
