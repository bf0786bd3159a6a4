package org.hospital.continuity.sync.crosscheck;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * EP-4.4: IOU slips (白条) given instead of invoices, and insurance settlements deferred during
 * the outage, become a to-do list for cashiers after recovery: oldest first, exchanged slips dropped.
 */
public final class CashierTodo {

    /** An IOU slip as issued ({@code iou} stream v1). */
    public record Iou(String iouId, String chargeId, String patientName, String phone, long amountFen, Instant issuedAt) {
    }

    /** A charge whose insurance settlement was deferred ({@code ChargeRecorded.insuranceDeferred}). */
    public record DeferredSettlement(String chargeId, String patientName, String phone, long totalFen, Instant chargedAt) {
    }

    /** One line of the to-do list. */
    public record Todo(Kind kind, String ref, String patientName, String phone, long amountFen, Instant since) {
    }

    /** What the cashier has to do. */
    public enum Kind {
        /** Exchange the IOU slip for a formal invoice. */
        EXCHANGE_IOU,
        /** Settle the deferred insurance share with the insurer's system. */
        SETTLE_INSURANCE
    }

    private CashierTodo() {
    }

    /** The open to-dos: IOUs not in {@code exchangedIouIds}, deferred settlements not in {@code settledChargeIds}. */
    public static List<Todo> list(List<Iou> ious, Set<String> exchangedIouIds, List<DeferredSettlement> deferred,
                                  Set<String> settledChargeIds) {
        List<Todo> out = new ArrayList<>();
        for (Iou i : ious) {
            if (!exchangedIouIds.contains(i.iouId())) {
                out.add(new Todo(Kind.EXCHANGE_IOU, i.iouId(), i.patientName(), i.phone(), i.amountFen(), i.issuedAt()));
            }
        }
        for (DeferredSettlement d : deferred) {
            if (!settledChargeIds.contains(d.chargeId())) {
                out.add(new Todo(Kind.SETTLE_INSURANCE, d.chargeId(), d.patientName(), d.phone(), d.totalFen(), d.chargedAt()));
            }
        }
        out.sort(Comparator.comparing(Todo::since).thenComparing(Todo::ref));
        return out;
    }
}
