package org.hospital.continuity.sync.matching;

/**
 * One explainable part of a match score: which field, how it compared and the points it gave.
 * The workbench shows these side by side so a person can see why a candidate was proposed.
 */
public record ScoreComponent(Field field, Outcome outcome, int points) {

    /** The compared fields. */
    public enum Field { NATIONAL_ID, NAME, SEX, BIRTH_DATE, PHONE }

    /** How a field compared. */
    public enum Outcome {
        /** Identical on both sides. */
        EXACT,
        /** Nearly identical: one character or digit off, day and month swapped. */
        CLOSE,
        /** Different, but a difference that data entry can explain. */
        DIFFERENT,
        /** Different in a way that excludes the same person (two valid ID numbers, two sexes). */
        CONFLICT,
        /** Missing on one side: no evidence either way. */
        MISSING
    }

    /** A short English line for logs and docs, e.g. {@code NAME EXACT +40}. */
    public String explain() {
        return field + " " + outcome + " " + (points >= 0 ? "+" : "") + points;
    }
}
