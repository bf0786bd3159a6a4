package org.hospital.continuity.sync.his;

import org.hospital.continuity.sync.matching.PatientFacts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One downtime visit ready to write back, every code already mapped to the HIS's: the
 * registration with its patient, the orders, dispenses and charges captured for it, and where it
 * came from (kiosk, operator, breakpoint, paper form) for the Provenance.
 *
 * @param visitId       the registration's stream UUID, the business identifier of the encounter
 * @param downtimeNumber the downtime patient number (pre-allocated block, EP-6.1.1)
 * @param patient       the patient as captured
 * @param hisPatientRef the HIS patient chosen by matching or on the workbench, or {@code null} to create one
 * @param departmentCode HIS department code
 * @param doctorCode    HIS practitioner code, may be null
 * @param registeredAt  when the registration was captured
 * @param kioskId       the kiosk that captured it
 * @param operator      the staff account that captured it
 * @param breakpoint    the incident/breakpoint the downtime records belong to (EP-8.4)
 * @param paperFormId   the paper form number, if one was filled
 * @param lines         orders, dispenses and charges
 */
public record DowntimeVisit(UUID visitId, String downtimeNumber, PatientFacts patient, String hisPatientRef,
                            String departmentCode, String doctorCode, Instant registeredAt, String kioskId,
                            String operator, String breakpoint, String paperFormId, List<Line> lines) {

    public DowntimeVisit {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(downtimeNumber, "downtimeNumber");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(departmentCode, "departmentCode");
        Objects.requireNonNull(registeredAt, "registeredAt");
        lines = List.copyOf(lines);
    }

    /**
     * One charged line: an item (examination, test, procedure → ServiceRequest) or a drug (MedicationRequest, dispense);
     * {@code unit} the unit its quantity counts (盒, 次 …, as the catalogue has it), null when not known.
     */
    public record Line(UUID lineId, Kind kind, String hisCode, String name, int quantity, long unitPriceFen,
                       boolean dispensed, String unit) {
        public Line {
            Objects.requireNonNull(lineId, "lineId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(hisCode, "hisCode");
        }

        /** A line whose unit is not known. */
        public Line(UUID lineId, Kind kind, String hisCode, String name, int quantity, long unitPriceFen, boolean dispensed) {
            this(lineId, kind, hisCode, name, quantity, unitPriceFen, dispensed, null);
        }

        public long amountFen() {
            return unitPriceFen * quantity;
        }
    }

    /** What a line is. */
    public enum Kind { ITEM, DRUG, FEE }

    /** The same visit with the HIS patient decided. */
    public DowntimeVisit withHisPatient(String ref) {
        return new DowntimeVisit(visitId, downtimeNumber, patient, ref, departmentCode, doctorCode, registeredAt, kioskId,
                operator, breakpoint, paperFormId, lines);
    }
}
