package org.hospital.continuity.sync.matching;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Locale;

/**
 * One explainable part of a match score: which field, how it compared (the agreement level) and the
 * evidence it gave, as a Fellegi–Sunter match weight in bits: {@code log2(m / u)}, where {@code m} is the
 * chance of this level when the two are the same person and {@code u} the chance when they are not. For an
 * exact agreement {@code u} is the share of HIS patients holding the value (term frequency), so agreeing on
 * 王伟 weighs less than agreeing on a rare name; {@code tfAdjustment} says by how much the value's frequency
 * moved the weight from the field's typical one (negative: a common value).
 *
 * @param field        the compared field
 * @param outcome      the agreement level
 * @param weight       evidence in bits (positive: for the same person; negative: against)
 * @param tfAdjustment bits added by the value's frequency in the HIS (0 when not applied)
 * @param sharedBy     HIS patients holding the agreed value, or -1 when not known or not an exact agreement
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScoreComponent(Field field, Outcome outcome, @JsonAlias("points") double weight, double tfAdjustment,
                             long sharedBy) {

    /** Bits of term-frequency adjustment from which a value counts as common (or, positive, as rare). */
    public static final double NOTABLE_FREQUENCY_BITS = 2.0;

    /** The compared fields. */
    public enum Field { NATIONAL_ID, NAME, SEX, BIRTH_DATE, PHONE }

    /** How a field compared. */
    public enum Outcome {
        /** Identical on both sides. */
        EXACT,
        /** Names only: written with other characters of the same sound (同音字), 王伟 / 汪玮. */
        HOMOPHONE,
        /** Nearly identical: one character or digit off, two neighbours swapped, day and month swapped, a day apart. */
        CLOSE,
        /** Different, but a difference that data entry or time can explain (a new phone, a birth date a few years off). */
        DIFFERENT,
        /** Birth dates only: more than five years apart (and no slip of a digit explains it). */
        FAR,
        /** Different in a way that (almost) excludes the same person: two valid ID numbers, two sexes. */
        CONFLICT,
        /** Missing on one side: no evidence either way. */
        MISSING
    }

    /** A component without frequency information. */
    public ScoreComponent(Field field, Outcome outcome, double weight) {
        this(field, outcome, weight, 0, -1);
    }

    /** True when the agreed value is held by many HIS patients (weaker evidence than usual). */
    public boolean commonValue() {
        return tfAdjustment <= -NOTABLE_FREQUENCY_BITS;
    }

    /** True when the agreed value is rarer than usual in the HIS (stronger evidence). */
    public boolean rareValue() {
        return tfAdjustment >= NOTABLE_FREQUENCY_BITS;
    }

    /** A short English line for logs and docs, e.g. {@code NAME EXACT +6.2 (common, 230 holders)}. */
    public String explain() {
        String w = String.format(Locale.ROOT, "%+.1f", weight);
        String f = commonValue() ? " (common, " + sharedBy + " holders)" : rareValue() ? " (rare)" : "";
        return field + " " + outcome + " " + w + f;
    }
}
