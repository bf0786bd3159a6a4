package org.hospital.continuity.kiosk.clinical.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hospital.continuity.kiosk.capture.FieldRules;
import org.hospital.continuity.kiosk.capture.Violation;
import org.hospital.continuity.kiosk.reference.CatalogueItem;

/**
 * The clinical downtime forms (EP-6.4–6.7) as typed at the kiosk, with their field checks. Every
 * check adds a {@link Violation} (422 at the field, nothing stored); nothing here throws.
 */
public final class ClinicalForms {

    public static final Set<String> FREQUENCIES = Set.of("qd", "bid", "tid", "prn");
    public static final Set<String> ROUTES = Set.of("po", "iv", "ivgtt", "im", "ih", "topical", "inhal");
    public static final Set<String> ORDER_KINDS = Set.of("ORDER", "LAB", "EXAM");
    /** EP-6.4.4: lab/exam requests carry the mark that the patient is discharged or about to be. */
    public static final Set<String> DISCHARGE_MARKS = Set.of("NONE", "DISCHARGED", "ABOUT_TO_DISCHARGE");
    private static final int MAX_LINES = 50;

    private ClinicalForms() {
    }

    /** One prescribed drug (处方行). */
    public record DrugLine(String drugCode, BigDecimal dose, String doseUnit, String route, String frequency, Integer quantity, Integer days) {
    }

    /** EP-6.4 handwritten-equivalent prescription; {@code dischargeMedication} triggers EP-6.4.3's funds check. */
    public record Prescription(String knownPatientId, String patientName, String diagnosis, List<DrugLine> lines,
                               boolean dischargeMedication, String overrideReason, String allergyOverrideReason) {
    }

    /** EP-6.4 orders and EP-6.4.4 lab/exam requests. */
    public record Order(String knownPatientId, String patientName, String kind, String content, String dischargeMark) {
    }

    /** EP-6.5 per-patient drug requisition (领药单), issued in duplicate. */
    public record Requisition(String knownPatientId, List<QuantityLine> lines, String allergyOverrideReason) {
    }

    public record QuantityLine(String code, Integer quantity) {
    }

    /** EP-6.5 charge-execution record (收费执行单): what the ward performed and charges. */
    public record ChargeExecution(String knownPatientId, List<QuantityLine> lines, String note) {
    }

    /** EP-6.6 manual exam register: request-form stub number, exams performed, manual price. */
    public record ExamRegister(String knownPatientId, String patientName, String stubNumber, List<ExamLine> exams) {
    }

    public record ExamLine(String itemCode, String description, Long priceFen) {
    }

    /** EP-6.7 dispensing against a prescription or a requisition recorded on this kiosk. */
    public record Dispense(String fillsRecordId, List<QuantityLine> lines) {
    }

    public static void patient(List<Violation> v, String knownPatientId, String patientName, boolean known) {
        if (!FieldRules.blank(knownPatientId)) {
            if (!known) {
                v.add(new Violation("knownPatientId", "error.patient.unknown"));
            }
        } else {
            FieldRules.personName(v, "patientName", patientName, 50);
        }
    }

    public static List<Violation> check(Prescription p, Function<String, Optional<CatalogueItem>> dictionary) {
        List<Violation> v = new ArrayList<>();
        FieldRules.freeText(v, "diagnosis", p.diagnosis(), 2, 200, true);
        if (p.lines() == null || p.lines().isEmpty()) {
            v.add(new Violation("lines", "error.lines.empty"));
            return v;
        }
        if (p.lines().size() > MAX_LINES) {
            v.add(new Violation("lines", "error.lines.too-many"));
            return v;
        }
        for (int i = 0; i < p.lines().size(); i++) {
            DrugLine l = p.lines().get(i);
            String at = "lines[" + i + "]";
            if (l == null) {
                v.add(new Violation(at, "error.required"));
                continue;
            }
            Optional<CatalogueItem> drug = drug(dictionary, l.drugCode());
            if (drug.isEmpty()) {
                v.add(new Violation(at + ".drugCode", "error.drug.unknown"));
            }
            if (l.dose() == null || l.dose().signum() <= 0) {
                v.add(new Violation(at + ".dose", "error.dose.positive"));
            } else if (l.dose().compareTo(BigDecimal.valueOf(100000)) > 0) {
                v.add(new Violation(at + ".dose", "error.dose.too-large"));
            }
            if (FieldRules.blank(l.doseUnit())) {
                v.add(new Violation(at + ".doseUnit", "error.required"));
            } else if (drug.isPresent() && !DoseUnits.fits(drug.get().specification(), l.doseUnit())) {
                v.add(new Violation(at + ".doseUnit", "error.dose-unit.family"));
            }
            if (FieldRules.blank(l.route()) || !ROUTES.contains(l.route())) {
                v.add(new Violation(at + ".route", "error.route"));
            }
            if (FieldRules.blank(l.frequency()) || !FREQUENCIES.contains(l.frequency())) {
                v.add(new Violation(at + ".frequency", "error.frequency"));
            }
            quantity(v, at + ".quantity", l.quantity());
            if (l.days() == null || l.days() < 1 || l.days() > 90) {
                v.add(new Violation(at + ".days", "error.days.range"));
            }
        }
        FieldRules.freeText(v, "overrideReason", p.overrideReason(), 4, 200, false);
        FieldRules.freeText(v, "allergyOverrideReason", p.allergyOverrideReason(), 4, 200, false);
        return v;
    }

