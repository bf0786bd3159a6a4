package org.hospital.continuity.sync.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same person registered at two kiosks (or twice at one) during the same outage, each with a
 * downtime number of its own. Pairs that are certain by the rules of {@link MatchingPolicy} join one
 * group automatically (written back as one patient); pairs that only come near become proposals.
 */
public final class DowntimeDuplicates {

    /** The outcome: groups of records that are one person, and pairs a person must look at. */
    public record Result(List<List<PatientFacts>> groups, List<MatchScore.Pair> proposals) {
    }

    private DowntimeDuplicates() {
    }

    /** Groups {@code records}; quadratic within a block of records sharing a birth date, a name or a valid ID. */
    public static Result group(List<PatientFacts> records) {
        int n = records.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < n; i++) {
            PatientFacts r = records.get(i);
            if (r.validNationalId() != null) {
                blocks.computeIfAbsent("id:" + r.validNationalId(), k -> new ArrayList<>()).add(i);
            }
            if (r.name() != null) {
                blocks.computeIfAbsent("name:" + r.name(), k -> new ArrayList<>()).add(i);
            }
            if (r.birthDate() != null) {
                blocks.computeIfAbsent("dob:" + r.birthDate(), k -> new ArrayList<>()).add(i);
            }
        }
        List<MatchScore.Pair> proposals = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (List<Integer> block : blocks.values()) {
            for (int x = 0; x < block.size(); x++) {
                for (int y = x + 1; y < block.size(); y++) {
                    int i = block.get(x);
                    int j = block.get(y);
                    if (!seen.add((long) Math.min(i, j) * n + Math.max(i, j))) {
                        continue;
                    }
                    MatchScore s = Scoring.score(records.get(i), records.get(j));
                    if (certain(s)) {
                        union(parent, i, j);
                    } else if (s.total() >= MatchingPolicy.PROPOSAL_THRESHOLD) {
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

    private static boolean certain(MatchScore s) {
        if (s.outcome(ScoreComponent.Field.NATIONAL_ID) == ScoreComponent.Outcome.EXACT) {
            return s.outcome(ScoreComponent.Field.NAME) == ScoreComponent.Outcome.EXACT && !s.hasConflict();
        }
        return MatchingPolicy.demographicsExact(s);
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
