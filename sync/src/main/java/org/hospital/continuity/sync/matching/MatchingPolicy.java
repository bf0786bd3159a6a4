package org.hospital.continuity.sync.matching;

import org.hospital.continuity.sync.his.Candidates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.hospital.continuity.sync.matching.ScoreComponent.Field;
import static org.hospital.continuity.sync.matching.ScoreComponent.Outcome;

/**
 * Downtime patient ↔ HIS patients, as a master patient index decides: every candidate the HIS returned is
 * scored (Fellegi–Sunter with term frequencies, {@link Scoring}), and the candidates, "a new patient" and "an HIS
 * patient no block found" are weighed against each other:
 *
 * <pre>
 *   mass(candidate i)  = prior / patients × 2^weight(i)
 *   mass(new patient)  = 1 − prior
 *   mass(not found)    = prior × P(the person escaped every block)      (Blocking.missProbability)
 *   P(x)               = mass(x) / Σ mass
 * </pre>
 *
 * A wrong automatic match writes one person's visit into another person's record, so:
 * <ol>
 *   <li>Nothing is automatic on an incomplete answer ({@code TOO_MANY_CANDIDATES}).</li>
 *   <li>{@code HIS_HOLDS_ID_TWICE}: two HIS patients hold the record's ID number.</li>
 *   <li>Automatic match when the best candidate's probability reaches the match threshold and it contradicts the
 *       record nowhere: no conflict (two valid ID numbers, two sexes) and neither name nor birth date different.</li>
 *   <li>Automatic new patient ({@code NO_CANDIDATE}) when the new-patient probability reaches the new threshold.</li>
 *   <li>Otherwise a proposal for a person, best first, with a reason.</li>
 * </ol>
 */
public final class MatchingPolicy {

    /** A candidate shown to a person when its probability is at least this (or when it is among the best three). */
    public static final double SHOWN_PROBABILITY = 1e-4;

    private MatchingPolicy() {
    }

    /** Decides for {@code record} among the HIS's answer {@code found}; {@code patients} = how many the HIS holds. */
    public static MatchDecision decide(PatientFacts record, Candidates found, long patients, MatchModel model) {
        long n = Math.max(patients, Math.max(1, found.patients().size()));
        Frequencies freq = new RetrievedFrequencies(found, n);
        List<MatchScore> scores = new ArrayList<>(found.patients().size());
        for (PatientFacts c : found.patients()) {
            scores.add(Scoring.score(record, c, model, freq));
        }
        double perPatient = model.prior() / n;
        double newMass = 1 - model.prior();
        double missMass = model.prior() * Blocking.missProbability(record, found.blocks(), model);
        double[] mass = new double[scores.size()];
        double z = newMass + missMass;
        for (int i = 0; i < scores.size(); i++) {
            mass[i] = perPatient * Math.pow(2, scores.get(i).total());
            z += mass[i];
        }
        List<MatchScore> weighed = new ArrayList<>(scores.size());
        for (int i = 0; i < scores.size(); i++) {
            weighed.add(scores.get(i).withProbability(mass[i] / z));
        }
        weighed.sort(Comparator.comparingDouble(MatchScore::total).reversed());
        double pNew = newMass / z;

        if (!found.complete()) {
            return new MatchDecision.Proposed(shown(weighed, 10), "TOO_MANY_CANDIDATES", pNew);
        }
        String validId = record.validNationalId();
        if (validId != null) {
            List<MatchScore> sameId = weighed.stream().filter(s -> s.outcome(Field.NATIONAL_ID) == Outcome.EXACT).toList();
            if (sameId.size() > 1) {
                return new MatchDecision.Proposed(sameId, "HIS_HOLDS_ID_TWICE", pNew);
            }
        }
        MatchScore best = weighed.stream().max(Comparator.comparingDouble(MatchScore::probability)).orElse(null);
        if (best != null && best.probability() >= model.matchThreshold() && !contradicts(record, best) && !familyLike(best)) {
            String why = best.outcome(Field.NATIONAL_ID) == Outcome.EXACT ? "ID_EXACT" : "DEMOGRAPHICS_CERTAIN";
            return new MatchDecision.Matched(best, why, pNew);
        }
        if (pNew >= model.newThreshold()) {
            return new MatchDecision.CreateNew(weighed.stream().limit(3).toList(), "NO_CANDIDATE", pNew);
        }
        List<MatchScore> shown = shown(weighed, 10);
        return new MatchDecision.Proposed(shown, reason(record, best, weighed, pNew), pNew);
    }

