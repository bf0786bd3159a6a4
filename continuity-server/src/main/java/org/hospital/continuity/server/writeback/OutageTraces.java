package org.hospital.continuity.server.writeback;

import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.sync.crosscheck.CashierTodo;
import org.hospital.continuity.sync.crosscheck.DispenseCrossCheck;
import org.hospital.continuity.sync.envelope.JournalEntry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What is left to trace after an outage, read from the synced journal entries through the record contract, nothing
 * corrected automatically:
 * <ul>
 *   <li>EP-6.7.5: every pharmacy dispense ({@code Dispensed}) against the prescription or requisition it fills, from any
 *   kiosk once both reached the server; lines paired by drug and quantity over all dispenses of the order, so another line
 *   order, partial and split dispensing fit ({@link DispenseCrossCheck}); what is not yet dispensed is listed apart;</li>
 *   <li>EP-4.4: IOU slips ({@code IouIssued} not followed by {@code IouExchanged}) and charges with the insurance
 *   settlement deferred become the cashiers' to-do list ({@link CashierTodo}).</li>
 * </ul>
 * An entry that cannot be read as a record is left out here; write-back puts it on the workbench with its reason.
 */
public final class OutageTraces {

    /** The traces of one incident. */
    public record Traces(List<DispenseCrossCheck.TraceItem> dispenseMismatches, List<DispenseCrossCheck.Outstanding> stillToDispense,
                         List<CashierTodo.Todo> cashierTodo) {
    }

    private OutageTraces() {
    }

    public static Traces of(List<JournalEntry> entries) {
        List<DispenseCrossCheck.Order> orders = new ArrayList<>();
        List<DispenseCrossCheck.Dispense> dispenses = new ArrayList<>();
        Set<String> voidedOrders = new HashSet<>();
        List<CashierTodo.Iou> ious = new ArrayList<>();
        Set<String> exchanged = new HashSet<>();
        List<CashierTodo.DeferredSettlement> deferred = new ArrayList<>();
        Set<String> voidedCharges = new HashSet<>();
        for (JournalEntry e : entries) {
            if (!(Contract.CURRENT.read(e) instanceof Contract.Readable read)) {
                continue;
            }
            String id = e.streamId().toString();
            DowntimeRecord r = read.record();
            if (r instanceof DowntimeRecord.PrescriptionWritten p) {
                orders.add(new DispenseCrossCheck.Order(id, patientRef(p.patient()),
                        p.lines().stream().map(l -> new DispenseCrossCheck.Line(l.drugCode(), l.quantity())).toList()));
            } else if (r instanceof DowntimeRecord.RequisitionIssued q) {
                orders.add(new DispenseCrossCheck.Order(id, patientRef(q.patient()),
                        q.lines().stream().map(l -> new DispenseCrossCheck.Line(l.code(), l.quantity())).toList()));
            } else if (r instanceof DowntimeRecord.Dispensed d) {
                dispenses.add(new DispenseCrossCheck.Dispense(id, d.fills() == null ? null : d.fills().toString(), patientRef(d.patient()),
                        d.lines().stream().map(l -> new DispenseCrossCheck.Line(l.code(), l.quantity())).toList()));
            } else if (r instanceof DowntimeRecord.ClinicalFormVoided
                    && ("prescription".equals(e.streamType()) || "requisition".equals(e.streamType()))) {
                voidedOrders.add(id);
            } else if (r instanceof DowntimeRecord.IouIssued i) {
                ious.add(new CashierTodo.Iou(id, i.chargeId(), i.patientName(), i.phone(), i.amountFen(), e.recordedAt()));
            } else if (r instanceof DowntimeRecord.IouExchanged) {
                exchanged.add(id);
            } else if (r instanceof DowntimeRecord.ChargeRecorded c && c.insuranceDeferred()) {
                deferred.add(new CashierTodo.DeferredSettlement(id, c.patientName(), c.phone(), c.totalFen(), e.recordedAt()));
            } else if (r instanceof DowntimeRecord.InvoiceVoided) {
                voidedCharges.add(id);
            }
        }
        DispenseCrossCheck.Result check = DispenseCrossCheck.check(dispenses, orders, voidedOrders);
        // a voided charge settles nothing with the insurer (HR-9: the void is its own entry)
        return new Traces(check.traces(), check.outstanding(), CashierTodo.list(ious, exchanged, deferred, voidedCharges));
    }

    private static String patientRef(DowntimeRecord.PatientOnForm patient) {
        if (patient == null) {
            return null;
        }
        return patient.knownPatientId() != null ? patient.knownPatientId() : patient.name();
    }
}
