package org.hospital.continuity.sync.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hospital.continuity.sync.matching.ScoreComponent.Field;
import static org.hospital.continuity.sync.matching.ScoreComponent.Outcome;

/**
 * The same person registered at two kiosks (or twice at one) during the same outage, each with a downtime
 * number of its own. Pairs that are certainly one person join one group; pairs that only come near become
 * proposals.
 *
 * <p>A group never decides between HIS patients: each registration is still matched on its own, and write-back
 * only checks that a group's members agree (the same HIS patient, or one new patient for all). Registrations
 * equal on name, sex, birth date and phone may be twins the HIS holds separately; when their own matches differ or
 * cannot be decided, a person decides.
 */
public final class DowntimeDuplicates {

    /** Pair weight (bits, {@link Scoring} with the default model) from which two registrations are shown as a possible duplicate. */
    public static final double NEAR_WEIGHT = 10.0;

    /** The outcome: groups of records that are one person, and pairs a person must look at. */
    public record Result(List<List<PatientFacts>> groups, List<MatchScore.Pair> proposals) {
    }

    private DowntimeDuplicates() {
    }

    /**
     * Groups {@code records}; quadratic only within a block of records sharing an ID number, a name, the sound of
     * a name, a birth date or a phone.
     */
    public static Result group(List<PatientFacts> records) {
        int n = records.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < n; i++) {
            PatientFacts r = records.get(i);
            if (r.nationalId() != null) {
                block(blocks, "id:" + (r.validNationalId() != null ? r.validNationalId() : r.nationalId()), i);
            }
            if (r.name() != null) {
                block(blocks, "name:" + r.name(), i);
                block(blocks, "sound:" + sound(r.name()), i);
            }
            if (r.birthDate() != null) {
                block(blocks, "dob:" + r.birthDate(), i);
            }
            if (r.phone() != null) {
                block(blocks, "phone:" + r.phone(), i);
            }
        }
        List<MatchScore.Pair> proposals = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        MatchModel model = MatchModel.defaults();
        Frequencies none = Frequencies.unknown(1);
        for (List<Integer> block : blocks.values()) {
            if (block.size() > 200) {
                continue; // a value shared by hundreds (a placeholder phone) links nobody; other blocks still do
            }
            for (int x = 0; x < block.size(); x++) {
                for (int y = x + 1; y < block.size(); y++) {
                    int i = block.get(x);
                    int j = block.get(y);
                    if (!seen.add((long) Math.min(i, j) * n + Math.max(i, j))) {
                        continue;
                    }
                    MatchScore s = Scoring.score(records.get(i), records.get(j), model, none);
                    if (certain(s)) {
                        union(parent, i, j);
                    } else if (s.total() >= NEAR_WEIGHT && !MatchingPolicy.contradicts(s)) {
                        proposals.add(new MatchScore.Pair(records.get(i), s));
                    }
                }
            }
        }
        Map<Integer, List<PatientFacts>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(records.get(i));
        }
        // A proposal between two records already in one group is settled.
        List<MatchScore.Pair> open = new ArrayList<>();
        Map<String, Integer> rootOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            rootOf.put(records.get(i).ref(), find(parent, i));
        }
        for (MatchScore.Pair p : proposals) {
            if (!rootOf.get(p.record().ref()).equals(rootOf.get(p.score().candidate().ref()))) {
                open.add(p);
            }
        }
        return new Result(new ArrayList<>(byRoot.values()), open);
    }

    /**
     * True when a registration's own decision disagrees with the HIS patient already written for another member of
     * its automatic group ({@code writtenForGroup}, null when none yet): matched to another HIS patient, or "new
     * patient" although the group's person is already written. The group then goes to a person; it never decides.
     */
    public static boolean groupDisagrees(MatchDecision own, String writtenForGroup) {
        if (writtenForGroup == null) {
            return false;
        }
        if (own instanceof MatchDecision.Matched m) {
            return !m.hisPatientRef().equals(writtenForGroup);
        }
        return own instanceof MatchDecision.CreateNew;
    }

    /**
     * What a group says about a registration's own decision: null when it may go ahead; {@code GROUP_DISAGREES} (see
     * {@link #groupDisagrees}); or {@code GROUP_WAITING} when it would create a new patient while an earlier member of
     * its group is not written (waiting for a person): only one registration of a person creates the patient, the
     * others find it, so the person is never created twice.
     */
    public static String groupCheck(MatchDecision own, String writtenForGroup, boolean earlierMemberUnwritten) {
        if (groupDisagrees(own, writtenForGroup)) {
            return "GROUP_DISAGREES";
        }
        if (own instanceof MatchDecision.CreateNew && writtenForGroup == null && earlierMemberUnwritten) {
            return "GROUP_WAITING";
        }
        return null;
    }

    private static void block(Map<String, List<Integer>> blocks, String key, int i) {
        blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }

    /** The name as sounds: the first reading of each character (homophones share it, or a neighbouring block does). */
    private static String sound(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            b.append(NamePinyin.readings(c).stream().sorted().findFirst().orElse("?")).append(' ');
        }
        return b.toString();
    }

    /**
     * Certainly one person: the same valid ID number with the name equal, a homophone or one character off and
     * nothing contradicting; or, without two ID numbers to compare, name, sex, birth date and phone all identical.
     */
    static boolean certain(MatchScore s) {
        Outcome id = s.outcome(Field.NATIONAL_ID);
        if (id == Outcome.EXACT) {
            Outcome name = s.outcome(Field.NAME);
            return (name == Outcome.EXACT || name == Outcome.HOMOPHONE || name == Outcome.CLOSE) && !MatchingPolicy.contradicts(s);
        }
        return id != Outcome.CONFLICT
                && s.outcome(Field.NAME) == Outcome.EXACT
                && s.outcome(Field.SEX) == Outcome.EXACT
                && s.outcome(Field.BIRTH_DATE) == Outcome.EXACT
                && s.outcome(Field.PHONE) == Outcome.EXACT;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        p[find(p, a)] = find(p, b);
    }
}
