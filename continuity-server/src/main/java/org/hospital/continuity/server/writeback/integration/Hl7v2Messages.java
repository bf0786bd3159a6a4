package org.hospital.continuity.server.writeback.integration;

import static org.hospital.continuity.server.writeback.integration.Er7.comp;
import static org.hospital.continuity.server.writeback.integration.Er7.esc;
import static org.hospital.continuity.server.writeback.integration.Er7.seg;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.his.ChineseNames;
import org.hospital.continuity.sync.his.DowntimeVisit;
import org.hospital.continuity.sync.his.HisRecord;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;
import org.hospital.continuity.sync.matching.NationalId;

/**
 * The HL7 v2.5.1 messages of one downtime visit or record (docs/writeback.md, "HL7 v2 link"), in the order they are
 * sent; the link sends the next only after the HIS accepted the one before. Pure: the same record gives the same
 * messages and the same control ids (MSH-10, {@link Er7#controlId}), so a resend is recognisable.
 *
 * <ul>
 *   <li>a visit → ADT^A04 (patient and outpatient visit), then RDE^O11 (its drug lines), OMG^O19 (its item lines),
 *   RDS^O13 (the drug lines dispensed during the outage) and DFT^P03 (every charged line);</li>
 *   <li>a prescription or requisition → RDE^O11 (one ORC/RXE per line, ORC-4 = the record); an order, lab or exam request
 *   → OMG^O19; the exam register → OMG^O19 (completed) + DFT^P03; a dispense → RDS^O13 (ORC-2 the order line it fills)
 *   + DFT^P03; ward and cashier charges → DFT^P03; a discharge settlement → DFT^P03 (charges and the payment of the
 *   balance with the invoice number); an IOU exchange → DFT^P03 (the payment); an allergy → ADT^A60 (IAM);</li>
 *   <li>HR-9 a void → the original's messages again with ORC-1 {@code CA}, FT1-6 {@code CD} (reversal) or IAM-6
 *   {@code D}; a correction → ORC-1 {@code DC}, FT1-6 {@code CD}; ZDT names the amendment, who and why.</li>
 * </ul>
 * Every message carries ZDT (where it came from: kiosk, incident, paper form, downtime number, amendment).
 */
public final class Hl7v2Messages {

    /** One message to send: its type, its control id and its text. */
    public record Outgoing(String type, String controlId, String er7) {
    }

    /** PID-3 assigning authorities and identifier types this link writes. */
    public static final String HIS_AUTHORITY = "HIS";
    public static final String DOWNTIME_AUTHORITY = "CONTINUITY-DT";
    public static final String VISIT_AUTHORITY = "CONTINUITY-VISIT";
    public static final String NATIONAL_ID = "&2.16.156.10011.1.1&ISO";

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final String hisApplication;
    private final String hisFacility;
    private final ZoneId zone;
    private final InstantSource clock;

    public Hl7v2Messages(String hisApplication, String hisFacility, ZoneId zone, InstantSource clock) {
        this.hisApplication = hisApplication;
        this.hisFacility = hisFacility;
        this.zone = zone;
        this.clock = clock;
    }

    /** A patient reference of this link for an HIS patient id (PID-3 as the HIS holds it). */
    public static String patientRef(String hisPatientId) {
        return comp(esc(hisPatientId), "", "", HIS_AUTHORITY, "MR");
    }

    /** An encounter reference of this link for an HIS visit or admission number (PV1-19). */
    public static String encounterRef(String visitNumber, String authority) {
        return comp(esc(visitNumber), "", "", authority, "VN");
    }

    String ts(Instant at) {
        return at == null ? "" : TS.format(at.atZone(zone));
    }

    private String msh(String kioskId, String type, String controlId) {
        return "MSH|^~\\&|CONTINUITY|" + esc(kioskId) + "|" + esc(hisApplication) + "|" + esc(hisFacility) + "|" + ts(clock.instant())
                + "||" + type + "|" + controlId + "|P|2.5.1|||||CHN|UNICODE UTF-8";
    }

    private Outgoing message(String kioskId, String type, String kind, UUID id, List<String> body) {
        String control = Er7.controlId(kind, id);
        StringBuilder b = new StringBuilder(msh(kioskId, type, control));
        for (String s : body) {
            b.append('\r').append(s);
        }
        return new Outgoing(type.substring(0, 7), control, b.append('\r').toString());
    }

