package org.hospital.continuity.sync.crosscheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * EP-6.7.5: every pharmacy dispense made during the outage is checked against its requisition or
 * prescription after recovery. Mismatches of drug, quantity or patient, and dispenses without an order,
 * become items to trace; nothing is corrected automatically.
 */
public final class DispenseCrossCheck {

    /** A requisition (ward) or prescription (clinic) line. */
    public record Order(String orderId, String patientRef, String drugCode, int quantity) {
    }

    /** A dispense as recorded by the pharmacy, naming the order it claims to fill. */
    public record Dispense(String dispenseId, String orderId, String patientRef, String drugCode, int quantity) {
    }

    /** What does not fit. */
    public enum Mismatch { NO_ORDER, DRUG, QUANTITY, PATIENT }

    /** One thing to trace: which dispense, what does not fit, expected and found. */
    public record TraceItem(String dispenseId, String orderId, Mismatch mismatch, String expected, String found) {
    }

    private DispenseCrossCheck() {
    }

    /** Checks every dispense; an empty list means all fit. */
    public static List<TraceItem> check(List<Dispense> dispenses, List<Order> orders) {
        Map<String, Order> byId = orders.stream().collect(Collectors.toMap(Order::orderId, Function.identity(), (a, b) -> a));
        List<TraceItem> out = new ArrayList<>();
        for (Dispense d : dispenses) {
            Order o = d.orderId() == null ? null : byId.get(d.orderId());
            if (o == null) {
                out.add(new TraceItem(d.dispenseId(), d.orderId(), Mismatch.NO_ORDER, null, d.drugCode()));
                continue;
            }
            if (!Objects.equals(o.patientRef(), d.patientRef())) {
                out.add(new TraceItem(d.dispenseId(), o.orderId(), Mismatch.PATIENT, o.patientRef(), d.patientRef()));
            }
            if (!Objects.equals(o.drugCode(), d.drugCode())) {
                out.add(new TraceItem(d.dispenseId(), o.orderId(), Mismatch.DRUG, o.drugCode(), d.drugCode()));
            }
            if (o.quantity() != d.quantity()) {
                out.add(new TraceItem(d.dispenseId(), o.orderId(), Mismatch.QUANTITY, Integer.toString(o.quantity()),
                        Integer.toString(d.quantity())));
            }
        }
        return out;
    }
}
