package org.hospital.continuity.kiosk.clinical.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.reference.KnownPatient;

/**
 * The journal payloads of the clinical downtime forms (schema 1 each, canonical JSON): what each record
 * keeps — the patient as written, the lines with the prices and the dictionary version used, the
 * allergies seen — and the entries that void or correct a record (HR-9).
 */
public final class ClinicalPayloads {

    private ClinicalPayloads() {
    }

    /** The patient as written on the form (from the snapshot when known). */
    public record Patient(String knownPatientId, String name, String inpatientNumber, String outpatientNumber, String ward, String bed) {
    }

    public record PricedDrugLine(String drugCode, String drugName, String specification, String unit, BigDecimal dose, String doseUnit,
                                 String route, String frequency, int quantity, int days, long unitPriceFen, long amountFen) {
    }

    public record PricedLine(String code, String name, String specification, String unit, int quantity, long unitPriceFen, long amountFen) {
    }

    public record ExamDone(String itemCode, String description, long priceFen) {
    }

    /** The patient's allergies as the snapshot knew them when the form was written. */
    public record AllergiesSeen(boolean recorded, List<KnownPatient.Allergy> allergies, List<AllergyCheck.Match> warnings,
                                String overrideReason) {
    }

    /** EP-6.4 / EP-6.4.3: {@code PrescriptionWritten}. */
    public record PrescriptionWritten(Patient patient, String diagnosis, List<PricedDrugLine> lines, long totalFen,
                                      boolean dischargeMedication, Long remainingFundsFen, boolean fundsWarning, String overrideReason,
                                      String dictionaryVersion, AllergiesSeen allergyCheck) {
    }

    /** EP-6.4 / EP-6.4.4: {@code OrderWritten}. */
    public record OrderWritten(Patient patient, String kind, String content, String dischargeMark) {
    }

    /** EP-6.5: issued in duplicate — the ward's back-entry copy and the pharmacy's dispensing voucher. */
    public record RequisitionIssued(Patient patient, List<PricedLine> lines, long totalFen, List<String> copies, String dictionaryVersion,
                                    AllergiesSeen allergyCheck) {
    }

    /** EP-6.5: {@code ChargesExecuted}. */
    public record ChargesExecuted(Patient patient, List<PricedLine> lines, long totalFen, String note, String dictionaryVersion) {
    }

    /** EP-6.6: {@code ExamsRegistered}, at the price the med-tech wrote. */
    public record ExamsRegistered(Patient patient, String stubNumber, List<ExamDone> exams, long totalFen) {
    }

    /**
     * EP-6.7: {@code fills} is the record filled; {@code fillsAsWritten} the id the pharmacist typed
     * when that record has since been corrected (the dispense then fills the correction).
     */
    public record Dispensed(UUID fills, String fillsType, Patient patient, List<PricedLine> lines, long totalFen, String dictionaryVersion,
                            UUID fillsAsWritten) {
    }

    /** HR-9: a record voided with a reason (a new journal entry on the record's stream). */
    public record FormVoided(UUID voids, String reason) {
    }

    /** HR-9: a record superseded by its correction, a new record that refers back to it. */
    public record FormCorrected(UUID correctedBy, String reason) {
    }
}
