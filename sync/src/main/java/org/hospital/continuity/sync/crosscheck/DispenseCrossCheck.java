package org.hospital.continuity.sync.crosscheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * EP-6.7.5: every pharmacy dispense made during the outage is checked against the requisition or prescription it
 * fills, after recovery. Lines are paired by drug identity and quantity, never by position: all dispenses of one
 * order are added up per drug, so a dispense in another line order, a partial dispense (less than written, the rest
 * still to come) and a split dispense (several dispenses, one order) all fit. What does not fit becomes an item to
 * trace: a drug the order does not have, more than written, another patient, an order that is unknown or voided.
 * Nothing is corrected automatically.
 */
public final class DispenseCrossCheck {

    /** A requisition (ward) or prescription (clinic) as written, its lines by drug. */
    public record Order(String orderId, String patientRef, List<Line> lines) {
        public Order {
            lines = List.copyOf(lines);
        }
    }

    /** A dispense as recorded by the pharmacy, naming the order it fills ({@code orderId} null: none given). */
    public record Dispense(String dispenseId, String orderId, String patientRef, List<Line> lines) {
        public Dispense {
            lines = List.copyOf(lines);
        }
    }

    /** A drug and a quantity (in the drug's unit of the snapshot). */
    public record Line(String drugCode, int quantity) {
    }

    /** What does not fit. */
    public enum Mismatch {
        /** The order the dispense names is not among the synced records. */
        NO_ORDER,
        /** The order was voided (HR-9) before or after the drugs left the pharmacy. */
        ORDER_VOIDED,
        /** A drug the order does not have. */
        DRUG,
        /** More of a drug than the order has, over all its dispenses. */
        QUANTITY,
        /** Dispensed for another patient than the order's. */
        PATIENT
    }

    /**
     * One thing to trace. {@code key} is stable across runs (the dispense, the mismatch and the drug), so a person's
     * closing of the trace on the workbench keeps it closed.
     */
    public record TraceItem(String key, String dispenseId, String orderId, Mismatch mismatch, String drugCode, String expected,
                            String found) {
    }

    /** A drug of an order not (yet) dispensed in full: partial dispensing, shown, not a mismatch. */
    public record Outstanding(String orderId, String drugCode, int written, int dispensed) {
    }

    /** The result: items to trace, and what is still to dispense. */
    public record Result(List<TraceItem> traces, List<Outstanding> outstanding) {
    }

    private DispenseCrossCheck() {
    }

    /** Checks every dispense; {@code voidedOrders} are the ids of orders voided since. */
    public static Result check(List<Dispense> dispenses, List<Order> orders, Set<String> voidedOrders) {
        Map<String, Order> byId = new LinkedHashMap<>();
        for (Order o : orders) {
            byId.putIfAbsent(o.orderId(), o);
        }
        List<TraceItem> out = new ArrayList<>();
        Map<String, Map<String, Integer>> dispensedPerOrder = new LinkedHashMap<>();
        Map<String, Map<String, String>> lastDispenseOf = new LinkedHashMap<>();
        for (Dispense d : dispenses) {
            Order o = d.orderId() == null ? null : byId.get(d.orderId());
            if (o == null) {
                for (Line l : d.lines()) {
                    out.add(item(d, d.orderId(), Mismatch.NO_ORDER, l.drugCode(), null, l.drugCode() + " × " + l.quantity()));
                }
                continue;
            }
            if (voidedOrders.contains(o.orderId())) {
                out.add(item(d, o.orderId(), Mismatch.ORDER_VOIDED, null, "voided", "dispensed"));
            }
            if (!Objects.equals(o.patientRef(), d.patientRef())) {
                out.add(item(d, o.orderId(), Mismatch.PATIENT, null, o.patientRef(), d.patientRef()));
            }
            Map<String, Integer> written = written(o);
            Map<String, Integer> sum = dispensedPerOrder.computeIfAbsent(o.orderId(), k -> new LinkedHashMap<>());
            Map<String, String> last = lastDispenseOf.computeIfAbsent(o.orderId(), k -> new LinkedHashMap<>());
            for (Line l : d.lines()) {
                if (!written.containsKey(l.drugCode())) {
                    out.add(item(d, o.orderId(), Mismatch.DRUG, l.drugCode(), String.join(", ", written.keySet()), l.drugCode()));
                    continue;
                }
                int before = sum.getOrDefault(l.drugCode(), 0);
                int after = before + l.quantity();
                sum.put(l.drugCode(), after);
                last.put(l.drugCode(), d.dispenseId());
                if (after > written.get(l.drugCode()) && before <= written.get(l.drugCode())) {
                    // the dispense that went over is the one to trace, with the totals
                    out.add(item(d, o.orderId(), Mismatch.QUANTITY, l.drugCode(), Integer.toString(written.get(l.drugCode())),
                            Integer.toString(after)));
                }
            }
        }
        List<Outstanding> outstanding = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> e : dispensedPerOrder.entrySet()) {
            Order o = byId.get(e.getKey());
            if (voidedOrders.contains(o.orderId())) {
                continue;
            }
            written(o).forEach((drug, qty) -> {
                int done = e.getValue().getOrDefault(drug, 0);
                if (done < qty) {
                    outstanding.add(new Outstanding(o.orderId(), drug, qty, done));
                }
            });
        }
        return new Result(out, outstanding);
    }

    private static Map<String, Integer> written(Order o) {
        Map<String, Integer> w = new LinkedHashMap<>();
        for (Line l : o.lines()) {
            w.merge(l.drugCode(), l.quantity(), Integer::sum);
        }
        return w;
    }

    private static TraceItem item(Dispense d, String orderId, Mismatch m, String drug, String expected, String found) {
        String key = d.dispenseId() + ":" + m + (drug == null ? "" : ":" + drug);
        return new TraceItem(key, d.dispenseId(), orderId, m, drug, expected, found);
    }
}
