package org.hospital.continuity.sync.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hospital.continuity.sync.contract.DowntimeRecord.AllergyNoted;
import org.hospital.continuity.sync.contract.DowntimeRecord.AllergiesSeen;
import org.hospital.continuity.sync.contract.DowntimeRecord.ChargeRecorded;
import org.hospital.continuity.sync.contract.DowntimeRecord.ChargesExecuted;
import org.hospital.continuity.sync.contract.DowntimeRecord.ClinicalForm;
import org.hospital.continuity.sync.contract.DowntimeRecord.ClinicalFormCorrected;
import org.hospital.continuity.sync.contract.DowntimeRecord.ClinicalFormVoided;
import org.hospital.continuity.sync.contract.DowntimeRecord.ClinicalLine;
import org.hospital.continuity.sync.contract.DowntimeRecord.DischargeSettled;
import org.hospital.continuity.sync.contract.DowntimeRecord.Dispensed;
import org.hospital.continuity.sync.contract.DowntimeRecord.DowntimeEntered;
import org.hospital.continuity.sync.contract.DowntimeRecord.DowntimeLeft;
import org.hospital.continuity.sync.contract.DowntimeRecord.InstructionAcknowledged;
import org.hospital.continuity.sync.contract.DowntimeRecord.DrugLine;
import org.hospital.continuity.sync.contract.DowntimeRecord.ExamDone;
import org.hospital.continuity.sync.contract.DowntimeRecord.ExamsRegistered;
import org.hospital.continuity.sync.contract.DowntimeRecord.InvoiceNumberSpoiled;
import org.hospital.continuity.sync.contract.DowntimeRecord.InvoiceVoided;
import org.hospital.continuity.sync.contract.DowntimeRecord.IouExchanged;
import org.hospital.continuity.sync.contract.DowntimeRecord.IouIssued;
import org.hospital.continuity.sync.contract.DowntimeRecord.OrderWritten;
import org.hospital.continuity.sync.contract.DowntimeRecord.PatientOnForm;
import org.hospital.continuity.sync.contract.DowntimeRecord.PatientRegistered;
import org.hospital.continuity.sync.contract.DowntimeRecord.PrescriptionWritten;
import org.hospital.continuity.sync.contract.DowntimeRecord.PricedLine;
import org.hospital.continuity.sync.contract.DowntimeRecord.RequisitionIssued;
import org.hospital.continuity.sync.matching.NationalId;

/**
 * What the server checks of a record's content on receipt (the kiosk checked the same at capture, so a kiosk that
 * works never meets these): bounds of counts and quantities, amounts = unit price × quantity and totals = the sum of
 * the lines, dates within reason, codes from the known lists. Catalogue codes are not checked here: a code the HIS
 * does not know waits on the workbench at write-back. Every rule adds a {@link Violation} naming the field; nothing
 * throws. The rules are never stricter than the kiosk's own (a refused push stops a kiosk's sync).
 */
public final class ContentRules {

    public static final int MAX_LINES = 100;
    public static final int MAX_QUANTITY = 9999;
    public static final long MAX_AMOUNT_FEN = 10_000_000_000L;
    public static final Set<String> SEXES = Set.of("M", "F", "U");
    public static final Set<String> INSURANCE_TYPES = Set.of("EMPLOYEE", "RESIDENT", "SELF_PAY");
    public static final Set<String> SETTLEMENTS = Set.of("PAID", "IOU");
    public static final Set<String> PAYMENT_METHODS = Set.of("CASH", "CARD", "MOBILE");
    public static final Set<String> LINE_KINDS = Set.of("DRUG", "ITEM");
    public static final Set<String> ROUTES = Set.of("po", "iv", "ivgtt", "im", "ih", "topical", "inhal");
    public static final Set<String> FREQUENCIES = Set.of("qd", "bid", "tid", "prn");
    public static final Set<String> ORDER_KINDS = Set.of("ORDER", "LAB", "EXAM");
    public static final Set<String> DISCHARGE_MARKS = Set.of("NONE", "DISCHARGED", "ABOUT_TO_DISCHARGE");
    public static final Set<String> FILLABLE = Set.of("prescription", "requisition");
    public static final Set<String> SEVERITIES = Set.of("MILD", "MODERATE", "SEVERE", "UNKNOWN");
    public static final Set<String> MODE_SOURCES = Set.of("ANNOUNCED", "SUPERVISOR");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");

