package org.hospital.continuity.sync.matching;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import static org.hospital.continuity.sync.matching.ScoreComponent.Field;
import static org.hospital.continuity.sync.matching.ScoreComponent.Outcome;

/**
 * Downtime patient ↔ HIS patients. A wrong automatic match writes one person's visit into another
 * person's record, so a match is automatic only when it is certain; everything else is a proposal
 * for a person on the workbench (EP-8.4 back-entry).
 *
 * <ol>
 *   <li>{@code ID_EXACT}: the record's resident ID number passes its check character, exactly one HIS
 *       patient holds it, the names are identical and no field conflicts; or ({@code ID_EXACT_NAME_TYPO}) one
 *       character of the given name is off while sex, birth date and phone are identical.</li>
 *   <li>{@code DEMOGRAPHICS_EXACT}: name, sex, date of birth and phone all identical on exactly one
 *       candidate, its ID number does not contradict the record's (missing, equal, or one typo away),
 *       and no other candidate comes within the proposal threshold. Twins share birth date, surname
 *       and often the parents' phone, but not the given name.</li>
 *   <li>{@code NO_CANDIDATE}: nobody scores {@value #PROPOSAL_THRESHOLD} or more, and nobody is identical but for
 *       a second valid ID number ({@code ID_CONFLICT}, proposed) → create a new patient.</li>
 *   <li>Otherwise {@code Proposed}, best first, with a reason.</li>
 * </ol>
 */
public final class MatchingPolicy {

    /** A candidate scoring this or more is someone a person must look at. */
    public static final int PROPOSAL_THRESHOLD = 45;

    private MatchingPolicy() {
    }

    /** Decides for {@code record} among the HIS's {@code candidates} (the HIS search result; may hold strangers). */
    public static MatchDecision decide(PatientFacts record, List<PatientFacts> candidates) {
        List<MatchScore> scores = candidates.stream()
                .map(c -> Scoring.score(record, c))
                .sorted(Comparator.comparingInt(MatchScore::total).reversed())
                .collect(Collectors.toList());

        String validId = record.validNationalId();
        if (validId != null) {
            List<MatchScore> sameId = scores.stream()
                    .filter(s -> s.outcome(Field.NATIONAL_ID) == Outcome.EXACT).collect(Collectors.toList());
            if (sameId.size() > 1) {
                return new MatchDecision.Proposed(sameId, "HIS_HOLDS_ID_TWICE");
            }
            if (sameId.size() == 1) {
                MatchScore s = sameId.get(0);
                if (s.outcome(Field.NAME) == Outcome.EXACT && !s.hasConflict()) {
                    return new MatchDecision.Matched(s, "ID_EXACT");
                }
                if (s.outcome(Field.NAME) == Outcome.CLOSE && s.outcome(Field.SEX) == Outcome.EXACT
                        && s.outcome(Field.BIRTH_DATE) == Outcome.EXACT && s.outcome(Field.PHONE) == Outcome.EXACT) {
                    // one character of the given name off, everything else identical: a typo, not another person
                    return new MatchDecision.Matched(s, "ID_EXACT_NAME_TYPO");
                }
                return new MatchDecision.Proposed(scores.stream().filter(x -> x.total() >= PROPOSAL_THRESHOLD || x == s)
                        .collect(Collectors.toList()), "ID_MATCH_NAME_DIFFERS");
            }
        }

        List<MatchScore> near = scores.stream().filter(s -> s.total() >= PROPOSAL_THRESHOLD).collect(Collectors.toList());
        List<MatchScore> allExact = near.stream().filter(MatchingPolicy::demographicsExact).collect(Collectors.toList());
        if (allExact.size() == 1 && near.size() == 1) {
            return new MatchDecision.Matched(allExact.get(0), "DEMOGRAPHICS_EXACT");
        }
        if (near.isEmpty()) {
            // Everything identical but two valid ID numbers: one of them may be miswritten; a person decides.
            List<MatchScore> idOnly = scores.stream().filter(MatchingPolicy::allButIdExact).collect(Collectors.toList());
            if (!idOnly.isEmpty()) {
                return new MatchDecision.Proposed(idOnly, "ID_CONFLICT");
            }
            return new MatchDecision.CreateNew(scores.stream().limit(3).collect(Collectors.toList()), "NO_CANDIDATE");
        }
        if (allExact.size() > 1) {
            return new MatchDecision.Proposed(near, "SEVERAL_EXACT_CANDIDATES");
        }
        if (!allExact.isEmpty()) {
            return new MatchDecision.Proposed(near, "OTHER_CANDIDATES_NEAR");
        }
        return new MatchDecision.Proposed(near, near.get(0).hasConflict() ? "CANDIDATE_CONFLICTS" : "NOT_CERTAIN");
    }

    private static boolean allButIdExact(MatchScore s) {
        return s.outcome(Field.NAME) == Outcome.EXACT && s.outcome(Field.SEX) == Outcome.EXACT
                && s.outcome(Field.BIRTH_DATE) == Outcome.EXACT && s.outcome(Field.PHONE) == Outcome.EXACT;
    }

    /** Name, sex, birth date and phone identical, and the ID number does not contradict. */
    static boolean demographicsExact(MatchScore s) {
        Outcome id = s.outcome(Field.NATIONAL_ID);
        return s.outcome(Field.NAME) == Outcome.EXACT
                && s.outcome(Field.SEX) == Outcome.EXACT
                && s.outcome(Field.BIRTH_DATE) == Outcome.EXACT
                && s.outcome(Field.PHONE) == Outcome.EXACT
                && (id == Outcome.MISSING || id == Outcome.EXACT || id == Outcome.CLOSE);
    }
}
