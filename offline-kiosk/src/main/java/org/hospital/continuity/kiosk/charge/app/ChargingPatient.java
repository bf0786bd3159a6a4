package org.hospital.continuity.kiosk.charge.app;

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
import org.hospital.continuity.kiosk.charge.Pricing;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.kiosk.charge.domain.ChargeForm;
import org.hospital.continuity.kiosk.charge.persistence.ChargeTables;
import org.hospital.continuity.kiosk.charge.persistence.InvoiceRegisterTable;
import org.hospital.continuity.kiosk.journal.CanonicalJson;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.pool.NumberPools;
import org.hospital.continuity.kiosk.pool.PoolKind;
import org.hospital.continuity.kiosk.reference.KnownPatient;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.sync.contract.DowntimeRecord.PatientRegistered;
import org.hospital.continuity.kiosk.registration.RegisteringPatient;
import org.hospital.continuity.kiosk.session.StaffSession;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.envelope.RecordIds;

/**
 * EP-6.2.2/6.2.3 and EP-4.4: charges priced from the snapshot, the manual invoice register (every
 * number used or voided, with reason), IOU slips while insurance is down and their exchange.
 */
@ApplicationScoped
public class ChargingPatient {

    public static final String CHARGE = "charge";
    public static final String REGISTER = "invoice-register";
    public static final String IOU = "iou";

    public record Charged(UUID id, long kioskSeq, Instant chargedAt, String phase, String status, DowntimeRecord.ChargeRecorded details) {
    }

    /** A line of the invoice register; {@code actorName} and {@code voidedByName} are the people's names (filled for the desk). */
    public record RegisterLine(String invoiceNo, String purpose, UUID streamId, Instant usedAt, long amountFen, String actor,
                               String phase, String status, String voidReason, Instant voidedAt, String voidedBy, String actorName,
                               String voidedByName) {
    }

    /** An IOU slip as the desk lists it: its short number, patient, phone (masked on lists by the UI's caller) and amount. */
    public record Iou(UUID id, UUID chargeId, Instant issuedAt, long amountFen, String status, String exchangedInvoice,
                      String patientName, String phone, String number) {
    }

    private final CaptureDesk desk;
    private final NumberPools pools;
    private final ReferenceData reference;
    private final RegisteringPatient registrations;
    private final Journal journal;
    private final ChargeTables tables;
    private final InvoiceRegisterTable register;
    private final org.hospital.continuity.kiosk.session.Sessions names;

    public ChargingPatient(CaptureDesk desk, NumberPools pools, ReferenceData reference, RegisteringPatient registrations, Journal journal,
                           ChargeTables tables, InvoiceRegisterTable register, org.hospital.continuity.kiosk.session.Sessions names) {
        this.names = names;
        this.desk = desk;
        this.pools = pools;
        this.reference = reference;
        this.registrations = registrations;
        this.journal = journal;
        this.tables = tables;
        this.register = register;
    }