    private ContentRules() {
    }

    /** The violations of {@code record}, journalled on stream {@code streamId} at the kiosk's {@code recordedAt}. */
    public static List<Violation> check(DowntimeRecord record, UUID streamId, Instant recordedAt) {
        List<Violation> v = new ArrayList<>();
        LocalDate captured = recordedAt == null ? null : LocalDate.ofInstant(recordedAt, ZoneOffset.UTC);
        if (record instanceof PatientRegistered r) {
            registration(v, r, captured);
        } else if (record instanceof ChargeRecorded r) {
            charge(v, r);
        } else if (record instanceof InvoiceVoided r) {
            required(v, "invoiceNo", r.invoiceNo());
            required(v, "reason", r.reason());
        } else if (record instanceof InvoiceNumberSpoiled r) {
            required(v, "invoiceNo", r.invoiceNo());
            required(v, "reason", r.reason());
        } else if (record instanceof IouIssued r) {
            uuid(v, "chargeId", r.chargeId(), true);
            required(v, "phone", r.phone());
            amount(v, "amountFen", r.amountFen());
        } else if (record instanceof IouExchanged r) {
            required(v, "formalInvoiceNo", r.formalInvoiceNo());
        } else if (record instanceof DischargeSettled r) {
            settlement(v, r);
        } else if (record instanceof PrescriptionWritten r) {
            prescription(v, r);
        } else if (record instanceof OrderWritten r) {
            order(v, r);
        } else if (record instanceof RequisitionIssued r) {
            inpatient(v, r.patient());
            long sum = clinicalLines(v, r.lines());
            total(v, r.totalFen(), sum);
            allergies(v, r.allergyCheck());
        } else if (record instanceof ChargesExecuted r) {
            inpatient(v, r.patient());
            total(v, r.totalFen(), clinicalLines(v, r.lines()));
        } else if (record instanceof ExamsRegistered r) {
            exams(v, r);
        } else if (record instanceof Dispensed r) {
            patient(v, r.patient());
            if (r.fills() == null) {
                v.add(new Violation("payload.fills", "the prescription or requisition filled is required"));
            }
            known(v, "fillsType", r.fillsType(), FILLABLE, true);
            total(v, r.totalFen(), clinicalLines(v, r.lines()));
        } else if (record instanceof AllergyNoted r) {
            patient(v, r.patient());
            required(v, "allergen", r.allergen());
            known(v, "severity", r.severity(), SEVERITIES, true);
        } else if (record instanceof ClinicalFormVoided r) {
            if (r.voids() == null || !r.voids().equals(streamId)) {
                v.add(new Violation("payload.voids", "must name the record of its stream"));
            }
            required(v, "reason", r.reason());
        } else if (record instanceof ClinicalFormCorrected r) {
            if (r.correctedBy() == null || r.correctedBy().equals(streamId)) {
                v.add(new Violation("payload.correctedBy", "must name the correcting record"));
            }
            required(v, "reason", r.reason());
        } else if (record instanceof DowntimeEntered r) {
            known(v, "source", r.source(), MODE_SOURCES, true);
        } else if (record instanceof DowntimeLeft r) {
            known(v, "source", r.source(), MODE_SOURCES, true);
            if (r.downtimeSeconds() < 0) {
                v.add(new Violation("payload.downtimeSeconds", "must not be negative"));
            }
        } else if (record instanceof InstructionAcknowledged r) {
            // EP-6.1: which instruction, by whom, when
            required(v, "instructionId", r.instructionId());
            required(v, "accountId", r.accountId());
            if (r.acknowledgedAt() == null) {
                v.add(new Violation("payload.acknowledgedAt", "must be given"));
            }
        }
        if (record instanceof ClinicalForm f && (f.corrects() == null) != (f.correctionReason() == null)) {
            v.add(new Violation(f.corrects() == null ? "payload.corrects" : "payload.correctionReason",
                    "a correction names the record it corrects and why"));
        }
        if (record instanceof ClinicalForm f && f.corrects() != null && f.corrects().equals(streamId)) {
            v.add(new Violation("payload.corrects", "a correction is a new record"));
        }
        return v;
    }

