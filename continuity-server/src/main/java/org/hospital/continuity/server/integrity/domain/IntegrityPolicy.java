package org.hospital.continuity.server.integrity.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hospital.continuity.playbooks.signal.IntegrityKind;

/**
 * EP-4.1 价表目录被删除或修改: a new import of a guarded dictionary is compared with the current one. Ordinary
 * approved changes (HR-10) pass; an emptied dictionary, a mass deletion or a mass change is held back (kiosks
 * keep the current one) and raises a Class I integrity alarm until IT decides.
 *
 * @param maxDeletedPercent more entries than this share of the current ones deleted is a deletion alarm
 * @param maxChangedPercent more entries than this share changed (price, name, unit) is an alteration alarm
 */
public record IntegrityPolicy(int maxDeletedPercent, int maxChangedPercent) {

    /** What changed between the current snapshot and the import. */
    public record Diff(int deleted, int added, int changed, int previousCount) {
    }

    /** The verdict: accepted, or held with the alarm kind and the reason. */
    public record Verdict(Optional<IntegrityKind> alarm, String reason) {
        public boolean held() {
            return alarm.isPresent();
        }
    }

    public static Diff diff(List<ReferenceItem> current, List<ReferenceItem> next) {
        Map<String, ReferenceItem> before = new HashMap<>();
        current.forEach(i -> before.put(i.code(), i));
        int added = 0;
        int changed = 0;
        for (ReferenceItem i : next) {
            ReferenceItem old = before.remove(i.code());
            if (old == null) {
                added++;
            } else if (old.differsFrom(i)) {
                changed++;
            }
        }
        return new Diff(before.size(), added, changed, current.size());
    }

    public Verdict decide(Catalogue catalogue, Optional<List<ReferenceItem>> current, List<ReferenceItem> next) {
        if (current.isEmpty()) {
            return new Verdict(Optional.empty(), "first snapshot of the " + catalogue.en());
        }
        Diff d = diff(current.get(), next);
        if (next.isEmpty()) {
            return new Verdict(Optional.of(catalogue.deletedKind()), "the " + catalogue.en() + " is empty (EP-4.1)");
        }
        if (d.deleted() * 100L > (long) maxDeletedPercent * d.previousCount()) {
            return new Verdict(Optional.of(catalogue.deletedKind()),
                    d.deleted() + " of " + d.previousCount() + " entries deleted, more than " + maxDeletedPercent + "% (EP-4.1)");
        }
        if (d.changed() * 100L > (long) maxChangedPercent * d.previousCount()) {
            return new Verdict(Optional.of(catalogue.alteredKind()),
                    d.changed() + " of " + d.previousCount() + " entries changed, more than " + maxChangedPercent + "% (EP-4.1)");
        }
        return new Verdict(Optional.empty(), d.deleted() + " deleted, " + d.added() + " added, " + d.changed() + " changed");
    }
}
