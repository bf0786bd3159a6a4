package org.hospital.continuity.playbooks.ladder;

import java.util.Objects;
import java.util.Set;
import org.hospital.continuity.playbooks.party.Party;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * What one context modifier does to the ladder (EP-5.1).
 *
 * @param modifier         which circumstance
 * @param thresholdPercent every threshold becomes this share of its normal value (1–100; 100 leaves it alone)
 * @param alsoNotify       parties told in addition at every step
 * @param rationale        why, for the documentation and the timeline
 */
public record ModifierPolicy(ContextModifier modifier, int thresholdPercent, Set<Party> alsoNotify, Bilingual rationale) {

    /** The smallest share allowed: a threshold is never pulled below a tenth of the plan's. */
    public static final int MIN_PERCENT = 10;
    /** A share of 100 leaves the threshold as the plan says. */
    public static final int FULL_PERCENT = 100;

    public ModifierPolicy {
        Objects.requireNonNull(modifier, "modifier");
        if (thresholdPercent < MIN_PERCENT || thresholdPercent > FULL_PERCENT) {
            throw new IllegalArgumentException("thresholdPercent must be within " + MIN_PERCENT + ".." + FULL_PERCENT
                    + ", was " + thresholdPercent);
        }
        alsoNotify = Set.copyOf(alsoNotify);
        Objects.requireNonNull(rationale, "rationale");
    }
}
