package org.hospital.continuity.playbooks.classify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;

/**
 * A manual grade set by IT on duty, with its mandatory reason (EP-4: every change is recorded with who made
 * it and why; HR-8). It holds until lifted, or until new evidence more severe than the override arrives: the
 * override covers the evidence IT saw ({@code acknowledged}), not evidence that came after.
 *
 * @param at           when it was set
 * @param by           who set it (IT on duty)
 * @param faultClass   the class IT sets
 * @param scope        the scope IT sets; empty keeps the classifier's (e.g. IT confirms a whole-network failure, EP-5.1)
 * @param reason       why; never blank
 * @param acknowledged keys of the evidence that held when it was set
 * @param area         with a partial scope: the area IT confirms is cut off (its ladder runs, EP-5.2)
 */
public record Override(Instant at, String by, FaultClass faultClass, Optional<Scope> scope, String reason,
                       Set<String> acknowledged, Optional<Area> area) {

    public Override {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(faultClass, "faultClass");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(reason, "reason");
        acknowledged = Set.copyOf(acknowledged);
        area = area == null ? Optional.empty() : area.filter(a -> !a.isHospital());
    }

    /** An override that names no area. */
    public Override(Instant at, String by, FaultClass faultClass, Optional<Scope> scope, String reason, Set<String> acknowledged) {
        this(at, by, faultClass, scope, reason, acknowledged, Optional.empty());
    }
}