    /**
     * HR-9 (changes approved): a void or correction written in a schema version that carries the approval names the second
     * person, by account and name, and that person is not {@code actor}, the account that made the change.
     */
    public static void approval(List<Violation> v, DowntimeRecord.Approved a, String actor) {
        if (a.approvedBy() == null || a.approvedBy().isBlank()) {
            v.add(new Violation("payload.approvedBy", "HR-9: the second person who approved the change is required"));
        } else if (a.approvedBy().length() > 100) {
            v.add(new Violation("payload.approvedBy", "at most 100 characters"));
        } else if (actor != null && a.approvedBy().trim().equalsIgnoreCase(actor.trim())) {
            v.add(new Violation("payload.approvedBy", "HR-9: the approver must be a second person, not the account that made the change"));
        }
        // the approver's name as the directory has it (up to 100 characters there): never stricter than the kiosk
        if (a.approvedByName() == null || a.approvedByName().isBlank()) {
            v.add(new Violation("payload.approvedByName", "the approver's name is required"));
        } else if (a.approvedByName().length() > 200) {
            v.add(new Violation("payload.approvedByName", "at most 200 characters"));
        }
    }

    // EP-6.2: who the patient is, where they go, what they pay
    private static void registration(List<Violation> v, PatientRegistered r, LocalDate captured) {
        required(v, "patientNumber", r.patientNumber());
        name(v, "name", r.name());
        if (r.name() != null && !r.name().isBlank() && r.name().codePoints().noneMatch(Character::isLetter)) {
            // the name typed at the kiosk holds a Han character or a letter there ("...", "•" are no names)
            v.add(new Violation("payload.name", "a name holds at least one letter"));
        }
        known(v, "sex", r.sex(), SEXES, true);
        if (r.birthDate() == null && r.ageYears() == null) {
            v.add(new Violation("payload.birthDate", "a date of birth or an age is required"));
        }
        if (r.birthDate() != null && captured != null
                && (r.birthDate().isAfter(captured.plusDays(1)) || r.birthDate().isBefore(captured.minusYears(150).minusDays(1)))) {
            v.add(new Violation("payload.birthDate", "must lie within 150 years before the capture"));
        }
        if (r.ageYears() != null && (r.ageYears() < 0 || r.ageYears() > 150)) {
            v.add(new Violation("payload.ageYears", "must be 0 to 150"));
        }
        if (r.idNumber() != null && (!ID_NUMBER.matcher(r.idNumber()).matches() || !NationalId.isValid(r.idNumber()))) {
            v.add(new Violation("payload.idNumber", "an 18-character resident ID number with its check digit"));
        }
        known(v, "insuranceType", r.insuranceType(), INSURANCE_TYPES, true);
        required(v, "departmentCode", r.departmentCode());
        required(v, "feeItemCode", r.feeItemCode());
        amount(v, "feeFen", r.feeFen());
    }

    // EP-6.2.2: priced lines, total, settlement
    private static void charge(List<Violation> v, ChargeRecorded r) {
        if (r.registrationId() == null && r.knownPatientId() == null) {
            name(v, "patientName", r.patientName());
        }
        uuid(v, "registrationId", r.registrationId(), false);
        total(v, r.totalFen(), pricedLines(v, r.lines()));
        known(v, "settlement", r.settlement(), SETTLEMENTS, true);
        if ("PAID".equals(r.settlement())) {
            known(v, "paymentMethod", r.paymentMethod(), PAYMENT_METHODS, true);
            required(v, "invoiceNo", r.invoiceNo());
            if (r.iouId() != null) {
                v.add(new Violation("payload.iouId", "a paid charge has no IOU slip"));
            }
        } else if ("IOU".equals(r.settlement())) {
            uuid(v, "iouId", r.iouId(), true);
            required(v, "phone", r.phone());
            if (r.invoiceNo() != null) {
                v.add(new Violation("payload.invoiceNo", "an IOU has no invoice until it is exchanged"));
            }
        }
    }

