package org.hospital.continuity.sync.his;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One downtime record other than a registration visit, ready to write into the HIS: codes already the HIS's, the
 * patient (and the encounter where there is one) resolved. Link-agnostic: the FHIR link writes each as one transaction
 * Bundle, an HL7 v2 link as the messages of its kind. Every write is idempotent on the kiosk's record and line ids
 * (a replay creates nothing), and names where it came from ({@link Source}) for the HIS's provenance.
 */
public sealed interface HisRecord {

    /** The kiosk record (journal stream) this is. */
    UUID recordId();

    /** Who it is for: the HIS patient, and the HIS encounter it belongs to (null: none, e.g. an outpatient charge). */
    Subject subject();

    Source source();

    /** The HIS patient and encounter (references as the link names them: {@code Patient/12}, {@code Encounter/34}). */
    record Subject(String patientRef, String encounterRef) {
        public Subject {
            Objects.requireNonNull(patientRef, "patientRef");
        }
    }

    /**
     * Where the record came from: the kiosk, the staff account that captured it, when (kiosk clock), the incident
     * (breakpoint, EP-8.4) and the journal entry.
     */
    record Source(String kioskId, String operator, Instant capturedAt, String breakpoint, UUID entryId) {
    }

    /** A drug line of a prescription or requisition: HIS drug code, quantity in {@code unit}, how it is taken. */
    record DrugOrderLine(UUID lineId, String hisCode, String name, int quantity, String unit, String dose, String route,
                         String frequency, Integer days) {
    }

    /** What a medication order is for (MedicationRequest.category). */
    enum OrderSetting { OUTPATIENT, INPATIENT, DISCHARGE }

    /**
     * EP-6.4 a prescription, or EP-6.5 a ward's drug requisition (ward stock, {@code setting} INPATIENT): one order per
     * line, grouped by the record. {@code replaces} is the record this one corrects (HR-9), or null.
     */
    record MedicationOrder(UUID recordId, Subject subject, Source source, OrderSetting setting, String diagnosis,
                           List<DrugOrderLine> lines, UUID replaces) implements HisRecord {
        public MedicationOrder {
            lines = List.copyOf(lines);
        }
    }

    /** What a service order asks for. */
    enum ServiceKind { ORDER, LAB, EXAM }

    /** EP-6.4 a doctor's order, EP-6.4.4 a lab or exam request (with the discharge mark). */
    record ServiceOrder(UUID recordId, Subject subject, Source source, ServiceKind kind, String content, String dischargeMark,
                        UUID replaces) implements HisRecord {
    }

    /** A chargeable line: HIS code, quantity in {@code unit}, the price as charged during the outage (flagged, never repriced). */
    record ChargeLine(UUID lineId, boolean drug, String hisCode, String name, int quantity, String unit, long unitPriceFen) {
        public long amountFen() {
            return unitPriceFen * quantity;
        }
    }

    /** EP-6.6 the med-tech's exam register: each exam performed (a completed service) and its charge. */
    record ExamsDone(UUID recordId, Subject subject, Source source, String stubNumber, List<ChargeLine> exams, UUID replaces)
            implements HisRecord {
        public ExamsDone {
            exams = List.copyOf(exams);
        }
    }

    /** EP-6.7 a dispense: each line what was handed over, against the order line of the same drug it fills (null: none). */
    record Dispense(UUID recordId, Subject subject, Source source, UUID fillsRecord, List<DispenseLine> lines, UUID replaces)
            implements HisRecord {
        public Dispense {
            lines = List.copyOf(lines);
        }
    }

    /** A line handed over by the pharmacy, and the order line it fills. */
    record DispenseLine(ChargeLine line, UUID fillsLine) {
    }

    /** EP-6.5 ward charges (charge execution), EP-6.2.2 a cashier's charge outside a registration visit. */
    record Charges(UUID recordId, Subject subject, Source source, List<ChargeLine> lines, UUID replaces) implements HisRecord {
        public Charges {
            lines = List.copyOf(lines);
        }
    }

    /** EP-6.3.3 a discharge settled by hand: the inpatient's account, its charges and the invoice (total, deposit, balance). */
    record Settlement(UUID recordId, Subject subject, Source source, String inpatientNumber, String invoiceNo, List<ChargeLine> lines,
                      long totalFen, long depositFen, long balanceFen) implements HisRecord {
        public Settlement {
            lines = List.copyOf(lines);
        }
    }

    /** EP-4.4 an IOU slip exchanged for a formal invoice: the payment of the charge's lines. */
    record IouExchange(UUID recordId, Subject subject, Source source, String formalInvoiceNo, long amountFen, List<UUID> chargeLines)
            implements HisRecord {
        public IouExchange {
            chargeLines = List.copyOf(chargeLines);
        }
    }

    /** An allergy noted during downtime (unconfirmed until a clinician confirms it in the HIS). */
    record AllergyNoted(UUID recordId, Subject subject, Source source, String allergenCode, String allergen, String reaction,
                        String severity) implements HisRecord {
    }

    /** How a record was amended (HR-9). */
    enum AmendmentKind { VOIDED, CORRECTED }

    /**
     * HR-9: a record already in the HIS voided or superseded by its correction: the HIS keeps the old version readable, the
     * new version carries the status, and the provenance names who and why. {@code original} is the record as it was written.
     */
    record Amendment(UUID recordId, Subject subject, Source source, AmendmentKind kind, HisRecord original, String reason,
                     UUID correctedBy) implements HisRecord {
    }
}
