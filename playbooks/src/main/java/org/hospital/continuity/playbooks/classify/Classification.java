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
 * The current class of an incident with the evidence for it: transparent, not a score.
 *
 * @param faultClass the most severe class among the evidence
 * @param scope      the widest scope among the evidence; {@link Scope#WHOLE_NETWORK} is the EP-5 failure
 * @param evidence   every finding that holds now, most severe first; never empty
 */
public record Classification(FaultClass faultClass, Scope scope, List<Evidence> evidence) {

    public Classification {
        Objects.requireNonNull(faultClass, "faultClass");
        Objects.requireNonNull(scope, "scope");
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("a classification rests on evidence");
        }
    }

    /** The findings that decide the class (those of the class itself). */
    public List<Evidence> decisive() {
        return evidence.stream().filter(e -> e.faultClass() == faultClass).toList();
    }

    /** True for an EP-5 whole-network failure. */
    public boolean isWholeNetwork() {
        return scope == Scope.WHOLE_NETWORK;
    }

    /** When the whole-network failure began (earliest whole-network finding), empty if it is not one. */
    public Optional<Instant> wholeNetworkSince() {
        return evidence.stream()
                .filter(e -> e.scope() == Scope.WHOLE_NETWORK)
                .map(Evidence::since)
                .min(Instant::compareTo);
    }

    /**
     * The confirmed outages (a probe or IT) and since when, per place they reach: {@link Area#HOSPITAL} for an
     * EP-5 whole-network failure, a building or floor for a partial one. These run the EP-5.2 ladder.
     */
    public Map<Area, Instant> confirmedOutages() {
        Map<Area, Instant> out = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            if (e.confirmedOutage()) {
                out.merge(e.reach().orElseThrow(), e.since(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return out;
    }

    /** Every Class I finding that reaches a place, confirmed or not, and since when (for IT's override). */
    public Map<Area, Instant> classIReaches() {
        Map<Area, Instant> out = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            if (e.faultClass() == FaultClass.CLASS_I && e.reach().isPresent()) {
                out.merge(e.reach().get(), e.since(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return out;
    }
}
