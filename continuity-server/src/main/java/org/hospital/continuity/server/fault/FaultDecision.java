package org.hospital.continuity.server.fault;


/** The outcome of filing a fault report: filed, or rejected by a named clause with a human reason. */
public sealed interface FaultDecision {

    record Filed(FaultReport report) implements FaultDecision {
    }

    record Rejected(String rule, String reason) implements FaultDecision {
    }
}