    // ---- visits -------------------------------------------------------------------------------------------

    /** The messages of a downtime visit: ADT^A04, then its orders, dispenses and charges. */
    public List<Outgoing> visit(DowntimeVisit v) {
        String pid = visitPid(v);
        String pv1 = seg("PV1", "1", "O", esc(v.departmentCode()), "", "", "", doctor(v.doctorCode()), "", "", "", "", "", "", "", "", "",
                "", "", encounterRef(v.visitId().toString(), VISIT_AUTHORITY), "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                "", "", "", "", "", "", "", "", ts(v.registeredAt()));
        String zdt = zdt(v.kioskId(), v.breakpoint(), v.paperFormId(), v.downtimeNumber(), null, null, null);
        List<Outgoing> out = new ArrayList<>();
        out.add(message(v.kioskId(), "ADT^A04^ADT_A01", "A04", v.visitId(), List.of(
                seg("EVN", "A04", ts(v.registeredAt()), "", "", staff(v.operator()), ts(v.registeredAt())), pid, pv1, zdt)));
        List<DowntimeVisit.Line> drugs = v.lines().stream().filter(l -> l.kind() == DowntimeVisit.Kind.DRUG).toList();
        List<DowntimeVisit.Line> items = v.lines().stream().filter(l -> l.kind() == DowntimeVisit.Kind.ITEM).toList();
        if (!drugs.isEmpty()) {
            List<String> body = new ArrayList<>(List.of(pid, pv1));
            for (DowntimeVisit.Line l : drugs) {
                body.add(orc("NW", l.lineId(), null, v.visitId(), v.registeredAt(), v.operator(), v.doctorCode()));
                body.add(rxe(l.hisCode(), l.name(), l.quantity(), l.unit(), null, null, null));
            }
            body.add(zdt);
            out.add(message(v.kioskId(), "RDE^O11^RDE_O11", "RDE", v.visitId(), body));
        }
        if (!items.isEmpty()) {
            List<String> body = new ArrayList<>(List.of(pid, pv1));
            for (DowntimeVisit.Line l : items) {
                body.add(orc("NW", l.lineId(), null, v.visitId(), v.registeredAt(), v.operator(), v.doctorCode()));
                body.add(seg("OBR", "1", esc(l.lineId().toString()), "", comp(esc(l.hisCode()), esc(l.name()), "HIS-ITEM")));
            }
            body.add(zdt);
            out.add(message(v.kioskId(), "OMG^O19^OMG_O19", "OMG", v.visitId(), body));
        }
        List<DowntimeVisit.Line> dispensed = drugs.stream().filter(DowntimeVisit.Line::dispensed).toList();
        if (!dispensed.isEmpty()) {
            List<String> body = new ArrayList<>(List.of(pid, pv1));
            for (DowntimeVisit.Line l : dispensed) {
                body.add(orc("RE", l.lineId(), l.lineId(), v.visitId(), v.registeredAt(), v.operator(), v.doctorCode()));
                body.add(rxd(l.hisCode(), l.name(), l.quantity(), l.unit(), v.registeredAt(), l.lineId()));
            }
            body.add(zdt);
            out.add(message(v.kioskId(), "RDS^O13^RDS_O13", "RDS", v.visitId(), body));
        }
        if (!v.lines().isEmpty()) {
            List<String> body = new ArrayList<>(List.of(seg("EVN", "P03", ts(v.registeredAt())), pid, pv1));
            int i = 1;
            for (DowntimeVisit.Line l : v.lines()) {
                body.add(ft1(i++, l.lineId(), v.registeredAt(), "CG", l.kind() == DowntimeVisit.Kind.DRUG ? "HIS-DRUG" : "HIS-ITEM",
                        l.hisCode(), l.name(), l.quantity(), l.unitPriceFen(), v.departmentCode(), v.operator(), v.doctorCode(), null));
            }
            body.add(zdt);
            out.add(message(v.kioskId(), "DFT^P03^DFT_P03", "P03", v.visitId(), body));
        }
        return out;
    }

    private static String visitPid(DowntimeVisit v) {
        PatientFacts p = v.patient();
        List<String> ids = new ArrayList<>();
        if (v.hisPatientRef() != null) {
            ids.add(v.hisPatientRef());
        }
        if (p.nationalId() != null && NationalId.isValid(p.nationalId())) {
            ids.add(comp(esc(p.nationalId()), "", "", NATIONAL_ID, "NNCHN"));
        }
        ids.add(comp(esc(v.downtimeNumber()), "", "", DOWNTIME_AUTHORITY, "PI"));
        String name = "";
        if (p.name() != null) {
            ChineseNames.Split split = ChineseNames.split(p.name());
            name = comp(esc(split.family()), esc(split.given()));
        }
        return seg("PID", "1", "", String.join("~", ids), "", name, "", p.birthDate() == null ? "" : DATE.format(p.birthDate()),
                sex(p.sex()), "", "", "", "", p.phone() == null ? "" : comp(esc(p.phone()), "PRN", "PH"));
    }

    private static String sex(Sex s) {
        return s == null ? "U" : switch (s) {
            case MALE -> "M";
            case FEMALE -> "F";
            default -> "U";
        };
    }

    // ---- records ------------------------------------------------------------------------------------------

    /** The messages of a record (and of an amendment: the original's, with the new order control / reversal). */
    public List<Outgoing> record(HisRecord r) {
        if (r instanceof HisRecord.Amendment a) {
            return amended(a);
        }
        return record(r, r.recordId(), "", null);
    }

    /**
     * @param control  the order control / transaction kind to write ("" = new)
     * @param amend    the amendment this is sent for, or null
     */
    private List<Outgoing> record(HisRecord r, UUID messageId, String control, HisRecord.Amendment amend) {
        HisRecord.Source s = amend == null ? r.source() : amend.source();
        String kiosk = s.kioskId();
        String pid = seg("PID", "1", "", r.subject().patientRef());
        String pv1 = seg("PV1", "1", r.subject().encounterRef() != null && r.subject().encounterRef().contains("^^^" + HIS_AUTHORITY + "^") ? "I" : "O",
                "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", r.subject().encounterRef() == null ? "" : r.subject().encounterRef());
        String zdt = zdt(kiosk, s.breakpoint(), null, null, amend == null ? null : amend.kind().name(), amend == null ? null : amend.reason(),
                amend == null ? null : amend.correctedBy());
        String orderControl = control.isEmpty() ? "NW" : control;
        String chargeType = control.isEmpty() ? "CG" : "CD";
        List<Outgoing> out = new ArrayList<>();
        String who = s.operator();
        Instant at = s.capturedAt();
        if (r instanceof HisRecord.MedicationOrder m) {
            List<String> body = new ArrayList<>(List.of(pid, pv1));
            for (HisRecord.DrugOrderLine l : m.lines()) {
                body.add(orc(orderControl, l.lineId(), null, m.recordId(), at, who, null));
                body.add(rxe(l.hisCode(), l.name(), l.quantity(), l.unit(), l.dose(), l.frequency(), l.days()));
                if (l.route() != null) {
                    body.add(seg("RXR", comp(esc(l.route()))));
                }
            }
            if (m.diagnosis() != null) {
                body.add(seg("NTE", "1", "", esc(m.diagnosis())));
            }
            body.add(zdt);
            out.add(message(kiosk, "RDE^O11^RDE_O11", "RDE", messageId, body));
        } else if (r instanceof HisRecord.ServiceOrder o) {
            List<String> body = new ArrayList<>(List.of(pid, pv1, orc(orderControl, o.recordId(), null, o.recordId(), at, who, null),
                    seg("OBR", "1", esc(o.recordId().toString()), "", comp("", esc(o.content()), "", o.kind().name(), "", "CONTINUITY"))));
            if (o.dischargeMark() != null) {
                body.add(seg("NTE", "1", "", esc(o.dischargeMark())));
            }
            body.add(zdt);
            out.add(message(kiosk, "OMG^O19^OMG_O19", "OMG", messageId, body));
        } else if (r instanceof HisRecord.ExamsDone e) {
            List<String> body = new ArrayList<>(List.of(pid, pv1));
            for (HisRecord.ChargeLine l : e.exams()) {
                String orc = seg("ORC", control.isEmpty() ? "SC" : control, esc(l.lineId().toString()), "", esc(e.recordId().toString()),
                        "CM", "", "", "", ts(at), staff(who));
                body.add(orc);
                body.add(seg("OBR", "1", esc(l.lineId().toString()), esc(e.stubNumber()), comp(esc(l.hisCode()), esc(l.name()), "HIS-ITEM"),
                        "", "", ts(at)));
            }
            body.add(zdt);
            out.add(message(kiosk, "OMG^O19^OMG_O19", "OMG", messageId, body));
            out.add(charges(kiosk, messageId, pid, pv1, zdt, e.exams(), at, who, chargeType));
        } else if (r instanceof HisRecord.Dispense d) {
            List<String> body = new ArrayList<>(List.of(pid, pv1));
            for (HisRecord.DispenseLine dl : d.lines()) {
                HisRecord.ChargeLine l = dl.line();
                body.add(orc(control.isEmpty() ? "RE" : control, dl.fillsLine(), l.lineId(), d.fillsRecord(), at, who, null));
                body.add(rxd(l.hisCode(), l.name(), l.quantity(), l.unit(), at, l.lineId()));
            }
            body.add(zdt);
            out.add(message(kiosk, "RDS^O13^RDS_O13", "RDS", messageId, body));
            out.add(charges(kiosk, messageId, pid, pv1, zdt, d.lines().stream().map(HisRecord.DispenseLine::line).toList(), at, who, chargeType));
        } else if (r instanceof HisRecord.Charges c) {
            out.add(charges(kiosk, messageId, pid, pv1, zdt, c.lines(), at, who, chargeType));
        } else if (r instanceof HisRecord.Settlement st) {
            List<String> body = new ArrayList<>(List.of(seg("EVN", "P03", ts(at)), pid, pv1));
            int i = 1;
            for (HisRecord.ChargeLine l : st.lines()) {
                body.add(ft1(i++, l.lineId(), at, chargeType, l.drug() ? "HIS-DRUG" : "HIS-ITEM", l.hisCode(), l.name(), l.quantity(),
                        l.unitPriceFen(), null, who, null, l.unit()));
            }
            // the settlement itself: the balance paid (deposit already held), under the invoice number
            body.add(seg("FT1", Integer.toString(i), esc(st.recordId().toString()), esc(st.invoiceNo()), ts(at), ts(at),
                    control.isEmpty() ? "PY" : "CD", comp("SETTLEMENT", "出院结算", "CONTINUITY"),
                    esc("出院结算 总额 " + yuan(st.totalFen()) + " 预交金 " + yuan(st.depositFen()) + " 补缴 " + yuan(st.balanceFen())),
                    "", "1", money(st.balanceFen()), money(st.totalFen())));
            body.add(zdt);
            out.add(message(kiosk, "DFT^P03^DFT_P03", "P03", messageId, body));
        } else if (r instanceof HisRecord.IouExchange x) {
            List<String> body = new ArrayList<>(List.of(seg("EVN", "P03", ts(at)), pid, pv1));
            body.add(seg("FT1", "1", esc(x.recordId().toString()), esc(x.formalInvoiceNo()), ts(at), ts(at), control.isEmpty() ? "PY" : "CD",
                    comp("IOU", "白条换正式发票", "CONTINUITY"), esc("白条换正式发票 " + x.formalInvoiceNo()), "", "1", money(x.amountFen()),
                    money(x.amountFen()), "", "", "", "", "", "", "", "", "", "",
                    String.join("~", x.chargeLines().stream().map(u -> comp(esc(u.toString()), "CONTINUITY")).toList())));
            body.add(zdt);
            out.add(message(kiosk, "DFT^P03^DFT_P03", "P03", messageId, body));
        } else if (r instanceof HisRecord.AllergyNoted al) {
            String severity = al.severity() == null ? "" : switch (al.severity()) {
                case "SEVERE" -> "SV";
                case "MODERATE" -> "MO";
                case "MILD" -> "MI";
                default -> "U";
            };
            out.add(message(kiosk, "ADT^A60^ADT_A60", "A60", messageId, List.of(seg("EVN", "A60", ts(at), "", "", staff(who)), pid, pv1,
                    seg("IAM", "1", comp("DA", "药物过敏", "HL70127"), comp(esc(al.allergenCode()), esc(al.allergen()), al.allergenCode() == null
                            ? "" : "HIS-DRUG"), severity, esc(al.reaction()), control.isEmpty() ? "A" : "D", esc(al.recordId().toString())), zdt)));
        } else {
            throw new IllegalArgumentException("no HL7 v2 message for " + r.getClass().getSimpleName());
        }
        return out;
    }

    private List<Outgoing> amended(HisRecord.Amendment a) {
        String control = a.kind() == HisRecord.AmendmentKind.VOIDED ? "CA" : "DC";
        HisRecord original = a.original();
        HisRecord underSubject = original;
        return record(underSubject, a.recordId(), control, a);
    }

    private Outgoing charges(String kiosk, UUID messageId, String pid, String pv1, String zdt, List<HisRecord.ChargeLine> lines, Instant at,
                             String who, String type) {
        List<String> body = new ArrayList<>(List.of(seg("EVN", "P03", ts(at)), pid, pv1));
        int i = 1;
        for (HisRecord.ChargeLine l : lines) {
            body.add(ft1(i++, l.lineId(), at, type, l.drug() ? "HIS-DRUG" : "HIS-ITEM", l.hisCode(), l.name(), l.quantity(), l.unitPriceFen(),
                    null, who, null, l.unit()));
        }
        body.add(zdt);
        return message(kiosk, "DFT^P03^DFT_P03", "P03", messageId, body);
    }

    // ---- segments -----------------------------------------------------------------------------------------

    private String orc(String control, UUID placer, UUID filler, UUID group, Instant at, String operator, String doctor) {
        return seg("ORC", control, comp(esc(placer == null ? "" : placer.toString()), "CONTINUITY"),
                filler == null ? "" : comp(esc(filler.toString()), "CONTINUITY"), group == null ? "" : comp(esc(group.toString()), "CONTINUITY"),
                "", "", "", "", ts(at), staff(operator), "", doctor(doctor));
    }

    private static String rxe(String code, String name, int quantity, String unit, String dose, String frequency, Integer days) {
        // RXE-1 quantity/timing (frequency, days), RXE-2 give code, RXE-7 the dose as written (administration instructions),
        // RXE-10/11 dispense amount/units
        String timing = frequency == null && days == null ? "" : comp("", esc(frequency), days == null ? "" : "D" + days);
        return seg("RXE", timing, comp(esc(code), esc(name), "HIS-DRUG"), "", "", "", "", dose == null ? "" : comp("", esc(dose)), "", "",
                Integer.toString(quantity), comp("", esc(unit)));
    }

    private String rxd(String code, String name, int quantity, String unit, Instant at, UUID line) {
        // RXD-2 dispense code, RXD-3 date/time dispensed (handed over), RXD-4 amount, RXD-5 units, RXD-7 prescription number
        return seg("RXD", "1", comp(esc(code), esc(name), "HIS-DRUG"), ts(at), Integer.toString(quantity), comp("", esc(unit)), "",
                esc(line.toString()));
    }

    private String ft1(int set, UUID line, Instant at, String type, String codeSystem, String code, String name, int quantity, long unitFen,
                       String department, String operator, String doctor, String unit) {
        // FT1-2 transaction id = the line id (idempotence), FT1-4/5 dates, FT1-6 CG charge / CD credit (reversal), FT1-7 code,
        // FT1-10 quantity, FT1-11 extended amount and FT1-12 unit amount in yuan as charged (never re-priced), FT1-13 department,
        // FT1-20 performed by, FT1-21 ordered by
        long amount = unitFen * quantity;
        return seg("FT1", Integer.toString(set), esc(line.toString()), "", ts(at), ts(at), type, comp(esc(code), esc(name), codeSystem),
                esc(unit == null ? "" : name + " " + quantity + unit), "", Integer.toString(quantity), money(amount), money(unitFen),
                department == null ? "" : comp(esc(department)), "", "", "", "", "", "", staff(operator), doctor(doctor));
    }

    private static String money(long fen) {
        return yuan(fen) + "&CNY";
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static String staff(String account) {
        return account == null ? "" : comp(esc(account), "", "", "", "", "", "", "", "CONTINUITY-STAFF");
    }

    private static String doctor(String code) {
        return code == null ? "" : comp(esc(code), "", "", "", "", "", "", "", "HIS-STAFF");
    }

    /** ZDT: ZDT-1 kiosk, -2 incident (breakpoint), -3 paper form, -4 downtime number, -5 amendment, -6 why, -7 correcting record. */
    private static String zdt(String kiosk, String incident, String paperForm, String downtimeNumber, String amendment, String why,
                              UUID correctedBy) {
        return seg("ZDT", esc(kiosk), esc(incident), esc(paperForm), esc(downtimeNumber), esc(amendment), esc(why),
                correctedBy == null ? "" : esc(correctedBy.toString()));
    }

    /** A birth date as PID-7 writes it. */
    static String date(LocalDate d) {
        return DATE.format(d);
    }
}