    public Charged charge(ChargeForm typed, StaffSession by) {
        List<Violation> violations = new ArrayList<>();
        ChargeForm filled = typed;
        String patientNumber = null;
        String patientName = typed.patientName() == null ? null : typed.patientName().trim();
        if (!FieldRules.blank(typed.registrationId())) {
            Optional<PatientRegistered> r = parse(typed.registrationId()).flatMap(registrations::registered);
            if (r.isEmpty()) {
                violations.add(new Violation("registrationId", "error.registration.unknown"));
            } else {
                patientNumber = r.get().patientNumber();
                patientName = r.get().name();
                filled = typed.withInsurance(r.get().insuranceType(), r.get().insuranceCard());
            }
        } else if (!FieldRules.blank(typed.knownPatientId())) {
            Optional<KnownPatient> p = reference.patient(typed.knownPatientId());
            if (p.isEmpty()) {
                violations.add(new Violation("knownPatientId", "error.patient.unknown"));
            } else {
                patientNumber = p.get().outpatientNumber() != null ? p.get().outpatientNumber() : p.get().inpatientNumber();
                patientName = p.get().name();
                filled = typed.withInsurance(p.get().insuranceType(), p.get().insuranceCard());
            }
        }
        violations.addAll(0, filled.check());
        Pricing.Priced priced = Pricing.price(filled.lines(), reference::item);
        violations.addAll(priced.violations());
        ChargeForm checked = filled;
        String number = patientNumber;
        String name = patientName;
        UUID id = RecordIds.next();
        return desk.captureInDowntime(violations, c -> {
            ChargeForm form = checked;
            boolean iou = ChargeForm.IOU.equals(form.settlement());
            String invoiceNo = iou ? null : invoiceNumber(c);
            UUID iouId = iou ? RecordIds.next() : null;
            // EP-4.4: a short number a patient can read out when exchanging the slip: this kiosk's prefix and a sequence
            String iouNumber = !iou ? null : c.drill() != null ? c.trainingNumber(iouPrefix() + "-", "IOU") // HR-21: a drill's own series
                    : iouPrefix() + "-" + String.format("%04d", tables.iouCount(c.transaction()) + 1);
            DowntimeRecord.ChargeRecorded payload = new DowntimeRecord.ChargeRecorded(blank(form.registrationId()), number,
                    blank(form.knownPatientId()), name, priced.lines(), priced.totalFen(), form.settlement(),
                    iou ? null : form.paymentMethod(), form.insuranceDeferred(), blank(form.phone()), invoiceNo,
                    iouId == null ? null : iouId.toString(), iouNumber, blank(form.insuranceType()), blank(form.insuranceCard()));
            String json = CanonicalJson.of(payload);
            JournalEntry entry = c.append(CHARGE, id, 1, "ChargeRecorded", Contract.CURRENT.schemaVersion(payload), json, by.accountId());
            tables.insertCharge(c.transaction(), id, payload.registrationId() != null ? payload.registrationId() : payload.knownPatientId(),
                    entry.recordedAt(), payload.totalFen(), payload.settlement(), payload.paymentMethod(), invoiceNo, c.phase().name(),
                    desk.seal(json, "charge:" + id));
            if (invoiceNo != null) {
                register.use(c.transaction(), invoiceNo, "CHARGE", id, entry, payload.totalFen(), c.phase().name());
            }
            if (iou) {
                DowntimeRecord.IouIssued slip = new DowntimeRecord.IouIssued(id.toString(), name, form.phone().trim(), payload.totalFen(),
                        iouNumber, payload.insuranceType(), payload.insuranceCard());
                String slipJson = CanonicalJson.of(slip);
                JournalEntry slipEntry = c.append(IOU, iouId, 1, "IouIssued", Contract.CURRENT.schemaVersion(slip), slipJson, by.accountId());
                tables.insertIou(c.transaction(), iouId, id, slipEntry.recordedAt(), slip.amountFen(), desk.seal(slipJson, "iou:" + iouId),
                        c.drill());
            }
            Log.infof("charge recorded charge=%s seq=%d settlement=%s", id, entry.kioskSeq(), payload.settlement());
            return new Charged(id, entry.kioskSeq(), entry.recordedAt(), c.phase().name(), "CHARGED", payload);
        });
    }