    // EP-6.3.3: the total from the ward's charges, less the deposit
    private static void settlement(List<Violation> v, DischargeSettled r) {
        required(v, "patientId", r.patientId());
        name(v, "patientName", r.patientName());
        total(v, r.totalFen(), pricedLines(v, r.lines()));
        amount(v, "depositFen", r.depositFen());
        if (r.balanceFen() != r.totalFen() - r.depositFen()) {
            v.add(new Violation("payload.balanceFen", "must be the total less the deposit"));
        }
        if (!r.examsChecked()) {
            v.add(new Violation("payload.examsChecked", "EP-6.3.4: exams in progress are checked before settling"));
        }
        required(v, "invoiceNo", r.invoiceNo());
    }

    private static void prescription(List<Violation> v, PrescriptionWritten r) {
        patient(v, r.patient());
        required(v, "diagnosis", r.diagnosis());
        long sum = 0;
        if (count(v, "lines", r.lines())) {
            for (int i = 0; i < r.lines().size(); i++) {
                DrugLine l = r.lines().get(i);
                String at = "lines[" + i + "]";
                if (l == null) {
                    v.add(new Violation("payload." + at, "must be a line"));
                    continue;
                }
                required(v, at + ".drugCode", l.drugCode());
                if (l.dose() == null || l.dose().signum() <= 0 || l.dose().compareTo(BigDecimal.valueOf(100_000)) > 0) {
                    v.add(new Violation("payload." + at + ".dose", "must be above 0 and at most 100000"));
                }
                required(v, at + ".doseUnit", l.doseUnit());
                known(v, at + ".route", l.route(), ROUTES, true);
                known(v, at + ".frequency", l.frequency(), FREQUENCIES, true);
                if (l.days() < 1 || l.days() > 90) {
                    v.add(new Violation("payload." + at + ".days", "must be 1 to 90"));
                }
                sum += line(v, at, l.quantity(), l.unitPriceFen(), l.amountFen());
            }
        }
        total(v, r.totalFen(), sum);
        if (r.fundsWarning() && r.overrideReason() == null) {
            v.add(new Violation("payload.overrideReason", "EP-6.4.3: going on short of funds needs a reason"));
        }
        allergies(v, r.allergyCheck());
    }

    private static void order(List<Violation> v, OrderWritten r) {
        patient(v, r.patient());
        known(v, "kind", r.kind(), ORDER_KINDS, true);
        required(v, "content", r.content());
        if (r.examRequest()) {
            known(v, "dischargeMark", r.dischargeMark(), DISCHARGE_MARKS, true);
        } else if (r.dischargeMark() != null) {
            v.add(new Violation("payload.dischargeMark", "only lab and exam requests carry a discharge mark"));
        }
    }

    private static void exams(List<Violation> v, ExamsRegistered r) {
        patient(v, r.patient());
        required(v, "stubNumber", r.stubNumber());
        long sum = 0;
        if (count(v, "exams", r.exams())) {
            for (int i = 0; i < r.exams().size(); i++) {
                ExamDone e = r.exams().get(i);
                String at = "exams[" + i + "]";
                if (e == null) {
                    v.add(new Violation("payload." + at, "must be an exam"));
                    continue;
                }
                if (e.itemCode() == null) {
                    required(v, at + ".description", e.description());
                }
                if (e.priceFen() < 0 || e.priceFen() > 100_000_000L) {
                    v.add(new Violation("payload." + at + ".priceFen", "must be 0 to 100000000"));
                }
                sum += e.priceFen();
            }
        }
        total(v, r.totalFen(), sum);
    }

    private static void allergies(List<Violation> v, AllergiesSeen a) {
        if (a != null && a.warnings() != null && !a.warnings().isEmpty() && a.overrideReason() == null) {
            v.add(new Violation("payload.allergyCheck.overrideReason", "a drug matching an allergy needs a recorded reason"));
        }
    }

