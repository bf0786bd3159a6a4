package org.hospital.continuity.server.writeback;

import org.hospital.continuity.sync.matching.PatientFacts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A downtime visit as captured, codes still the kiosk snapshot's: a registration and the charges made
 * for it. Built from synced journal entries; mapped to a {@code DowntimeVisit} before write-back.
 */
public record VisitDraft(UUID visitId, String incident, String kioskId, String downtimeNumber, PatientFacts patient,
                         String departmentCode, String doctorCode, Instant registeredAt, String operator,
                         String paperFormId, List<Line> lines) {

    public VisitDraft {
        lines = List.copyOf(lines);
    }

    /** A charged line, kiosk codes, price as charged, the unit its quantity counts (null when not known). */
    public record Line(UUID lineId, String kind, String code, String name, int quantity, long unitPriceFen,
                      boolean dispensed, String unit) {

        public Line(UUID lineId, String kind, String code, String name, int quantity, long unitPriceFen, boolean dispensed) {
            this(lineId, kind, code, name, quantity, unitPriceFen, dispensed, null);
        }
    }

    /** The same draft with more lines (a charge entry arrived for it). */
    public VisitDraft plus(List<Line> more) {
        List<Line> all = new java.util.ArrayList<>(lines);
        all.addAll(more);
        return new VisitDraft(visitId, incident, kioskId, downtimeNumber, patient, departmentCode, doctorCode,
                registeredAt, operator, paperFormId, all);
    }
}
