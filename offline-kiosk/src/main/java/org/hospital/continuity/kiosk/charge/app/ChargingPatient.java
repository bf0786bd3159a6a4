package org.hospital.continuity.kiosk.charge.app;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
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
import org.hospital.continuity.kiosk.charge.domain.ChargeEvents;
import org.hospital.continuity.kiosk.charge.domain.ChargeForm;
import org.hospital.continuity.kiosk.charge.domain.Pricing;
import org.hospital.continuity.kiosk.journal.app.CanonicalJson;
import org.hospital.continuity.kiosk.journal.app.Journal;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.pool.app.NumberPools;
import org.hospital.continuity.kiosk.pool.domain.PoolKind;
import org.hospital.continuity.kiosk.reference.app.ReferenceData;
import org.hospital.continuity.kiosk.reference.domain.KnownPatient;
import org.hospital.continuity.kiosk.registration.app.RegisteringPatient;
import org.hospital.continuity.kiosk.session.domain.StaffSession;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * EP-6.2.2/6.2.3 and EP-4.4: charges priced from the snapshot, the manual invoice register (every
 * number used or voided, with reason), IOU slips while insurance is down and their exchange.
 */
@ApplicationScoped
public class ChargingPatient {

    public static final String CHARGE = "charge";
    public static final String REGISTER = "invoice-register";
    public static final String IOU = "iou";

    public record Charged(UUID id, long kioskSeq, Instant chargedAt, String phase, String status, ChargeEvents.ChargeRecorded details) {
    }

    public record RegisterLine(String invoiceNo, String purpose, UUID streamId, Instant usedAt, long amountFen, String actor,
                               String phase, String status, String voidReason, Instant voidedAt, String voidedBy) {
    }

    public record Iou(UUID id, UUID chargeId, Instant issuedAt, long amountFen, String status, String exchangedInvoice,
                      String patientName, String phone) {
    }

    private final CaptureDesk desk;
    private final NumberPools pools;
    private final ReferenceData reference;
    private final RegisteringPatient registrations;
    private final KioskDatabase database;
    private final Journal journal;

    public ChargingPatient(CaptureDesk desk, NumberPools pools, ReferenceData reference, RegisteringPatient registrations,
                           KioskDatabase database, Journal journal) {
        this.desk = desk;
        this.pools = pools;
        this.reference = reference;
        this.registrations = registrations;
        this.database = database;
        this.journal = journal;
    }

    public Charged charge(ChargeForm form, StaffSession by) {
        List<Violation> violations = new ArrayList<>(form.check());
        Pricing.Priced priced = Pricing.price(form.lines(), reference.catalogue()::byCode);
        violations.addAll(priced.violations());
        String patientNumber = null;
        String patientName = form.patientName() == null ? null : form.patientName().trim();
        if (!FieldRules.blank(form.registrationId())) {
            Optional<RegisteringPatient.Registration> r = parse(form.registrationId()).flatMap(registrations::byId);
            if (r.isEmpty()) {
                violations.add(new Violation("registrationId", "error.registration.unknown"));
            } else {
                patientNumber = r.get().details().patientNumber();
                patientName = r.get().details().name();
            }
        } else if (!FieldRules.blank(form.knownPatientId())) {
            Optional<KnownPatient> p = reference.patient(form.knownPatientId());
            if (p.isEmpty()) {
                violations.add(new Violation("knownPatientId", "error.patient.unknown"));
            } else {
                patientNumber = p.get().outpatientNumber() != null ? p.get().outpatientNumber() : p.get().inpatientNumber();
                patientName = p.get().name();
            }
        }
        String number = patientNumber;
        String name = patientName;
        UUID id = RecordIds.next();
        return desk.captureInDowntime(violations, c -> {
            boolean iou = ChargeForm.IOU.equals(form.settlement());
            String invoiceNo = iou ? null : pools.draw(c.connection(), PoolKind.INVOICE);
            UUID iouId = iou ? RecordIds.next() : null;
            ChargeEvents.ChargeRecorded payload = new ChargeEvents.ChargeRecorded(blank(form.registrationId()), number,
                    blank(form.knownPatientId()), name, priced.lines(), priced.totalFen(), form.settlement(),
                    iou ? null : form.paymentMethod(), form.insuranceDeferred(), blank(form.phone()), invoiceNo,
                    iouId == null ? null : iouId.toString());
            String json = CanonicalJson.of(payload);
            JournalEntry entry = c.append(CHARGE, id, 1, "ChargeRecorded", 1, json, by.accountId());
            try (PreparedStatement ps = c.connection().prepareStatement("insert into charge(stream_id, patient_ref, charged_at, total_fen, "
                    + "settlement, payment_method, invoice_no, phase, status, version, details) values (?, ?, ?, ?, ?, ?, ?, ?, 'CHARGED', 1, ?)")) {
                ps.setString(1, id.toString());
                ps.setString(2, payload.registrationId() != null ? payload.registrationId() : payload.knownPatientId());
                ps.setString(3, entry.recordedAt().toString());
                ps.setLong(4, payload.totalFen());
                ps.setString(5, payload.settlement());
                ps.setString(6, payload.paymentMethod());
                ps.setString(7, invoiceNo);
                ps.setString(8, c.phase().name());
                ps.setBytes(9, desk.seal(json, "charge:" + id));
                ps.executeUpdate();
            }
            if (invoiceNo != null) {
                useInvoice(c.connection(), invoiceNo, "CHARGE", id, entry, payload.totalFen(), c.phase().name());
            }
            if (iou) {
                ChargeEvents.IouIssued slip = new ChargeEvents.IouIssued(id.toString(), name, form.phone().trim(), payload.totalFen());
                String slipJson = CanonicalJson.of(slip);
                JournalEntry slipEntry = c.append(IOU, iouId, 1, "IouIssued", 1, slipJson, by.accountId());
                try (PreparedStatement ps = c.connection().prepareStatement("insert into iou(stream_id, charge_stream, issued_at, amount_fen, "
                        + "status, version, details) values (?, ?, ?, ?, 'OPEN', 1, ?)")) {
                    ps.setString(1, iouId.toString());
                    ps.setString(2, id.toString());
                    ps.setString(3, slipEntry.recordedAt().toString());
                    ps.setLong(4, slip.amountFen());
                    ps.setBytes(5, desk.seal(slipJson, "iou:" + iouId));
                    ps.executeUpdate();
                }
            }
            Log.infof("charge recorded charge=%s seq=%d settlement=%s", id, entry.kioskSeq(), payload.settlement());
            return new Charged(id, entry.kioskSeq(), entry.recordedAt(), c.phase().name(), "CHARGED", payload);
        });
    }