    public static List<Violation> check(Order o) {
        List<Violation> v = new ArrayList<>();
        if (FieldRules.blank(o.kind()) || !ORDER_KINDS.contains(o.kind())) {
            v.add(new Violation("kind", "error.order.kind"));
        }
        FieldRules.freeText(v, "content", o.content(), 2, 500, true);
        if ("LAB".equals(o.kind()) || "EXAM".equals(o.kind())) {
            if (FieldRules.blank(o.dischargeMark()) || !DISCHARGE_MARKS.contains(o.dischargeMark())) {
                v.add(new Violation("dischargeMark", "error.discharge-mark"));
            }
        }
        return v;
    }

    public static List<Violation> check(List<QuantityLine> lines, Function<String, Optional<CatalogueItem>> catalogue, boolean drugsOnly) {
        List<Violation> v = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            v.add(new Violation("lines", "error.lines.empty"));
            return v;
        }
        if (lines.size() > MAX_LINES) {
            v.add(new Violation("lines", "error.lines.too-many"));
            return v;
        }
        for (int i = 0; i < lines.size(); i++) {
            QuantityLine l = lines.get(i);
            String at = "lines[" + i + "]";
            if (l == null) {
                v.add(new Violation(at, "error.required"));
                continue;
            }
            Optional<CatalogueItem> item = drugsOnly ? drug(catalogue, l.code()) : lookup(catalogue, l.code());
            if (item.isEmpty()) {
                v.add(new Violation(at + ".code", drugsOnly ? "error.drug.unknown" : "error.item.unknown"));
            }
            quantity(v, at + ".quantity", l.quantity());
        }
        return v;
    }

    public static List<Violation> check(ExamRegister e, Function<String, Optional<CatalogueItem>> catalogue) {
        List<Violation> v = new ArrayList<>();
        FieldRules.numberText(v, "stubNumber", e.stubNumber(), true);
        if (e.exams() == null || e.exams().isEmpty()) {
            v.add(new Violation("exams", "error.lines.empty"));
            return v;
        }
        for (int i = 0; i < e.exams().size(); i++) {
            ExamLine l = e.exams().get(i);
            String at = "exams[" + i + "]";
            if (l == null) {
                v.add(new Violation(at, "error.required"));
                continue;
            }
            if (!FieldRules.blank(l.itemCode()) && lookup(catalogue, l.itemCode()).isEmpty()) {
                v.add(new Violation(at + ".itemCode", "error.item.unknown"));
            }
            if (FieldRules.blank(l.itemCode())) {
                FieldRules.freeText(v, at + ".description", l.description(), 2, 100, true);
            }
            // EP-6.6: manual pricing — the price typed by the med-tech, in fen, never negative
            if (l.priceFen() == null) {
                v.add(new Violation(at + ".priceFen", "error.required"));
            } else if (l.priceFen() < 0) {
                v.add(new Violation(at + ".priceFen", "error.amount.negative"));
            } else if (l.priceFen() > 100_000_000L) {
                v.add(new Violation(at + ".priceFen", "error.amount.too-large"));
            }
        }
        return v;
    }

    private static void quantity(List<Violation> v, String field, Integer q) {
        if (q == null || q <= 0) {
            v.add(new Violation(field, "error.quantity.positive"));
        } else if (q > 9999) {
            v.add(new Violation(field, "error.quantity.too-large"));
        }
    }

    private static Optional<CatalogueItem> lookup(Function<String, Optional<CatalogueItem>> catalogue, String code) {
        return FieldRules.blank(code) ? Optional.empty() : catalogue.apply(code.trim());
    }

    private static Optional<CatalogueItem> drug(Function<String, Optional<CatalogueItem>> catalogue, String code) {
        return lookup(catalogue, code).filter(i -> i.kind() == CatalogueItem.Kind.DRUG);
    }

    /**
     * EP-6.4.3: discharge medication against the patient's remaining funds when known. The decision
     * is returned: fine, unknown funds, or short (a warning; going on needs a recorded reason).
     */
    public record FundsCheck(Long remainingFen, long totalFen, boolean shortOfFunds) {
        public static FundsCheck of(Long remainingFen, long totalFen) {
            return new FundsCheck(remainingFen, totalFen, remainingFen != null && totalFen > remainingFen);
        }
    }
}
