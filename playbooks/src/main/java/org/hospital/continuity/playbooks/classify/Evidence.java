package org.hospital.continuity.playbooks.classify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * @param signalIds   the signals it rests on, in time order
 * @param since       when the condition began (for a whole-network finding: the outage start)
 * @param explanation the finding in words a leader reads
 */
public record Evidence(
        ClassificationRule rule,
        String clause,
        FaultClass faultClass,
        Scope scope,
        Optional<Cause> cause,
        List<String> signalIds,
        Instant since,
        Bilingual explanation) {

    public Evidence {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(faultClass, "faultClass");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cause, "cause");
        signalIds = List.copyOf(signalIds);
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Identifies the finding: the same rule on the same signals is the same finding. */
    public String key() {
        return rule.name() + ":" + String.join(",", signalIds);
    }

    /** {@code [EP-4.1] 一类故障 Class I: …}. */
    public Bilingual line() {
        return Bilingual.of(
                "[" + clause + "] " + faultClass.zh() + ": " + explanation.zh(),
                "[" + clause + "] " + faultClass.en() + ": " + explanation.en());
    }
}
