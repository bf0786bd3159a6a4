package org.hospital.continuity.playbooks.classify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;

/**
 * IT on duty asks to set the grade by hand.
 *
 * @param at         when
 * @param by         who (required, HR-2)
 * @param faultClass the class to set
 * @param scope      the scope to set, or empty to keep the classifier's
 * @param reason     why (required, EP-4)
 * @param area       with a partial scope, the area IT confirms is cut off (EP-4.1 局部网络不通)
 */
public record OverrideRequest(Instant at, String by, FaultClass faultClass, Optional<Scope> scope, String reason,
                              Optional<Area> area) {

    public OverrideRequest {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(faultClass, "faultClass");
        Objects.requireNonNull(scope, "scope");
        by = by == null ? "" : by;
        reason = reason == null ? "" : reason;
        area = area == null ? Optional.empty() : area.filter(a -> !a.isHospital());
    }

    /** A request that names no area. */
    public OverrideRequest(Instant at, String by, FaultClass faultClass, Optional<Scope> scope, String reason) {
        this(at, by, faultClass, scope, reason, Optional.empty());
    }
}
