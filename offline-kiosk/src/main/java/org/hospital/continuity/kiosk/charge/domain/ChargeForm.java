package org.hospital.continuity.kiosk.charge.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.charge.Pricing;
import org.hospital.continuity.kiosk.capture.FieldRules;
import org.hospital.continuity.kiosk.capture.Violation;

/**
 * Manual charging (手工收费, EP-6.2.2): who pays, for what, and how the bill is settled. With the
 * insurance link down (EP-4.4) settlement is deferred: the patient pays cash ({@code insuranceDeferred})
 * or — insured with a card only — takes an IOU slip (白条) with a phone number, exchanged for a formal invoice after recovery.
 */
public record ChargeForm(
        String registrationId,
        String knownPatientId,
        String patientName,
        List<Pricing.Line> lines,
        String settlement,
        String paymentMethod,
        boolean insuranceDeferred,
        String phone,
        String insuranceType,
        String insuranceCard) {

    /** The insurance categories with a card (城镇职工, 城乡居民); 自费 (SELF_PAY) has none. */
    public static final Set<String> INSURED = Set.of("EMPLOYEE", "RESIDENT");

    /** As typed before the insurance was asked on the charge (taken from the registration or the snapshot instead). */
    public ChargeForm(String registrationId, String knownPatientId, String patientName, List<Pricing.Line> lines, String settlement,
                      String paymentMethod, boolean insuranceDeferred, String phone) {
        this(registrationId, knownPatientId, patientName, lines, settlement, paymentMethod, insuranceDeferred, phone, null, null);
    }

    /** The same form with the patient's insurance where the form left it empty (from the registration or the snapshot). */
    public ChargeForm withInsurance(String type, String card) {
        return new ChargeForm(registrationId, knownPatientId, patientName, lines, settlement, paymentMethod, insuranceDeferred, phone,
                FieldRules.blank(insuranceType) ? type : insuranceType, FieldRules.blank(insuranceCard) ? card : insuranceCard);
    }

    public static final String PAID = "PAID";
    public static final String IOU = "IOU";
    public static final Set<String> SETTLEMENTS = Set.of(PAID, IOU);
    public static final Set<String> PAYMENT_METHODS = Set.of("CASH", "CARD", "MOBILE");

    /** Checks of the form itself; lines are checked by {@link Pricing}. */
    public List<Violation> check() {
        List<Violation> v = new ArrayList<>();
        boolean hasPatient = !FieldRules.blank(registrationId) || !FieldRules.blank(knownPatientId);
        if (!hasPatient) {
            FieldRules.personName(v, "patientName", patientName, 50);
        } else if (!FieldRules.blank(patientName)) {
            FieldRules.personName(v, "patientName", patientName, 50);
        }
        if (FieldRules.blank(settlement)) {
            v.add(new Violation("settlement", "error.required"));
        } else if (!SETTLEMENTS.contains(settlement)) {
            v.add(new Violation("settlement", "error.settlement"));
        } else if (PAID.equals(settlement)) {
            if (FieldRules.blank(paymentMethod)) {
                v.add(new Violation("paymentMethod", "error.required"));
            } else if (!PAYMENT_METHODS.contains(paymentMethod)) {
                v.add(new Violation("paymentMethod", "error.payment-method"));
            }
            FieldRules.phone(v, "phone", phone, false);
        } else {
            // EP-4.4: the IOU slip carries a phone number so the patient can be called for the formal invoice
            FieldRules.phone(v, "phone", phone, true);
            // EP-4.4: an IOU stands in for the insurer's share while the insurance link is down: insured patients only,
            // with the card the formal invoice is later settled on; a self-paying patient pays and gets an invoice
            if (FieldRules.blank(insuranceType) || !INSURED.contains(insuranceType)) {
                v.add(new Violation("settlement", "error.iou.insured-only"));
            } else {
                FieldRules.card(v, "insuranceCard", insuranceCard);
            }
        }
        return v;
    }
}
