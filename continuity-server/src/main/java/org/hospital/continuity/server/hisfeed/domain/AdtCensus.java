package org.hospital.continuity.server.hisfeed.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The census from an HL7 v2 ADT feed (a HIS that speaks v2, not FHIR): each message decides one change of the census the
 * FHIR feed otherwise reads (the same patient, 住院号, ward, bed, department), or a rejection with a human reason and the
 * segment and field at fault, so the HIS's interface engine reads an AE with ERR and nothing is applied. Pure: no clock, no
 * storage.
 */
public final class AdtCensus {

    private AdtCensus() {
    }

    /** What one message does to the census. */
    public sealed interface Decision {
    }

    /** The patient is in hospital at this ward and bed (admit A01, transfer A02, update A08 of an inpatient). */
    public record Stay(String patientId, String inpatientNumber, String name, String sex, LocalDate birthDate, String idNumber, String phone,
                       String departmentCode, String ward, String bed, String attendingCode, String attendingName) implements Decision {
    }

    /** The patient left hospital (discharge A03). */
    public record Left(String patientId) implements Decision {
    }

    /** Understood, nothing for the census to do (an update of an outpatient). */
    public record NothingToDo(String why) implements Decision {
    }

    /**
     * The message cannot be applied: the rule that refused it, the reason in words, where (segment, field) and the HL7
     * error condition code (table 0357: 101 required field missing, 201 unsupported event code).
     */
    public record Rejected(String rule, String reason, String segment, int field, int errorCode) implements Decision {
    }

    /** A named policy: a rejection when the message breaks it. */
    private record Policy(String name, Function<AdtMessage, Optional<Rejected>> check) {
    }

    private static final List<String> TRIGGERS = List.of("A01", "A02", "A03", "A08");

    private static final List<Policy> POLICIES = List.of(
            // EP-6 (readiness): the census kiosks print from must say who is in which bed; only the census's events are applied
            new Policy("census-events-only", m -> TRIGGERS.contains(m.trigger()) ? Optional.empty()
                    : Optional.of(new Rejected("census-events-only", "不支持的 ADT 事件：" + (m.trigger() == null ? "未填写" : m.trigger())
                    + "（只接收 A01 入院、A02 转科转床、A03 出院、A08 信息更新）", "MSH", 9, 201))),
            // HR-5 a census row is a known patient: it needs the HIS's patient id
            new Policy("patient-id-required", m -> blank(m.patientId())
                    ? Optional.of(new Rejected("patient-id-required", "缺少病人标识（PID-3）", "PID", 3, 101)) : Optional.empty()),
            // a stay needs a ward (the slice kiosks get) and a name
            new Policy("ward-required", m -> staying(m) && blank(m.ward())
                    ? Optional.of(new Rejected("ward-required", "缺少病区（PV1-3.1）", "PV1", 3, 101)) : Optional.empty()),
            new Policy("name-required", m -> staying(m) && blank(m.name())
                    ? Optional.of(new Rejected("name-required", "缺少病人姓名（PID-5）", "PID", 5, 101)) : Optional.empty()));

    /** The census change of one ADT message, or why it cannot be applied. */
    public static Decision decide(AdtMessage m) {
        for (Policy p : POLICIES) {
            Optional<Rejected> r = p.check().apply(m);
            if (r.isPresent()) {
                return r.get();
            }
        }
        if ("A03".equals(m.trigger())) {
            return new Left(m.patientId().strip());
        }
        if (!inpatient(m)) {
            return new NothingToDo("not an inpatient (PV1-2 " + m.patientClass() + ")");
        }
        String department = blank(m.departmentCode()) ? m.ward().strip() : m.departmentCode().strip();
        return new Stay(m.patientId().strip(), trim(m.inpatientNumber()), m.name().strip(), sex(m.sex()), m.birthDate(),
                m.idNumber() != null && m.idNumber().strip().length() <= 18 ? trim(m.idNumber()) : null, trim(m.phone()), department,
                blank(m.wardName()) ? m.ward().strip() : m.wardName().strip(), bed(m.bed()), trim(m.attendingCode()), trim(m.attendingName()));
    }

    /** A stay-making message (admit, transfer, update) of an inpatient. */
    private static boolean staying(AdtMessage m) {
        return !"A03".equals(m.trigger()) && inpatient(m);
    }

    /** PV1-2 I (inpatient); an admit or transfer without a class is taken as an inpatient's. */
    private static boolean inpatient(AdtMessage m) {
        return "I".equalsIgnoreCase(trim(m.patientClass())) || (blank(m.patientClass()) && !"A08".equals(m.trigger()));
    }

    /** The bed as the wards name it: a number gets 床 (12 → 12床, 加3 → 加3床), a name already ending otherwise is kept. */
    static String bed(String bed) {
        String b = trim(bed);
        return b == null ? null : Character.isDigit(b.charAt(b.length() - 1)) ? b + "床" : b;
    }

    private static String sex(String s) {
        String v = trim(s);
        return "M".equalsIgnoreCase(v) ? "M" : "F".equalsIgnoreCase(v) ? "F" : null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