    /** HR-9: voiding an invoice is a new entry on the charge's stream with the reason; nothing is deleted. */
    public RegisterLine voidInvoice(String invoiceNo, String reason, StaffSession by) {
        List<Violation> violations = new ArrayList<>();
        FieldRules.freeText(violations, "reason", reason, 2, 200, true);
        RegisterLine line = register().stream().filter(l -> l.invoiceNo().equals(invoiceNo)).findFirst()
                .orElseThrow(() -> new KioskRejection(404, "not-found", "EP-6.2.3", "error.invoice.unknown", List.of()));
        if ("VOIDED".equals(line.status())) {
            throw KioskRejection.conflict("already-voided", "HR-9", "error.invoice.already-voided");
        }
        desk.capture(violations, c -> {
            int version = nextVersion(c.connection(), line.streamId());
            JournalEntry entry = c.append(CHARGE, line.streamId(), version, "InvoiceVoided", 1,
                    CanonicalJson.of(new ChargeEvents.InvoiceVoided(invoiceNo, reason.trim())), by.accountId());
            markVoided(c.connection(), invoiceNo, reason.trim(), entry);
            try (PreparedStatement ps = c.connection().prepareStatement("update charge set status = 'VOIDED', version = ? where stream_id = ?")) {
                ps.setInt(1, version);
                ps.setString(2, line.streamId().toString());
                ps.executeUpdate();
            }
            return entry;
        });
        return register().stream().filter(l -> l.invoiceNo().equals(invoiceNo)).findFirst().orElseThrow();
    }

    /** A paper invoice spoiled before use: the next number is drawn and voided with the reason. */
    public RegisterLine spoilNextInvoice(String reason, StaffSession by) {
        List<Violation> violations = new ArrayList<>();
        FieldRules.freeText(violations, "reason", reason, 2, 200, true);
        String no = desk.capture(violations, c -> {
            String invoiceNo = pools.draw(c.connection(), PoolKind.INVOICE);
            UUID id = RecordIds.next();
            JournalEntry entry = c.append(REGISTER, id, 1, "InvoiceNumberSpoiled", 1,
                    CanonicalJson.of(new ChargeEvents.InvoiceNumberSpoiled(invoiceNo, reason.trim())), by.accountId());
            useInvoice(c.connection(), invoiceNo, "SPOILED", id, entry, 0, c.phase().name());
            markVoided(c.connection(), invoiceNo, reason.trim(), entry);
            return invoiceNo;
        });
        return register().stream().filter(l -> l.invoiceNo().equals(no)).findFirst().orElseThrow();
    }

