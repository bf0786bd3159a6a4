package org.hospital.continuity.sync.matching;

import java.util.OptionalLong;

/**
 * How many HIS patients hold a value (term frequencies), learnt from the HIS itself: the counts its searches
 * reported for the record's name, birth date, phone and ID number, and the number of patients it holds.
 */
public interface Frequencies {

    /** Patients the HIS holds. */
    long patients();

    /** HIS patients holding {@code value} in {@code field}, when known. */
    OptionalLong holders(ScoreComponent.Field field, String value);

    /** No counts known: the model's typical frequencies apply ({@code patients} still sets the prior). */
    static Frequencies unknown(long patients) {
        return new Frequencies() {
            public long patients() {
                return patients;
            }

            public OptionalLong holders(ScoreComponent.Field field, String value) {
                return OptionalLong.empty();
            }
        };
    }
}
