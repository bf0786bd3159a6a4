package org.hospital.continuity.sync.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The typed contract of every record a kiosk journals during downtime: the payload of one journal entry,
 * named by the entry's {@code eventType} and versioned by its {@code schemaVersion}. The kiosk writes these
 * types and the server reads them ({@link Contract}); golden files of every kind and version live in
 * {@code sync/src/test/resources/contract/records/}. A new optional field is a new schema version of its kind
 * ({@link Contract.Kind#fieldsSince}); a version never changes once shipped.
 *
 * <p>Amounts are integer fen; quantities are whole units of the line's {@code unit}; codes are the kiosk
 * snapshot's (mapped to the HIS's at write-back, never guessed).
 */
public sealed interface DowntimeRecord {

    // ---- cashier (EP-6.2, EP-6.3, EP-4.4) ------------------------------------------------------------

    /** {@code registration} v1, EP-6.2: an outpatient registration with its downtime patient number and fee. */
    record PatientRegistered(String patientNumber, String knownPatientId, String name, String sex, LocalDate birthDate,
                             Integer ageYears, String idNumber, String phone, String insuranceType, String insuranceCard,
                             String departmentCode, String doctorCode, String feeItemCode, String feeItemName, long feeFen,
                             String guardianName, String guardianPhone, String previousRegistrationId)
            implements DowntimeRecord {

        /** As registered in version 1, before guardians were asked (the version-2 fields null). */
        public PatientRegistered(String patientNumber, String knownPatientId, String name, String sex, LocalDate birthDate,
                                 Integer ageYears, String idNumber, String phone, String insuranceType, String insuranceCard,
                                 String departmentCode, String doctorCode, String feeItemCode, String feeItemName, long feeFen) {
            this(patientNumber, knownPatientId, name, sex, birthDate, ageYears, idNumber, phone, insuranceType, insuranceCard,
                    departmentCode, doctorCode, feeItemCode, feeItemName, feeFen, null, null, null);
        }
    }

    /**
     * {@code charge} v1, EP-6.2.2: priced lines, total, settlement (PAID with a payment method and an invoice number
     * from the register, or IOU with its slip), for a registration of the outage or a patient the snapshot knows.
     */
    record ChargeRecorded(String registrationId, String patientNumber, String knownPatientId, String patientName,
                          List<PricedLine> lines, long totalFen, String settlement, String paymentMethod,
                          boolean insuranceDeferred, String phone, String invoiceNo, String iouId, String iouNumber,
                          String insuranceType, String insuranceCard) implements DowntimeRecord {

        /** As recorded in version 1, before the IOU number and the insurance were kept on the charge (those fields null). */
        public ChargeRecorded(String registrationId, String patientNumber, String knownPatientId, String patientName,
                              List<PricedLine> lines, long totalFen, String settlement, String paymentMethod,
                              boolean insuranceDeferred, String phone, String invoiceNo, String iouId) {
            this(registrationId, patientNumber, knownPatientId, patientName, lines, totalFen, settlement, paymentMethod, insuranceDeferred,
                    phone, invoiceNo, iouId, null, null, null);
        }
    }

    /**
     * {@code charge} v2+, HR-9: the invoice of a charge voided with the reason; the charge no longer stands. Schema version 2
     * adds the second person who approved the void at the kiosk (a cashier lead: account and name).
     */
    record InvoiceVoided(String invoiceNo, String reason, String approvedBy, String approvedByName) implements DowntimeRecord, Approved {

        /** As written in version 1 (nobody's approval recorded). */
        public InvoiceVoided(String invoiceNo, String reason) {
            this(invoiceNo, reason, null, null);
        }
    }

    /**
     * {@code invoice-register} v1, EP-6.2.3: a paper invoice number spoiled before use, voided unused. Schema version 2
     * (HR-9) adds the second person who approved spoiling it at the kiosk (a cashier lead: account and name).
     */
    record InvoiceNumberSpoiled(String invoiceNo, String reason, String approvedBy, String approvedByName)
            implements DowntimeRecord, Approved {

        /** As written in version 1 (nobody's approval recorded). */
        public InvoiceNumberSpoiled(String invoiceNo, String reason) {
            this(invoiceNo, reason, null, null);
        }
    }

    /**
     * {@code iou} v1, EP-4.4: the IOU slip (白条) given for a charge instead of an invoice; since schema version 2 with
     * {@code number}, its short human number (this kiosk's prefix and a sequence, e.g. {@code 3C4D-0007}), and the
     * patient's insurance.
     */
    record IouIssued(String chargeId, String patientName, String phone, long amountFen, String number, String insuranceType,
                     String insuranceCard) implements DowntimeRecord {

        /** As issued in version 1 (the version-2 fields null). */
        public IouIssued(String chargeId, String patientName, String phone, long amountFen) {
            this(chargeId, patientName, phone, amountFen, null, null, null);
        }
    }

    /** {@code iou} v2, EP-4.4: the slip exchanged for a formal invoice after recovery. */
    record IouExchanged(String formalInvoiceNo) implements DowntimeRecord {
    }

    /** {@code discharge-settlement} v1, EP-6.3.3/6.3.4: an inpatient's discharge settled by hand. */
    record DischargeSettled(String patientId, String inpatientNumber, String patientName, String ward, String bed,
                            List<PricedLine> lines, long totalFen, long depositFen, long balanceFen, boolean examsChecked,
                            String invoiceNo) implements DowntimeRecord {
    }

    // ---- clinical forms (EP-6.4 … EP-6.7); a correction is a new record naming the one it corrects ----------

    /** A clinical record that may be the correction of an earlier one (HR-9). */
    sealed interface ClinicalForm extends DowntimeRecord {
        PatientOnForm patient();

        /** The record this one corrects, or null. */
        UUID corrects();

        String correctionReason();
    }

    /** {@code prescription} v1, EP-6.4 / EP-6.4.3. */
    record PrescriptionWritten(PatientOnForm patient, String diagnosis, List<DrugLine> lines, long totalFen,
                               boolean dischargeMedication, Long remainingFundsFen, boolean fundsWarning, String overrideReason,
                               String dictionaryVersion, AllergiesSeen allergyCheck, UUID corrects, String correctionReason)
            implements ClinicalForm {
    }

    /**
     * {@code clinical-order} v1, EP-6.4 / EP-6.4.4: an order ({@code kind} ORDER) or an exam request ({@code kind} LAB or
     * EXAM, with the discharge mark).
     */
    record OrderWritten(PatientOnForm patient, String kind, String content, String dischargeMark, UUID corrects,
                        String correctionReason) implements ClinicalForm {

        /** True for a lab or exam request (EP-6.4.4). */
        public boolean examRequest() {
            return "LAB".equals(kind) || "EXAM".equals(kind);
        }
    }

    /** {@code requisition} v1, EP-6.5: a nurse's per-patient drug requisition (ward stock), issued in duplicate. */
    record RequisitionIssued(PatientOnForm patient, List<ClinicalLine> lines, long totalFen, List<String> copies,
                             String dictionaryVersion, AllergiesSeen allergyCheck, UUID corrects, String correctionReason)
            implements ClinicalForm {
    }

    /** {@code charge-execution} v1, EP-6.5: what the ward performed and charges (ward charges). */
    record ChargesExecuted(PatientOnForm patient, List<ClinicalLine> lines, long totalFen, String note, String dictionaryVersion,
                           UUID corrects, String correctionReason) implements ClinicalForm {
    }

    /** {@code exam-register} v1, EP-6.6: the med-tech's manual exam register entry, at the price written. */
    record ExamsRegistered(PatientOnForm patient, String stubNumber, List<ExamDone> exams, long totalFen, UUID corrects,
                           String correctionReason) implements ClinicalForm {
    }

    /**
     * {@code dispense} v1, EP-6.7: the pharmacy's dispense against a prescription or requisition ({@code fills}, of
     * stream {@code fillsType}); {@code fillsAsWritten} is the id typed when that record has since been corrected.
     */
    record Dispensed(UUID fills, String fillsType, PatientOnForm patient, List<ClinicalLine> lines, long totalFen,
                     String dictionaryVersion, UUID fillsAsWritten, UUID corrects, String correctionReason) implements ClinicalForm {
    }

    /** {@code allergy} v1: an allergy the patient or the ward reported during downtime, for the HIS's record. */
    record AllergyNoted(PatientOnForm patient, String allergenCode, String allergen, String reaction, String severity,
                        UUID corrects, String correctionReason) implements ClinicalForm {
    }

    /**
     * A void or correction that a second person approved (HR-9: changes approved): the approver's account and name; the
     * person who made the change is the entry's actor. Null in the schema versions written before approval was asked.
     */
    interface Approved {
        String approvedBy();

        String approvedByName();
    }

    /**
     * Any clinical stream, v2+, HR-9: the record voided with a reason ({@code voids} = the stream's record). Schema version 2
     * adds the second person (a supervisor of the form's discipline) who approved the void: account and name.
     */
    record ClinicalFormVoided(UUID voids, String reason, String approvedBy, String approvedByName) implements DowntimeRecord, Approved {

        /** As written in version 1 (nobody's approval recorded). */
        public ClinicalFormVoided(UUID voids, String reason) {
            this(voids, reason, null, null);
        }
    }

    /**
     * Any clinical stream, v2+, HR-9: the record superseded by its correction {@code correctedBy}. Schema version 2 adds the
     * second person (a supervisor of the form's discipline) who approved the correction: account and name.
     */
    record ClinicalFormCorrected(UUID correctedBy, String reason, String approvedBy, String approvedByName)
            implements DowntimeRecord, Approved {

        /** As written in version 1 (nobody's approval recorded). */
        public ClinicalFormCorrected(UUID correctedBy, String reason) {
            this(correctedBy, reason, null, null);
        }
    }

    // ---- the breakpoint (EP-6.1, EP-8.3): not patient records, never written to the HIS --------------

    /**
     * {@code mode} v1: downtime entered (the breakpoint). Version 2 (EP-6.1) adds the instruction's short number as people
     * read it, the name of the person who switched, and for a phoned instruction the supervisor who confirmed it with
     * their password (account and name) and {@code itReview} (IT looks at every switch not backed by a received instruction).
     */
    record DowntimeEntered(String source, String instructionId, Instant announcedAt, String reason, long lastSeqBefore,
                           Long instructionNumber, String requestedByName, String confirmedBy, String confirmedByName, Boolean itReview)
            implements DowntimeRecord {

        /** As written in version 1 (the version-2 fields null). */
        public DowntimeEntered(String source, String instructionId, Instant announcedAt, String reason, long lastSeqBefore) {
            this(source, instructionId, announcedAt, reason, lastSeqBefore, null, null, null, null, null);
        }
    }

    /** {@code mode}, the stream's second entry: downtime left. Version 2 adds the same fields as {@link DowntimeEntered}'s. */
    record DowntimeLeft(String source, String instructionId, String reason, long downtimeSeconds, Long instructionNumber,
                        String requestedByName, String confirmedBy, String confirmedByName, Boolean itReview) implements DowntimeRecord {

        /** As written in version 1 (the version-2 fields null). */
        public DowntimeLeft(String source, String instructionId, String reason, long downtimeSeconds) {
            this(source, instructionId, reason, downtimeSeconds, null, null, null, null, null);
        }
    }

    /**
     * {@code instruction} v1: a person acknowledged an instruction at the kiosk with their own sign-in (EP-6.1), journaled
     * before the mode change it brings; {@code deliveredAtOnce} false when the server was unreachable and heard of it later.
     * Not a patient record: the server keeps it, the HIS never gets it.
     */
    record InstructionAcknowledged(String instructionId, Long number, String kind, String modeAfter, String accountId,
                                   String personName, Instant acknowledgedAt, boolean deliveredAtOnce) implements DowntimeRecord {
    }

    // ---- parts ----------------------------------------------------------------------------------------

    /** The patient as written on a clinical form (from the snapshot when known: {@code knownPatientId} is the HIS's id). */
    record PatientOnForm(String knownPatientId, String name, String inpatientNumber, String outpatientNumber, String ward,
                         String bed) {
    }

    /** A cashier's priced line; {@code kind} DRUG or ITEM; price as used at capture (EP-6.7.3). */
    record PricedLine(String code, String kind, String name, String specification, String unit, long unitPriceFen, int quantity,
                      long amountFen, String insuranceClass) {
    }

    /** A line of a ward or pharmacy form, priced from the snapshot. */
    record ClinicalLine(String code, String name, String specification, String unit, int quantity, long unitPriceFen,
                        long amountFen) {
    }

    /** A prescribed drug with dose, route, frequency, quantity (in {@code unit}) and days. */
    record DrugLine(String drugCode, String drugName, String specification, String unit, BigDecimal dose, String doseUnit,
                    String route, String frequency, int quantity, int days, long unitPriceFen, long amountFen) {
    }

    /** An exam performed, at the price the med-tech wrote; {@code itemCode} null for an exam not in the catalogue. */
    record ExamDone(String itemCode, String description, long priceFen) {
    }

    /** The patient's allergies as the snapshot knew them when the form was written, the warnings and the override reason. */
    record AllergiesSeen(boolean recorded, List<Allergy> allergies, List<AllergyWarning> warnings, String overrideReason) {
    }

    /** A recorded allergy; {@code allergenCode} a dictionary code when the HIS gave one. */
    record Allergy(String allergenCode, String allergen, String reaction, String severity) {
    }

    /** A drug line of the form that matched a recorded allergy. */
    record AllergyWarning(int line, String drugCode, String drugName, String allergen, String severity) {
    }
}
