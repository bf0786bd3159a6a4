package org.hospital.continuity.playbooks.classify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * One finding of the classifier: which rule, on which signals, gives which class and scope, and why.
 *
 * @param rule        the rule that found it
 * @param clause      the clause that grades it (e.g. EP-4.1, EP-4.4)
 * @param faultClass  the class this finding alone would give
 * @param scope       how far the loss of service reaches
 * @param cause       the EP-4 cause, empty while only a symptom is known (a provisional grade, EP-3.2)
 * @param signalIds   the signals it rests on, in time order (for many reports: the latest few; the explanation
 *                    gives the count)
 * @param since       when the condition began (for an outage: the outage start)
 * @param explanation the finding in words a leader reads
 * @param area        the area the loss of service is confined to, when it is one area (a building's switch)
 */
public record Evidence(
        ClassificationRule rule,
        String clause,
        FaultClass faultClass,
        Scope scope,
        Optional<Cause> cause,
        List<String> signalIds,
        Instant since,
        Bilingual explanation,
        Optional<Area> area) {

    public Evidence {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(faultClass, "faultClass");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cause, "cause");
        signalIds = List.copyOf(signalIds);
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(explanation, "explanation");
        area = area == null ? Optional.empty() : area.filter(a -> !a.isHospital());
    }

    /** A finding confined to no single area. */
    public Evidence(ClassificationRule rule, String clause, FaultClass faultClass, Scope scope, Optional<Cause> cause,
                    List<String> signalIds, Instant since, Bilingual explanation) {
        this(rule, clause, faultClass, scope, cause, signalIds, since, explanation, Optional.empty());
    }

    /** Identifies the finding: the same rule on the same signals is the same finding. */
    public String key() {
        return rule.name() + ":" + String.join(",", signalIds);
    }

    /**
     * The area an outage of this finding reaches: the whole hospital for a whole-network finding, its area for a
     * partial one confined to an area; empty when the finding cuts off no place (one terminal, a subsystem, a
     * catalogue).
     */
    public Optional<Area> reach() {
        if (scope == Scope.WHOLE_NETWORK) {
            return Optional.of(Area.HOSPITAL);
        }
        return scope == Scope.PARTIAL ? area : Optional.empty();
    }

    /**
     * True when the finding is a confirmed Class I outage of a place, which runs the EP-5.2 ladder there: a
     * probe sees the component down, or IT verified the cause (EP-3.2, EP-5.1 "once IT confirms"). Findings
     * seen only in reports are not confirmed.
     */
    public boolean confirmedOutage() {
        return faultClass == FaultClass.CLASS_I && reach().isPresent()
                && (rule == ClassificationRule.COMPONENT_DOWN || rule == ClassificationRule.DIAGNOSED_CAUSE);
    }

    /** {@code [EP-4.1] 一类故障 Class I: …}. */
    public Bilingual line() {
        return Bilingual.of(
                "[" + clause + "] " + faultClass.zh() + ": " + explanation.zh(),
                "[" + clause + "] " + faultClass.en() + ": " + explanation.en());
    }
}
