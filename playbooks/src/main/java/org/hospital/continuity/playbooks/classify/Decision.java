package org.hospital.continuity.playbooks.classify;

import java.util.List;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * The outcome of a manual action on the grade: accepted with its events, or rejected by a named clause with
 * a human reason (nothing is thrown, nothing is changed).
 */
public sealed interface Decision {

    /** Accepted: the new state and what to record. */
    record Accepted(GradingState state, List<GradingEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** Rejected: which clause, and why, in both languages. */
    record Rejected(String clause, Bilingual reason) implements Decision {
    }
}