    /**
     * HR-9: voiding an invoice is a new entry on the charge's stream with the reason; nothing is deleted, the charge as
     * captured stays readable (and reprints with its void mark). A void of a money record needs a second person: a cashier
     * lead (SUPERVISOR), not the cashier who voids, confirms it here with their own password (checked offline, counted
     * against the same lockout, audited); both names are journaled (the voider as the entry's actor, the approver in it).
     */
    public RegisterLine voidInvoice(String invoiceNo, String reason, String approverAccountId, String approverPassword, StaffSession by) {
        List<Violation> violations = new ArrayList<>();
        FieldRules.freeText(violations, "reason", reason, 2, 200, true);
        RegisterLine line = register().stream().filter(l -> l.invoiceNo().equals(invoiceNo)).findFirst()
                .orElseThrow(() -> new KioskRejection(404, "not-found", "EP-6.2.3", "error.invoice.unknown", List.of()));
        if ("VOIDED".equals(line.status())) {
            throw KioskRejection.conflict("already-voided", "HR-9", "error.invoice.already-voided");
        }
        StaffSession approver = secondPerson(violations, approverAccountId, approverPassword, by);
        StaffSession approvedBy = approver;
        desk.capture(violations, c -> {
            int version = c.nextVersion(line.streamId());
            DowntimeRecord.InvoiceVoided voided = new DowntimeRecord.InvoiceVoided(invoiceNo, reason.trim(), approvedBy.accountId(),
                    approvedBy.displayName());
            JournalEntry entry = c.append(CHARGE, line.streamId(), version, "InvoiceVoided", Contract.CURRENT.schemaVersion(voided),
                    CanonicalJson.of(voided), by.accountId());
            register.markVoided(c.transaction(), invoiceNo, reason.trim(), entry);
            tables.markVoided(c.transaction(), line.streamId(), version);
            return entry;
        });
        Log.infof("invoice voided seq-stream=%s approved by a second person", line.streamId());
        return register().stream().filter(l -> l.invoiceNo().equals(invoiceNo)).findFirst().orElseThrow();
    }

    /**
     * A paper invoice spoiled before use: the next number is drawn and voided with the reason. HR-9: like a void, it needs
     * a second person (a cashier lead with their password, not the cashier); both names are journaled
     * ({@code InvoiceNumberSpoiled} schema version 2: the spoiler is the entry's actor, the approver in the record).
     */
    public RegisterLine spoilNextInvoice(String reason, String approverAccountId, String approverPassword, StaffSession by) {
        List<Violation> violations = new ArrayList<>();
        FieldRules.freeText(violations, "reason", reason, 2, 200, true);
        StaffSession approver = secondPerson(violations, approverAccountId, approverPassword, by);
        String no = desk.capture(violations, c -> {
            String invoiceNo = invoiceNumber(c);
            UUID id = RecordIds.next();
            DowntimeRecord.InvoiceNumberSpoiled spoiled = new DowntimeRecord.InvoiceNumberSpoiled(invoiceNo, reason.trim(),
                    approver.accountId(), approver.displayName());
            JournalEntry entry = c.append(REGISTER, id, 1, "InvoiceNumberSpoiled", Contract.CURRENT.schemaVersion(spoiled),
                    CanonicalJson.of(spoiled), by.accountId());
            register.use(c.transaction(), invoiceNo, "SPOILED", id, entry, 0, c.phase().name());
            register.markVoided(c.transaction(), invoiceNo, reason.trim(), entry);
            return invoiceNo;
        });
        return register().stream().filter(l -> l.invoiceNo().equals(no)).findFirst().orElseThrow();
    }

