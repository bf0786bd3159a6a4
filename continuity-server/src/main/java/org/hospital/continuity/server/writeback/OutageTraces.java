package org.hospital.continuity.server.writeback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hospital.continuity.sync.crosscheck.CashierTodo;
import org.hospital.continuity.sync.crosscheck.DispenseCrossCheck;
import org.hospital.continuity.sync.envelope.JournalEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is left to trace after an outage, read from the synced journal entries (kiosk payloads),
 * nothing corrected automatically:
 * <ul>
 *   <li>EP-6.7.5: every pharmacy dispense ({@code dispense/Dispensed}) against the prescription or requisition
 *   it fills ({@code prescription/PrescriptionWritten}, {@code requisition/RequisitionIssued}); lines are paired
 *   by position, so a different drug, a different quantity, another patient or a line the order does not have
 *   becomes a trace item ({@link DispenseCrossCheck});</li>
 *   <li>EP-4.4: IOU slips ({@code iou/IouIssued} not followed by {@code IouExchanged}) and charges with the
 *   insurance settlement deferred become the cashiers' to-do list ({@link CashierTodo}).</li>
 * </ul>
 */
public final class OutageTraces {

    /** The traces of one incident. */
    public record Traces(List<DispenseCrossCheck.TraceItem> dispenseMismatches, List<CashierTodo.Todo> cashierTodo) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutageTraces() {
    }

    public static Traces of(List<JournalEntry> entries) {
        List<DispenseCrossCheck.Order> orders = new ArrayList<>();
        List<DispenseCrossCheck.Dispense> dispenses = new ArrayList<>();
        List<CashierTodo.Iou> ious = new ArrayList<>();
        Set<String> exchanged = new HashSet<>();
        List<CashierTodo.DeferredSettlement> deferred = new ArrayList<>();
        Map<String, Boolean> voidedCharges = new HashMap<>();
        for (JournalEntry e : entries) {
            String type = e.streamType() + "/" + e.eventType();
            if ("prescription/PrescriptionWritten".equals(type) || "requisition/RequisitionIssued".equals(type)) {
                JsonNode p = read(e);
                String patient = patientRef(p.path("patient"));
                int i = 0;
                for (JsonNode l : p.path("lines")) {
                    String code = l.hasNonNull("drugCode") ? l.get("drugCode").asText() : text(l, "code");
                    orders.add(new DispenseCrossCheck.Order(e.streamId() + "#" + i++, patient, code, l.path("quantity").asInt()));
                }
            } else if ("dispense/Dispensed".equals(type)) {
                JsonNode p = read(e);
                String fills = text(p, "fills");
                String patient = patientRef(p.path("patient"));
                int i = 0;
                for (JsonNode l : p.path("lines")) {
                    dispenses.add(new DispenseCrossCheck.Dispense(e.streamId() + "#" + i, fills == null ? null : fills + "#" + i,
                            patient, text(l, "code"), l.path("quantity").asInt()));
                    i++;
                }
            } else if ("iou/IouIssued".equals(type)) {
                JsonNode p = read(e);
                ious.add(new CashierTodo.Iou(e.streamId().toString(), text(p, "chargeId"), text(p, "patientName"), text(p, "phone"),
                        p.path("amountFen").asLong(), e.recordedAt()));
            } else if ("iou/IouExchanged".equals(type)) {
                exchanged.add(e.streamId().toString());
            } else if ("charge/ChargeRecorded".equals(type)) {
                JsonNode p = read(e);
                if (p.path("insuranceDeferred").asBoolean(false)) {
                    deferred.add(new CashierTodo.DeferredSettlement(e.streamId().toString(), text(p, "patientName"), text(p, "phone"),
                            p.path("totalFen").asLong(), e.recordedAt()));
                }
            } else if ("charge/InvoiceVoided".equals(type)) {
                voidedCharges.put(e.streamId().toString(), true);
            }
        }
        // a voided charge settles nothing with the insurer (HR-9: the void is its own entry)
        return new Traces(DispenseCrossCheck.check(dispenses, orders),
                CashierTodo.list(ious, exchanged, deferred, voidedCharges.keySet()));
    }

    private static String patientRef(JsonNode patient) {
        String known = text(patient, "knownPatientId");
        return known != null ? known : text(patient, "name");
    }

    private static JsonNode read(JournalEntry e) {
        try {
            return JSON.readTree(e.payload());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
