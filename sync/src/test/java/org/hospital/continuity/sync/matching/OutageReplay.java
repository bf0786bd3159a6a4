package org.hospital.continuity.sync.matching;

import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.simulation.InMemoryHis;
import org.hospital.continuity.sync.simulation.OutageDataSet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plays a generated outage through matching as write-back does (in capture order; a new patient created is
 * found by later registrations; same-outage groups only checked for agreement; near duplicates held before a
 * new patient is created) against an in-memory HIS, and grades every automatic outcome against the ground truth.
 */
final class OutageReplay {

    /** The graded outcome of one run. */
    record Tally(int visits, int matched, int created, int workbench, int wrongPatient, int newForExisting,
                 int existingForNew, int wrongMerge, int missedMerge, Map<String, Integer> workbenchReasons,
                 Map<OutageDataSet.Slip, Integer> workbenchSlips, long matchingNanos, List<String> wrongDetails) {

        int wrong() {
            return wrongPatient + newForExisting + existingForNew + wrongMerge + missedMerge;
        }

        double automaticShare() {
            return (matched + created) / (double) visits;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "visits=%d matched=%d created=%d workbench=%d (%.2f%% automatic) wrong: patient=%d newForExisting=%d "
                            + "existingForNew=%d merge=%d missedMerge=%d; reasons=%s slips=%s; %s",
                    visits, matched, created, workbench, 100 * automaticShare(), wrongPatient, newForExisting, existingForNew,
                    wrongMerge, missedMerge, workbenchReasons, workbenchSlips, wrongDetails);
        }
    }

    private OutageReplay() {
    }

    static Tally run(OutageDataSet data) {
        return run(data, Blocking.defaults(), MatchModel.defaults());
    }

    static Tally run(OutageDataSet data, Blocking blocking, MatchModel model) {
        List<PatientFacts> hisFacts = new ArrayList<>();
        Map<String, Integer> personOf = new HashMap<>();
        for (OutageDataSet.HisPatient h : data.his()) {
            hisFacts.add(h.facts());
            personOf.put(h.facts().ref(), h.person().id());
        }
        InMemoryHis his = new InMemoryHis(hisFacts);
        PatientMatcher matcher = new PatientMatcher(his, blocking, model);

        List<PatientFacts> records = data.captures().stream().map(OutageDataSet.Capture::facts).toList();
        DowntimeDuplicates.Result dup = DowntimeDuplicates.group(records);
        Map<String, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < dup.groups().size(); g++) {
            for (PatientFacts f : dup.groups().get(g)) {
                if (dup.groups().get(g).size() > 1) {
                    groupOf.put(f.ref(), g);
                }
            }
        }
        Map<String, List<String>> near = new HashMap<>();
        for (MatchScore.Pair p : dup.proposals()) {
            near.computeIfAbsent(p.record().ref(), k -> new ArrayList<>()).add(p.score().candidate().ref());
            near.computeIfAbsent(p.score().candidate().ref(), k -> new ArrayList<>()).add(p.record().ref());
        }

        Map<Integer, String> writtenForGroup = new HashMap<>();
        Set<Integer> seenInGroup = new java.util.HashSet<>();
        Map<String, Integer> createdFor = new HashMap<>();   // created ref → person
        Map<Integer, String> createdRefOf = new HashMap<>(); // person → first created ref
        int matched = 0, created = 0, workbench = 0, wrongPatient = 0, newForExisting = 0, existingForNew = 0, wrongMerge = 0,
                missedMerge = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        Map<OutageDataSet.Slip, Integer> slips = new EnumMap<>(OutageDataSet.Slip.class);
        List<String> wrongDetails = new ArrayList<>();
        long nanos = 0;
        int nextNew = 0;
        for (OutageDataSet.Capture c : data.captures()) {
            PatientFacts q = c.facts();
            Candidates found = matcher.candidates(q);
            long t0 = System.nanoTime();
            MatchDecision d = matcher.decide(q, found, his.patientCount(), Set.of());
            nanos += System.nanoTime() - t0;
            Integer group = groupOf.get(q.ref());
            String ofGroup = group == null ? null : writtenForGroup.get(group);
            String ref = null;
            String why = null;
            boolean earlierWaiting = group != null && ofGroup == null && seenInGroup.contains(group);
            String groupSays = DowntimeDuplicates.groupCheck(d, ofGroup, earlierWaiting);
            if (group != null) {
                seenInGroup.add(group);
            }
            if (groupSays != null) {
                why = groupSays;
            } else if (d instanceof MatchDecision.Matched m) {
                ref = m.hisPatientRef();
            } else if (d instanceof MatchDecision.CreateNew) {
                if (near.containsKey(q.ref())) {
                    why = "POSSIBLE_DUPLICATE";
                } else {
                    ref = "Patient/new-" + nextNew++;
                    his.add(new PatientFacts(ref, q.name(), q.sex(), q.birthDate(), q.phone(), q.nationalId()));
                    createdFor.put(ref, c.truth().id());
                    String first = createdRefOf.putIfAbsent(c.truth().id(), ref);
                    created++;
                    if (c.personInHis()) {
                        newForExisting++;
                        wrongDetails.add("new for existing " + c.slips() + " " + d);
                    } else if (first != null) {
                        missedMerge++;
                        wrongDetails.add("missed merge " + c.slips());
                    }
                }
            } else {
                why = d.reason();
            }
            if (why != null) {
                workbench++;
                reasons.merge(why, 1, Integer::sum);
                if (Boolean.getBoolean("replay.verbose")) {
                    System.out.println("WB " + why + " inHis=" + c.personInHis() + " " + c.slips() + " pNew=" + d.newPatientProbability()
                            + " rec=" + q + "\n   " + (d instanceof MatchDecision.Proposed p ? p.candidates().stream().limit(3)
                            .map(x -> x.candidate().ref() + (personOf.getOrDefault(x.candidate().ref(), -1) == c.truth().id() ? "*" : "")
                                    + " " + x.explain()).toList() : List.of()));
                }
                c.slips().forEach(s -> slips.merge(s, 1, Integer::sum));
                continue;
            }
            if (group != null) {
                writtenForGroup.putIfAbsent(group, ref);
            }
            if (d instanceof MatchDecision.Matched) {
                matched++;
                Integer person = personOf.get(ref);
                if (person != null) {
                    if (!c.personInHis()) {
                        existingForNew++;
                        wrongDetails.add("existing for new " + c.slips() + " " + d);
                    } else if (person != c.truth().id()) {
                        wrongPatient++;
                        wrongDetails.add("wrong patient " + c.slips() + " " + d);
                    }
                } else {
                    Integer createdPerson = createdFor.get(ref);
                    if (createdPerson != c.truth().id()) {
                        wrongMerge++;
                        wrongDetails.add("wrong merge " + c.slips() + " " + d);
                    } else if (c.personInHis()) {
                        newForExisting++; // only possible after an earlier wrong creation
                    }
                }
            }
        }
        return new Tally(data.captures().size(), matched, created, workbench, wrongPatient, newForExisting, existingForNew,
                wrongMerge, missedMerge, reasons, slips, nanos, wrongDetails);
    }
}
