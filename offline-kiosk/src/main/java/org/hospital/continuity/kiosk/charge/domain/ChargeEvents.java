package org.hospital.continuity.kiosk.charge.domain;

import java.util.List;
import org.hospital.continuity.kiosk.charge.Pricing;

/** Payloads of the cashier streams (schema 1 each). */
public final class ChargeEvents {

    private ChargeEvents() {
    }

    /** {@code charge} v1: priced lines (prices as used), total, settlement, invoice number from the register. */
    public record ChargeRecorded(String registrationId, String patientNumber, String knownPatientId, String patientName,
                                 List<Pricing.PricedLine> lines, long totalFen, String settlement, String paymentMethod,
                                 boolean insuranceDeferred, String phone, String invoiceNo, String iouId, String iouNumber,
                                 String insuranceType, String insuranceCard) {

        /** As recorded before the IOU number and the insurance were kept on the charge (optional fields null). */
        public ChargeRecorded(String registrationId, String patientNumber, String knownPatientId, String patientName,
                              List<Pricing.PricedLine> lines, long totalFen, String settlement, String paymentMethod,
                              boolean insuranceDeferred, String phone, String invoiceNo, String iouId) {
            this(registrationId, patientNumber, knownPatientId, patientName, lines, totalFen, settlement, paymentMethod, insuranceDeferred,
                    phone, invoiceNo, iouId, null, null, null);
        }
    }

    /** {@code charge} v2+: the invoice of a charge voided, with the reason (HR-9). */
    public record InvoiceVoided(String invoiceNo, String reason) {
    }

    /** {@code invoice-register} v1: a paper invoice number spoiled (misprint, torn) and voided unused. */
    public record InvoiceNumberSpoiled(String invoiceNo, String reason) {
    }

    /**
     * {@code iou} v1: the IOU slip (白条) given instead of an invoice while insurance is down (EP-4.4); {@code number}
     * is its short human number (this kiosk's prefix and a sequence, e.g. {@code 3C4D-0007}), optional in older entries.
     */
    public record IouIssued(String chargeId, String patientName, String phone, long amountFen, String number, String insuranceType,
                            String insuranceCard) {

        public IouIssued(String chargeId, String patientName, String phone, long amountFen) {
            this(chargeId, patientName, phone, amountFen, null, null, null);
        }
    }

    /** {@code iou} v2: exchanged for a formal invoice after recovery. */
    public record IouExchanged(String formalInvoiceNo) {
    }
}
