package org.hospital.continuity.server.reconciliation.domain;

import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.server.writeback.WorkbenchReason;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * EP-8.5 分片包干: the lead splits the workbench queue into parcels per area (department, kiosk) and gives
 * each an owner. EP-8.4: important data is entered the same day the system is back, everything by the
 * end of the next day; progress per parcel is measured against both deadlines.
 */
public final class Parcels {

    /** How the queue is split. */
    public enum SplitBy { DEPARTMENT, KIOSK }

    /** One parcel: its area, its owner (null until assigned) and its items. */
    public record Parcel(String area, String owner, List<WorkbenchItem> items) {
        public Parcel {
            items = List.copyOf(items);
        }

        public Parcel assignedTo(String who) {
            return new Parcel(area, who, items);
        }
    }

    /** Progress of one parcel against the EP-8.4 deadlines. */
    public record Progress(String area, String owner, int total, int done, int important, int importantDone,
                          Instant importantDue, Instant allDue, boolean importantLate, boolean allLate) {
    }

    /** Items that are "important data" (EP-8.4 same day): visits not yet written back — the patient's record is incomplete. */
    public static boolean important(WorkbenchItem i) {
        return i.blocking() && i.reason() != WorkbenchReason.PRICE_DIFFERS;
    }

    private Parcels() {
    }

    /** Splits the queue by area, areas in order. */
    public static List<Parcel> split(List<WorkbenchItem> queue, SplitBy by) {
        Function<WorkbenchItem, String> area = by == SplitBy.DEPARTMENT ? WorkbenchItem::departmentCode : WorkbenchItem::kioskId;
        Map<String, List<WorkbenchItem>> m = new TreeMap<>();
        for (WorkbenchItem i : queue) {
            m.computeIfAbsent(area.apply(i) == null ? "?" : area.apply(i), k -> new ArrayList<>()).add(i);
        }
        List<Parcel> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new Parcel(k, null, v)));
        return out;
    }

    /**
     * Progress of {@code parcel} at {@code now}, the HIS having come back at {@code recoveredAt}: important items
     * due at the end of that day, all items at the end of the next day (hospital time zone {@code zone}).
     */
    public static Progress progress(Parcel parcel, Set<java.util.UUID> resolvedItemIds, Instant recoveredAt, Instant now,
                                    ZoneId zone) {
        LocalDate day = recoveredAt.atZone(zone).toLocalDate();
        Instant importantDue = day.plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(zone).toInstant();
        Instant allDue = day.plusDays(2).atTime(LocalTime.MIDNIGHT).atZone(zone).toInstant();
        int done = 0, important = 0, importantDone = 0;
        for (WorkbenchItem i : parcel.items()) {
            boolean resolved = resolvedItemIds.contains(i.id());
            if (resolved) {
                done++;
            }
            if (important(i)) {
                important++;
                if (resolved) {
                    importantDone++;
                }
            }
        }
        int total = parcel.items().size();
        return new Progress(parcel.area(), parcel.owner(), total, done, important, importantDone, importantDue, allDue,
                importantDone < important && !now.isBefore(importantDue), done < total && !now.isBefore(allDue));
    }
}
