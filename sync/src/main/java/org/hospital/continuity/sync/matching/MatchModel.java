package org.hospital.continuity.sync.matching;

import java.util.EnumMap;
import java.util.Map;

import static org.hospital.continuity.sync.matching.ScoreComponent.Field;
import static org.hospital.continuity.sync.matching.ScoreComponent.Outcome;

/**
 * The parameters of the Fellegi–Sunter model matching uses, with the reasoning in docs/writeback.md.
 *
 * <p>Per field and agreement level: {@code m} = P(level | same person, both present) and {@code u} =
 * P(level | two different people, both present). An exact agreement's {@code u} is replaced by the value's
 * term frequency in the HIS (holders / patients, as Splink does) when the HIS told us how many patients
 * hold it; {@code typicalExactU} is used otherwise and is the reference for "common" / "rare".
 *
 * <p>{@code prior}: the share of downtime registrations that are patients the HIS already holds. The prior
 * that a registration is one particular HIS patient is {@code prior / patients}; that it is a new patient,
 * {@code 1 - prior}.
 *
 * <p>{@code matchThreshold} / {@code newThreshold}: the posterior probability an automatic match / an
 * automatic new patient needs. Everything in between goes to a person.
 */
public record MatchModel(double prior, double matchThreshold, double newThreshold, Map<Field, FieldModel> fields) {

    /**
     * One field's levels ({@code m}, {@code u}), the typical {@code u} of an exact agreement, how often the HIS lacks
     * the field, and {@code tfScale}: the exact agreement's {@code u} is the value's frequency times this (1 for names,
     * dates and phones, which people share; for ID numbers, which nobody shares, the chance that a registration was
     * made on another person's card).
     */
    public record FieldModel(Map<Outcome, double[]> levels, double typicalExactU, double hisMissing, double tfScale) {
        public double m(Outcome o) {
            return levels.get(o)[0];
        }

        public double u(Outcome o) {
            return o == Outcome.EXACT ? typicalExactU : levels.get(o)[1];
        }
    }

    public MatchModel {
        fields = Map.copyOf(fields);
    }

    /** The defaults (docs/writeback.md, "The matching model"). */
    public static MatchModel defaults() {
        Map<Field, FieldModel> f = new EnumMap<>(Field.class);
        // A valid ID number held by the HIS is nearly always the person's; two valid, different numbers almost never are.
        f.put(Field.NATIONAL_ID, field(1e-8, 0.10, 0.002,
                Outcome.EXACT, 0.97, 0,
                Outcome.CLOSE, 0.02, 1e-5,
                Outcome.CONFLICT, 0.001, 0.999,
                Outcome.DIFFERENT, 0.009, 0.99999));
        // Names: exact agreement weighed by the name's frequency; a homophone is the commonest slip of a spoken name.
        f.put(Field.NAME, field(5e-4, 0.0, 1,
                Outcome.EXACT, 0.95, 0,
                Outcome.HOMOPHONE, 0.025, 0.002,
                Outcome.CLOSE, 0.015, 0.01,
                Outcome.DIFFERENT, 0.01, 0.97));
        f.put(Field.SEX, field(0.5, 0.0, 1,
                Outcome.EXACT, 0.995, 0.5,
                Outcome.CONFLICT, 0.005, 0.5));
        // About 30,000 possible birth dates; an exact agreement weighed by how many HIS patients share the date.
        f.put(Field.BIRTH_DATE, field(1.0 / 30_000, 0.01, 1,
                Outcome.EXACT, 0.962, 0,
                Outcome.CLOSE, 0.03, 0.001,
                Outcome.DIFFERENT, 0.007, 0.11,
                Outcome.FAR, 0.001, 0.889));
        // People change phones (no strong evidence against); family members share one (term frequency).
        f.put(Field.PHONE, field(1e-5, 0.03, 1,
                Outcome.EXACT, 0.85, 0,
                Outcome.CLOSE, 0.02, 5e-4,
                Outcome.DIFFERENT, 0.13, 0.9995));
        return new MatchModel(0.9, 0.999, 0.99, f);
    }

    private static FieldModel field(double typicalExactU, double hisMissing, double tfScale, Object... levels) {
        Map<Outcome, double[]> m = new EnumMap<>(Outcome.class);
        for (int i = 0; i < levels.length; i += 3) {
            m.put((Outcome) levels[i], new double[]{((Number) levels[i + 1]).doubleValue(), ((Number) levels[i + 2]).doubleValue()});
        }
        m.put(Outcome.MISSING, new double[]{1, 1});
        return new FieldModel(m, typicalExactU, hisMissing, tfScale);
    }

    /** The same model with other thresholds and prior (settings). */
    public MatchModel with(double prior, double matchThreshold, double newThreshold) {
        return new MatchModel(prior, matchThreshold, newThreshold, fields);
    }

    public FieldModel field(Field f) {
        return fields.get(f);
    }

    /** Bits of evidence of a level; for an exact agreement with a known frequency, {@code u} = that frequency. */
    public double weight(Field f, Outcome o, double exactU) {
        FieldModel fm = fields.get(f);
        if (o == Outcome.MISSING) {
            return 0;
        }
        double u = o == Outcome.EXACT ? exactU : fm.u(o);
        return log2(fm.m(o) / u);
    }

    /**
     * The evidence of an HIS patient matching never read, of whom we know only that the field's level is one of
     * {@code allowed}: the likelihood ratio summed over those levels, the HIS's missing values included
     * ({@code (q + (1-q) Σm) / (q + (1-q) Σu)}).
     */
    public double marginalRatio(Field f, java.util.Set<Outcome> allowed) {
        FieldModel fm = fields.get(f);
        double q = fm.hisMissing();
        double m = 0;
        double u = 0;
        for (Outcome o : allowed) {
            if (o != Outcome.MISSING && fm.levels().containsKey(o)) {
                m += fm.m(o);
                u += fm.u(o);
            }
        }
        double den = q + (1 - q) * u;
        return den == 0 ? 0 : (q + (1 - q) * m) / den;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