    /**
     * HR-9: the second person who approves a change of a money record at the cashier's desk: a cashier lead (SUPERVISOR),
     * not {@code by}, confirming with their own password (checked offline against the same verifiers and lockout as a
     * sign-in, audited). Null, with the violations naming the fields, when any of that does not hold; the password is
     * checked only once everything else holds.
     */
    private StaffSession secondPerson(List<Violation> violations, String approverAccountId, String approverPassword, StaffSession by) {
        String approverId = approverAccountId == null ? "" : approverAccountId.trim();
        if (approverId.isEmpty()) {
            violations.add(new Violation("approverAccountId", "error.required"));
        } else if (approverId.equalsIgnoreCase(by.accountId())) {
            violations.add(new Violation("approverAccountId", "error.void.second-person"));
        }
        if (approverPassword == null || approverPassword.isEmpty()) {
            violations.add(new Violation("approverPassword", "error.required"));
        }
        StaffSession approver = null;
        if (violations.isEmpty()) {
            try {
                approver = names.confirm(approverId, approverPassword.toCharArray());
            } catch (KioskRejection refused) {
                violations.add(new Violation("approverPassword",
                        "account-locked".equals(refused.slug()) ? "error.login.locked" : "error.login.failed"));
            }
            if (approver != null && !approver.roles().contains(StaffSession.SUPERVISOR)) {
                violations.add(new Violation("approverAccountId", "error.void.approver-role"));
            }
        }
        return approver;
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
                    CanonicalJson.of(new DowntimeRecord.IouExchanged(formalInvoiceNo.trim())), by.accountId());
            tables.markExchanged(c.transaction(), iouId, formalInvoiceNo.trim(), entry.recordedAt());
            return entry;
        });
        return ious(false).stream().filter(i -> i.id().equals(iouId)).findFirst().orElseThrow();
    }

    /** The manual invoice register (手工发票登记): every number used or voided, in number order. */
    public List<RegisterLine> register() {
        return register.lines().stream().map(l -> new RegisterLine(l.invoiceNo(), l.purpose(), l.streamId(), l.usedAt(), l.amountFen(),
                l.actor(), l.phase(), l.status(), l.voidReason(), l.voidedAt(), l.voidedBy(), names.nameOf(l.actor()),
                names.nameOf(l.voidedBy()))).toList();
    }

    public List<Iou> ious(boolean openOnly) {
        return tables.ious(openOnly).stream().map(row -> {
            DowntimeRecord.IouIssued slip = CanonicalJson.read(desk.open(row.details(), "iou:" + row.id()), DowntimeRecord.IouIssued.class);
            return new Iou(row.id(), row.chargeId(), row.issuedAt(), row.amountFen(), row.status(), row.exchangedInvoice(), slip.patientName(),
                    slip.phone(), slip.number());
        }).toList();
    }

    /** The newest charges, newest first (by their journal sequence). */
    public List<Charged> recent(int limit) {
        List<Journal.StreamStart> starts = journal.latestStreams(CHARGE, limit);
        Map<UUID, ChargeTables.ChargeRow> rows = tables.charges(starts.stream().map(Journal.StreamStart::streamId).toList());
        List<Charged> out = new ArrayList<>(starts.size());
        for (Journal.StreamStart s : starts) {
            ChargeTables.ChargeRow row = rows.get(s.streamId());
            if (row != null) {
                out.add(new Charged(row.id(), s.kioskSeq(), row.chargedAt(), row.phase(), row.status(),
                        CanonicalJson.read(desk.open(row.details(), "charge:" + row.id()), DowntimeRecord.ChargeRecorded.class)));
            }
        }
        return out;
    }

    /** One charge with its journal sequence, or empty (the reprint of an invoice or an IOU slip). */
    public Optional<Charged> byId(UUID id) {
        Map<UUID, ChargeTables.ChargeRow> rows = tables.charges(List.of(id));
        ChargeTables.ChargeRow row = rows.get(id);
        if (row == null) {
            return Optional.empty();
        }
        long seq = journal.firstSeq(id).orElse(0);
        return Optional.of(new Charged(row.id(), seq, row.chargedAt(), row.phase(), row.status(),
                CanonicalJson.read(desk.open(row.details(), "charge:" + row.id()), DowntimeRecord.ChargeRecorded.class)));
    }

    /** The prefix of this kiosk's IOU numbers: the last four characters of its id (K-1A2B3C4D → 3C4D). */
    /** The next invoice number: from the kiosk's blocks, or (HR-21) from the drill's training series while in a drill. */
    private String invoiceNumber(org.hospital.continuity.kiosk.journal.Journal.Capture c) {
        return c.drill() != null ? c.trainingNumber("SG", "INVOICE") : pools.draw(c.transaction(), PoolKind.INVOICE);
    }

    private String iouPrefix() {
        String kiosk = journal.kioskId().orElse("0000").replace("-", "");
        return kiosk.substring(Math.max(0, kiosk.length() - 4));
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
}