    /**
     * True when the candidate contradicts the record in a way no automatic decision may overlook: two valid ID
     * numbers, two sexes, a different name or birth date. A sex or birth date that contradicts the record's own valid
     * ID number (and agrees with the candidate holding that number) is a slip of the pen the ID number explains.
     */
    static boolean contradicts(MatchScore s) {
        return contradicts(null, s);
    }

    static boolean contradicts(PatientFacts record, MatchScore s) {
        boolean explained = record != null && s.outcome(Field.NATIONAL_ID) == Outcome.EXACT && record.validNationalId() != null;
        PatientFacts c = s.candidate();
        boolean sexExplained = explained && NationalId.sex(record.validNationalId()) == c.sex();
        boolean dateExplained = explained && NationalId.birthDate(record.validNationalId()).map(d -> d.equals(c.birthDate())).orElse(false);
        Outcome sex = s.outcome(Field.SEX);
        Outcome date = s.outcome(Field.BIRTH_DATE);
        return s.outcome(Field.NATIONAL_ID) == Outcome.CONFLICT
                || sex == Outcome.CONFLICT && !sexExplained
                || s.outcome(Field.NAME) == Outcome.DIFFERENT
                || (date == Outcome.DIFFERENT || date == Outcome.FAR) && !dateExplained;
    }

    /**
     * Without the same ID number, a name that is only similar (a homophone, one character off) is what twins and
     * siblings look like: same birth date, same family phone, a given name that rhymes. The fields are not
     * independent within a family, so the model's weights overstate the evidence; a person decides.
     */
    static boolean familyLike(MatchScore s) {
        return s.outcome(Field.NATIONAL_ID) != Outcome.EXACT && s.outcome(Field.NAME) != Outcome.EXACT;
    }

    private static String reason(PatientFacts record, MatchScore best, List<MatchScore> weighed, double pNew) {
        if (best == null) {
            return "PROBABLY_NEW";
        }
        if (best.probability() >= 0.5 && (contradicts(record, best) || familyLike(best))) {
            if (best.outcome(Field.NATIONAL_ID) == Outcome.CONFLICT) {
                return "ID_CONFLICT";
            }
            if (best.outcome(Field.NATIONAL_ID) == Outcome.EXACT && best.outcome(Field.NAME) == Outcome.DIFFERENT) {
                return "ID_MATCH_NAME_DIFFERS";
            }
            if (contradicts(record, best)) {
                return "CANDIDATE_CONFLICTS";
            }
            return "NAME_ONLY_SIMILAR";
        }
        long near = weighed.stream().filter(s -> s.probability() >= 0.01).count();
        if (near > 1) {
            return "SEVERAL_CANDIDATES";
        }
        if (pNew > best.probability()) {
            return "PROBABLY_NEW";
        }
        return "NOT_CERTAIN";
    }

    private static List<MatchScore> shown(List<MatchScore> byWeight, int max) {
        List<MatchScore> out = new ArrayList<>();
        for (int i = 0; i < byWeight.size() && out.size() < max; i++) {
            MatchScore s = byWeight.get(i);
            if (i < 3 || s.probability() >= SHOWN_PROBABILITY) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingDouble(MatchScore::probability).reversed());
        return out;
    }
}
