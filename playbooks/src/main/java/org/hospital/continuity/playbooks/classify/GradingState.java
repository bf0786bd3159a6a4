package org.hospital.continuity.playbooks.classify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;

/**
 * The state of re-grading for one incident.
 *
 * @param facts     what holds in the incident (see {@link Facts})
 * @param health    the probes' health it was last weighed against
 * @param computed  the classifier's result at {@code asOf}
 * @param override  IT's manual grade, if one holds
 * @param effective the grade that applies: the override's, else the classifier's
 * @param asOf      the time of the last evaluation
 */
public record GradingState(Facts facts, Health health, Optional<Classification> computed, Optional<Override> override,
                           Optional<Grade> effective, Instant asOf) {

    public GradingState {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(computed, "computed");
        Objects.requireNonNull(override, "override");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** No signals, no grade. */
    public static GradingState empty(Instant asOf) {
        return new GradingState(Facts.empty(), Health.none(), Optional.empty(), Optional.empty(), Optional.empty(), asOf);
    }

    /** The evidence behind the classifier's grade (empty when none). */
    public List<Evidence> evidence() {
        return computed.map(Classification::evidence).orElse(List.of());
    }

    /**
     * The outages that run the EP-5.2 ladder now, per place, with since when: those the classifier confirmed
     * (a probe, IT's diagnosis), or, under IT's Class I override, what IT confirmed (EP-5.1 "once IT confirms"):
     * the scope and area it set, or every Class I finding that reaches a place. An override below Class I
     * stops every ladder.
     */
    public Map<Area, Instant> outages() {
        Map<Area, Instant> confirmed = computed.map(Classification::confirmedOutages).orElse(Map.of());
        if (override.isEmpty()) {
            return confirmed;
        }
        Override o = override.get();
        if (o.faultClass() != FaultClass.CLASS_I) {
            return Map.of();
        }
        Map<Area, Instant> reaches = computed.map(Classification::classIReaches).orElse(Map.of());
        Map<Area, Instant> out = new LinkedHashMap<>(confirmed);
        if (o.scope().isEmpty()) {
            reaches.forEach((a, t) -> out.merge(a, t, (x, y) -> x.isBefore(y) ? x : y));
        } else if (o.scope().get() == Scope.WHOLE_NETWORK) {
            out.merge(Area.HOSPITAL, reaches.getOrDefault(Area.HOSPITAL, o.at()), (x, y) -> x.isBefore(y) ? x : y);
        } else if (o.scope().get() == Scope.PARTIAL && o.area().isPresent()) {
            Area a = o.area().get();
            out.merge(a, reaches.getOrDefault(a, o.at()), (x, y) -> x.isBefore(y) ? x : y);
        } else if (o.scope().get() == Scope.LOCAL) {
            return Map.of();
        }
        return out;
    }
}
