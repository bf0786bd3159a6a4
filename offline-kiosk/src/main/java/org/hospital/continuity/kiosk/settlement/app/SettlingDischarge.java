package org.hospital.continuity.kiosk.settlement.app;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.RecordIds;
import org.hospital.continuity.kiosk.capture.app.CaptureDesk;
import org.hospital.continuity.kiosk.capture.domain.FieldRules;
import org.hospital.continuity.kiosk.capture.domain.Violation;
import org.hospital.continuity.kiosk.charge.app.ChargingPatient;
import org.hospital.continuity.kiosk.charge.domain.Pricing;
import org.hospital.continuity.kiosk.journal.app.CanonicalJson;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.pool.app.NumberPools;
import org.hospital.continuity.kiosk.pool.domain.PoolKind;
import org.hospital.continuity.kiosk.reference.app.ReferenceData;
import org.hospital.continuity.kiosk.reference.domain.KnownPatient;
import org.hospital.continuity.kiosk.session.domain.StaffSession;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * EP-6.3.3/6.3.4: an emergency discharge settled by hand during a long outage — the total from the
 * ward's detailed charge records (typed from the nurse station's list), less the deposit (预交金),
 * with a handwritten-invoice number from the manual invoice register.
 */
@ApplicationScoped
public class SettlingDischarge {

    public static final String STREAM = "discharge-settlement";

    /** Payload of {@code DischargeSettled} (schema 1). */
    public record DischargeSettled(String patientId, String inpatientNumber, String patientName, String ward, String bed,
                                   List<Pricing.PricedLine> lines, long totalFen, long depositFen, long balanceFen,
                                   boolean examsChecked, String invoiceNo) {
    }

    public record Settled(UUID id, long kioskSeq, Instant settledAt, String phase, DischargeSettled details) {
    }

    private final CaptureDesk desk;
    private final ReferenceData reference;
    private final NumberPools pools;
    private final KioskDatabase database;

    public SettlingDischarge(CaptureDesk desk, ReferenceData reference, NumberPools pools, KioskDatabase database) {
        this.desk = desk;
        this.reference = reference;
        this.pools = pools;
        this.database = database;
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
        Pricing.Priced priced = Pricing.price(lines, reference.catalogue()::byCode);
        violations.addAll(priced.violations());
        UUID id = RecordIds.next();
        return desk.captureInDowntime(violations, c -> {
            KnownPatient p = patient.orElseThrow();
            long deposit = depositFen != null ? depositFen : p.depositFen();
            String invoiceNo = pools.draw(c.connection(), PoolKind.INVOICE);
            DischargeSettled payload = new DischargeSettled(p.patientId(), p.inpatientNumber(), p.name(), p.ward(), p.bed(), priced.lines(),
                    priced.totalFen(), deposit, priced.totalFen() - deposit, true, invoiceNo);
            String json = CanonicalJson.of(payload);
            JournalEntry entry = c.append(STREAM, id, 1, "DischargeSettled", 1, json, by.accountId());
            try (PreparedStatement ps = c.connection().prepareStatement("insert into discharge_settlement(stream_id, settled_at, total_fen, "
                    + "deposit_fen, invoice_no, phase, details) values (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id.toString());
                ps.setString(2, entry.recordedAt().toString());
                ps.setLong(3, payload.totalFen());
                ps.setLong(4, deposit);
                ps.setString(5, invoiceNo);
                ps.setString(6, c.phase().name());
                ps.setBytes(7, desk.seal(json, "settlement:" + id));
                ps.executeUpdate();
            }
            ChargingPatient.useInvoice(c.connection(), invoiceNo, "DISCHARGE", id, entry, payload.totalFen(), c.phase().name());
            Log.infof("discharge settled settlement=%s seq=%d", id, entry.kioskSeq());
            return new Settled(id, entry.kioskSeq(), entry.recordedAt(), c.phase().name(), payload);
        });
    }

    public List<Settled> recent(int limit) {
        try {
            return database.read(c -> {
                List<Settled> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("select s.*, j.kiosk_seq from discharge_settlement s join journal j "
                        + "on j.stream_id = s.stream_id and j.stream_version = 1 order by j.kiosk_seq desc limit ?")) {
                    ps.setInt(1, limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String id = rs.getString("stream_id");
                            out.add(new Settled(UUID.fromString(id), rs.getLong("kiosk_seq"), Instant.parse(rs.getString("settled_at")),
                                    rs.getString("phase"), CanonicalJson.read(desk.open(rs.getBytes("details"), "settlement:" + id),
                                    DischargeSettled.class)));
                        }
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("settlements unreadable", e);
        }
    }
}