    private static long pricedLines(List<Violation> v, List<PricedLine> lines) {
        long sum = 0;
        if (!count(v, "lines", lines)) {
            return 0;
        }
        for (int i = 0; i < lines.size(); i++) {
            PricedLine l = lines.get(i);
            String at = "lines[" + i + "]";
            if (l == null) {
                v.add(new Violation("payload." + at, "must be a line"));
                continue;
            }
            required(v, at + ".code", l.code());
            known(v, at + ".kind", l.kind(), LINE_KINDS, true);
            sum += line(v, at, l.quantity(), l.unitPriceFen(), l.amountFen());
        }
        return sum;
    }

    private static long clinicalLines(List<Violation> v, List<ClinicalLine> lines) {
        long sum = 0;
        if (!count(v, "lines", lines)) {
            return 0;
        }
        for (int i = 0; i < lines.size(); i++) {
            ClinicalLine l = lines.get(i);
            String at = "lines[" + i + "]";
            if (l == null) {
                v.add(new Violation("payload." + at, "must be a line"));
                continue;
            }
            required(v, at + ".code", l.code());
            sum += line(v, at, l.quantity(), l.unitPriceFen(), l.amountFen());
        }
        return sum;
    }

    /** One line's quantity and amount; answers the amount the sum takes. */
    private static long line(List<Violation> v, String at, int quantity, long unitPriceFen, long amountFen) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            v.add(new Violation("payload." + at + ".quantity", "must be 1 to " + MAX_QUANTITY));
        }
        if (unitPriceFen < 0 || unitPriceFen > MAX_AMOUNT_FEN) {
            v.add(new Violation("payload." + at + ".unitPriceFen", "must be 0 to " + MAX_AMOUNT_FEN));
        } else if (amountFen != unitPriceFen * quantity) {
            v.add(new Violation("payload." + at + ".amountFen", "must be the unit price times the quantity"));
        }
        return amountFen;
    }

    private static boolean count(List<Violation> v, String field, List<?> lines) {
        if (lines == null || lines.isEmpty()) {
            v.add(new Violation("payload." + field, "at least one line"));
            return false;
        }
        if (lines.size() > MAX_LINES) {
            v.add(new Violation("payload." + field, "at most " + MAX_LINES + " lines"));
            return false;
        }
        return true;
    }

    private static void total(List<Violation> v, long total, long sum) {
        if (total != sum) {
            v.add(new Violation("payload.totalFen", "must be the sum of the lines"));
        }
    }

    private static void amount(List<Violation> v, String field, long fen) {
        if (fen < 0 || fen > MAX_AMOUNT_FEN) {
            v.add(new Violation("payload." + field, "must be 0 to " + MAX_AMOUNT_FEN));
        }
    }

    private static void patient(List<Violation> v, PatientOnForm p) {
        if (p == null) {
            v.add(new Violation("payload.patient", "the patient is required"));
            return;
        }
        if (p.knownPatientId() == null) {
            name(v, "patient.name", p.name());
        }
    }

    private static void inpatient(List<Violation> v, PatientOnForm p) {
        if (p == null || p.knownPatientId() == null) {
            v.add(new Violation("payload.patient.knownPatientId", "an inpatient of the census is required"));
        }
    }

    private static void name(List<Violation> v, String field, String value) {
        if (value == null || value.isBlank()) {
            v.add(new Violation("payload." + field, "a name is required"));
        } else if (value.length() > 50) {
            v.add(new Violation("payload." + field, "at most 50 characters"));
        }
    }

    private static void required(List<Violation> v, String field, String value) {
        if (value == null || value.isBlank()) {
            v.add(new Violation("payload." + field, "is required"));
        }
    }

    private static void known(List<Violation> v, String field, String value, Set<String> known, boolean required) {
        if (value == null) {
            if (required) {
                v.add(new Violation("payload." + field, "is required, one of " + known.stream().sorted().toList()));
            }
        } else if (!known.contains(value)) {
            v.add(new Violation("payload." + field, "one of " + known.stream().sorted().toList()));
        }
    }

    private static void uuid(List<Violation> v, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                v.add(new Violation("payload." + field, "is required"));
            }
            return;
        }
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            v.add(new Violation("payload." + field, "must be a record id"));
        }
    }
}
