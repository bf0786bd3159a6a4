package org.hospital.continuity.playbooks.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * Which incident: a stable id (the same on every replay of the same inputs) and its number in the order
 * incidents were opened since the engine started, for people ("incident 2").
 *
 * @param id     {@code I<engine start in epoch milliseconds>-<number, six digits>}; empty for {@link #NONE}
 * @param number 1, 2, …; 0 for {@link #NONE}
 */
public record IncidentRef(String id, int number) {

    /** No incident: an entry about the engine as a whole (a change of circumstances while nothing is open). */
    public static final IncidentRef NONE = new IncidentRef("", 0);

    public IncidentRef {
        Objects.requireNonNull(id, "id");
        if (number < 0) {
            throw new IllegalArgumentException("an incident number is positive");
        }
    }

    /** The n-th incident of an engine started at {@code epoch}. */
    static IncidentRef of(Instant epoch, int number) {
        return new IncidentRef(String.format("I%d-%06d", epoch.toEpochMilli(), number), number);
    }

    /** True for {@link #NONE}. */
    public boolean isNone() {
        return number == 0;
    }

    /** True when {@code reference} names this incident: its id, or its number written in decimal. */
    public boolean matches(String reference) {
        return !isNone() && (id.equals(reference) || Integer.toString(number).equals(reference.trim()));
    }

    @Override
    public String toString() {
        return isNone() ? "-" : "#" + number;
    }
}
