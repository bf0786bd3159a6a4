package org.hospital.continuity.sync.his;

import java.util.List;

/** What the HIS answered to one visit's write. */
public sealed interface WriteOutcome {

    /**
     * Stored: {@code created} resources are new, {@code existing} were already there (a replay); {@code encounterRef} the
     * HIS encounter the record belongs to (a visit's own), null when none.
     */
    record Written(int created, int existing, String hisPatientRef, List<String> resourceRefs, String encounterRef)
            implements WriteOutcome {
        public Written {
            resourceRefs = List.copyOf(resourceRefs);
        }

        public Written(int created, int existing, String hisPatientRef, List<String> resourceRefs) {
            this(created, existing, hisPatientRef, resourceRefs, null);
        }

        /** True when nothing new was created: the visit had been written before. */
        public boolean replay() {
            return created == 0;
        }
    }

    /** A conditional create matched several HIS resources (412): a person must decide. Nothing stored. */
    record Ambiguous(String detail) implements WriteOutcome {
    }

    /** The HIS refused the content (400/422): a person must correct it. Nothing stored. */
    record Refused(int status, String detail) implements WriteOutcome {
    }

    /** The HIS is unreachable, slow or failing (5xx, 409 from a concurrent write, timeouts): try again later. */
    record Unavailable(String detail) implements WriteOutcome {
    }
}