    /** EP-4.4: after recovery the IOU is exchanged for a formal invoice; the slip stays on record. */
    public Iou exchangeIou(UUID iouId, String formalInvoiceNo, StaffSession by) {
        List<Violation> violations = new ArrayList<>();
        FieldRules.numberText(violations, "formalInvoiceNo", formalInvoiceNo, true);
        Iou iou = ious(false).stream().filter(i -> i.id().equals(iouId)).findFirst()
                .orElseThrow(() -> new KioskRejection(404, "not-found", "EP-4.4", "error.iou.unknown", List.of()));
        if (!"OPEN".equals(iou.status())) {
            throw KioskRejection.conflict("iou-not-open", "EP-4.4", "error.iou.not-open");
        }
        desk.capture(violations, c -> {
            JournalEntry entry = c.append(IOU, iouId, 2, "IouExchanged", 1,
                    CanonicalJson.of(new ChargeEvents.IouExchanged(formalInvoiceNo.trim())), by.accountId());
            try (PreparedStatement ps = c.connection().prepareStatement("update iou set status = 'EXCHANGED', exchanged_invoice = ?, "
                    + "exchanged_at = ?, version = 2 where stream_id = ?")) {
                ps.setString(1, formalInvoiceNo.trim());
                ps.setString(2, entry.recordedAt().toString());
                ps.setString(3, iouId.toString());
                ps.executeUpdate();
            }
            return entry;
        });
        return ious(false).stream().filter(i -> i.id().equals(iouId)).findFirst().orElseThrow();
    }

    /** The manual invoice register (手工发票登记): every number used or voided, in number order. */
    public List<RegisterLine> register() {
        try {
            return database.read(c -> {
                List<RegisterLine> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("select * from invoice_register order by invoice_no");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RegisterLine(rs.getString("invoice_no"), rs.getString("purpose"), UUID.fromString(rs.getString("stream_id")),
                                Instant.parse(rs.getString("used_at")), rs.getLong("amount_fen"), rs.getString("actor"), rs.getString("phase"),
                                rs.getString("status"), rs.getString("void_reason"),
                                rs.getString("voided_at") == null ? null : Instant.parse(rs.getString("voided_at")), rs.getString("voided_by")));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("invoice register unreadable", e);
        }
    }

    public List<Iou> ious(boolean openOnly) {
        try {
            return database.read(c -> {
                List<Iou> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("select * from iou" + (openOnly ? " where status = 'OPEN'" : "")
                        + " order by issued_at"); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString("stream_id");
                        ChargeEvents.IouIssued slip = CanonicalJson.read(desk.open(rs.getBytes("details"), "iou:" + id), ChargeEvents.IouIssued.class);
                        out.add(new Iou(UUID.fromString(id), UUID.fromString(rs.getString("charge_stream")), Instant.parse(rs.getString("issued_at")),
                                rs.getLong("amount_fen"), rs.getString("status"), rs.getString("exchanged_invoice"), slip.patientName(), slip.phone()));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("IOUs unreadable", e);
        }
    }

    public List<Charged> recent(int limit) {
        try {
            return database.read(c -> {
                List<Charged> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("select ch.*, j.kiosk_seq from charge ch join journal j on j.stream_id = ch.stream_id "
                        + "and j.stream_version = 1 order by j.kiosk_seq desc limit ?")) {
                    ps.setInt(1, limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String id = rs.getString("stream_id");
                            out.add(new Charged(UUID.fromString(id), rs.getLong("kiosk_seq"), Instant.parse(rs.getString("charged_at")),
                                    rs.getString("phase"), rs.getString("status"),
                                    CanonicalJson.read(desk.open(rs.getBytes("details"), "charge:" + id), ChargeEvents.ChargeRecorded.class)));
                        }
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("charges unreadable", e);
        }
    }

    /** Shared with discharge settlement: a number of the register used for a record. */
    public static void useInvoice(Connection c, String invoiceNo, String purpose, UUID streamId, JournalEntry entry, long amountFen,
                                  String phase) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into invoice_register(invoice_no, stream_id, purpose, used_at, amount_fen, "
                + "actor, phase, status) values (?, ?, ?, ?, ?, ?, ?, 'USED')")) {
            ps.setString(1, invoiceNo);
            ps.setString(2, streamId.toString());
            ps.setString(3, purpose);
            ps.setString(4, entry.recordedAt().toString());
            ps.setLong(5, amountFen);
            ps.setString(6, entry.actor());
            ps.setString(7, phase);
            ps.executeUpdate();
        }
    }

    private static void markVoided(Connection c, String invoiceNo, String reason, JournalEntry entry) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update invoice_register set status = 'VOIDED', void_reason = ?, voided_at = ?, "
                + "voided_by = ? where invoice_no = ?")) {
            ps.setString(1, reason);
            ps.setString(2, entry.recordedAt().toString());
            ps.setString(3, entry.actor());
            ps.setString(4, invoiceNo);
            ps.executeUpdate();
        }
    }

    private static int nextVersion(Connection c, UUID streamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(stream_version), 0) + 1 from journal where stream_id = ?")) {
            ps.setString(1, streamId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Optional<UUID> parse(String s) {
        try {
            return Optional.of(UUID.fromString(s.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    Journal journal() {
        return journal;
    }
}
