package org.hospital.continuity.server.writeback.app;

import org.hospital.continuity.server.writeback.OutageFixture;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.sync.simulation.OutageDataSet;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Grades a write-back run against the generated outage's ground truth: every automatic outcome that put a visit
 * on the wrong person, by kind.
 *
 * @param wrongPatient   written under a HIS patient who is someone else
 * @param newForExisting a new patient created for a person the HIS holds
 * @param existingForNew written under a HIS patient for a person the HIS does not hold
 * @param wrongMerge     one created patient holding visits of two people (extra people counted)
 * @param missedMerge    one new person created twice or more (extra patients counted)
 */
record OutageGrading(int visits, int written, int matched, int created, int workbench, int wrongPatient, int newForExisting,
                     int existingForNew, int wrongMerge, int missedMerge, Map<String, Integer> reasons) {

    static OutageGrading of(OutageFixture fx, InMemoryLedger ledger) {
        int wrongPatient = 0, newForExisting = 0, existingForNew = 0, matched = 0, created = 0;
        Map<String, Set<Integer>> peopleOfCreated = new HashMap<>();
        Map<Integer, Set<String>> createdOfPerson = new HashMap<>();
        for (InMemoryLedger.Written w : ledger.writtenVisits().values()) {
            OutageDataSet.Capture c = fx.truth.get(w.visitId());
            String ref = w.outcome().hisPatientRef();
            int person = OutageFixture.personOf(ref);
            if (person == -1) {
                created++;
                peopleOfCreated.computeIfAbsent(ref, k -> new HashSet<>()).add(c.truth().id());
                if (c.personInHis()) {
                    newForExisting++;
                } else {
                    createdOfPerson.computeIfAbsent(c.truth().id(), k -> new HashSet<>()).add(ref);
                }
            } else {
                matched++;
                if (!c.personInHis()) {
                    existingForNew++;
                } else if (person != c.truth().id()) {
                    wrongPatient++;
                }
            }
        }
        int wrongMerge = peopleOfCreated.values().stream().mapToInt(s -> s.size() - 1).sum();
        int missedMerge = createdOfPerson.values().stream().mapToInt(s -> s.size() - 1).sum();
        Map<String, Integer> reasons = new TreeMap<>();
        for (WorkbenchItem i : ledger.items()) {
            if (i.blocking()) {
                String detail = i.detail() == null ? "" : i.detail();
                reasons.merge(i.reason().name() + (detail.matches("[A-Z_]+") ? "/" + detail : ""), 1, Integer::sum);
            }
        }
        int workbench = (int) ledger.items().stream().filter(WorkbenchItem::blocking).map(WorkbenchItem::visitId).distinct().count();
        return new OutageGrading(fx.drafts.size(), ledger.writtenVisits().size(), matched, created, workbench, wrongPatient,
                newForExisting, existingForNew, wrongMerge, missedMerge, reasons);
    }

    int wrong() {
        return wrongPatient + newForExisting + existingForNew + wrongMerge + missedMerge;
    }

    double automaticShare() {
        return written / (double) visits;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d visits: %d automatic (%.2f%%: %d matched, %d new), %d on the workbench %s; "
                        + "wrong: patient %d, new for existing %d, existing for new %d, merge %d, missed merge %d",
                visits, written, 100 * automaticShare(), matched, created, workbench, reasons, wrongPatient, newForExisting,
                existingForNew, wrongMerge, missedMerge);
    }
}
