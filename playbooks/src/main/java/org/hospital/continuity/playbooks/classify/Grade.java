package org.hospital.continuity.playbooks.classify;

import java.util.Objects;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;

/**
 * The effective grade of an incident: the classifier's, or IT's manual override.
 *
 * @param faultClass the class
 * @param scope      the scope
 */
public record Grade(FaultClass faultClass, Scope scope) {

    public Grade {
        Objects.requireNonNull(faultClass, "faultClass");
        Objects.requireNonNull(scope, "scope");
    }

    /** {@code 一类故障 Class I · 网络整体故障 whole network}. */
    public String label() {
        return faultClass.label() + " · " + scope.label();
    }
}
