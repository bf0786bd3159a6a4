package org.hospital.continuity.kiosk.settlement.app;

import org.hospital.continuity.sync.contract.DowntimeRecord.DischargeSettled;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.capture.CaptureDesk;
import org.hospital.continuity.kiosk.capture.FieldRules;
import org.hospital.continuity.kiosk.capture.Violation;
import org.hospital.continuity.kiosk.charge.InvoiceRegister;
import org.hospital.continuity.kiosk.charge.Pricing;
import org.hospital.continuity.kiosk.journal.CanonicalJson;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.pool.NumberPools;
import org.hospital.continuity.kiosk.pool.PoolKind;
import org.hospital.continuity.kiosk.reference.KnownPatient;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.kiosk.session.StaffSession;
import org.hospital.continuity.kiosk.settlement.persistence.SettlementTable;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.envelope.RecordIds;

/**
 * EP-6.3.3/6.3.4: an emergency discharge settled by hand during a long outage — the total from the
 * ward's detailed charge records (typed from the nurse station's list), less the deposit (预交金),
 * with a handwritten-invoice number from the manual invoice register.
 */
@ApplicationScoped
public class SettlingDischarge {

    public static final String STREAM = "discharge-settlement";

    public record Settled(UUID id, long kioskSeq, Instant settledAt, String phase, DischargeSettled details) {
    }

    private final CaptureDesk desk;
    private final ReferenceData reference;
    private final NumberPools pools;
    private final InvoiceRegister invoices;
    private final Journal journal;
    private final SettlementTable table;

    public SettlingDischarge(CaptureDesk desk, ReferenceData reference, NumberPools pools, InvoiceRegister invoices, Journal journal,
                             SettlementTable table) {
        this.desk = desk;
        this.reference = reference;
        this.pools = pools;
        this.invoices = invoices;
        this.journal = journal;
        this.table = table;
    }

    public Settled settle(String patientId, List<Pricing.Line> lines, Long depositFen, boolean examsChecked, StaffSession by) {
        List<Violation> violations = new ArrayList<>();
        Optional<KnownPatient> patient = FieldRules.blank(patientId) ? Optional.empty()
                : reference.patient(patientId).filter(KnownPatient::census);
        if (FieldRules.blank(patientId)) {
            violations.add(new Violation("patientId", "error.required"));
        } else if (patient.isEmpty()) {
            violations.add(new Violation("patientId", "error.inpatient.unknown"));
        }
        if (!examsChecked) {
            // EP-6.3.4: the nurse station first checks for exams still in progress
            violations.add(new Violation("examsChecked", "error.exams-checked"));
        }
        if (depositFen != null && depositFen < 0) {
            violations.add(new Violation("depositFen", "error.amount.negative"));
        }
        Pricing.Priced priced = Pricing.price(lines, reference::item);
        violations.addAll(priced.violations());
        UUID id = RecordIds.next();
        return desk.captureInDowntime(violations, c -> {
            KnownPatient p = patient.orElseThrow();
            long deposit = depositFen != null ? depositFen : p.depositFen();
            String invoiceNo = c.drill() != null ? c.trainingNumber("SG", "INVOICE") : pools.draw(c.transaction(), PoolKind.INVOICE);
            DischargeSettled payload = new DischargeSettled(p.patientId(), p.inpatientNumber(), p.name(), p.ward(), p.bed(), priced.lines(),
                    priced.totalFen(), deposit, priced.totalFen() - deposit, true, invoiceNo);
            String json = CanonicalJson.of(payload);
            JournalEntry entry = c.append(STREAM, id, 1, "DischargeSettled", 1, json, by.accountId());
            table.insert(c.transaction(), id, entry.recordedAt(), payload.totalFen(), deposit, invoiceNo, c.phase().name(),
                    desk.seal(json, "settlement:" + id));
            invoices.use(c.transaction(), invoiceNo, "DISCHARGE", id, entry, payload.totalFen(), c.phase().name());
            Log.infof("discharge settled settlement=%s seq=%d", id, entry.kioskSeq());
            return new Settled(id, entry.kioskSeq(), entry.recordedAt(), c.phase().name(), payload);
        });
    }

    /** One settlement with its journal sequence (its reprint). */
    public Optional<Settled> byId(UUID id) {
        SettlementTable.Row row = table.byIds(List.of(id)).get(id);
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new Settled(row.id(), journal.firstSeq(id).orElse(0), row.settledAt(), row.phase(),
                CanonicalJson.read(desk.open(row.details(), "settlement:" + row.id()), DischargeSettled.class)));
    }

    /** The newest settlements, newest first (by their journal sequence). */
    public List<Settled> recent(int limit) {
        List<Journal.StreamStart> starts = journal.latestStreams(STREAM, limit);
        Map<UUID, SettlementTable.Row> rows = table.byIds(starts.stream().map(Journal.StreamStart::streamId).toList());
        List<Settled> out = new ArrayList<>(starts.size());
        for (Journal.StreamStart s : starts) {
            SettlementTable.Row row = rows.get(s.streamId());
            if (row != null) {
                out.add(new Settled(row.id(), s.kioskSeq(), row.settledAt(), row.phase(),
                        CanonicalJson.read(desk.open(row.details(), "settlement:" + row.id()), DischargeSettled.class)));
            }
        }
        return out;
    }
}
