package org.hospital.continuity.server.writeback;

import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * HR-9: a correction made on the workbench is a new attributed entry; the captured record stays as it
 * was. Write-back reads the visit through its corrections, oldest first, so the latest one wins.
 */
public final class Corrections {

    private Corrections() {
    }

    /** Why a value cannot be used for the field, or empty when it can. */
    public static Optional<String> invalid(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("a correction needs the new value");
        }
        if ("birthDate".equals(field)) {
            try {
                LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                return Optional.of("date of birth as yyyy-mm-dd");
            }
        }
        if ("sex".equals(field) && Sex.parse(value) == Sex.UNKNOWN) {
            return Optional.of("sex as MALE or FEMALE");
        }
        return Optional.empty();
    }

    /** The draft as write-back sees it after one correction. Fields a correction cannot touch leave it unchanged. */
    public static VisitDraft apply(VisitDraft d, String field, String value) {
        PatientFacts p = d.patient();
        PatientFacts q = switchPatient(p, field, value);
        String dept = "departmentCode".equals(field) ? value : d.departmentCode();
        java.util.List<VisitDraft.Line> lines = d.lines();
        if ("itemCode".equals(field) || "drugCode".equals(field)) {
            // "<old code>=<new code>": the kiosk code the HIS does not know, replaced on every line carrying it
            String[] parts = value.split("=", 2);
            if (parts.length == 2) {
                lines = lines.stream().map(l -> l.code().equals(parts[0])
                        ? new VisitDraft.Line(l.lineId(), l.kind(), parts[1], l.name(), l.quantity(), l.unitPriceFen(), l.dispensed(), l.unit())
                        : l).toList();
            }
        }
        return new VisitDraft(d.visitId(), d.incident(), d.kioskId(), d.downtimeNumber(), q, dept, d.doctorCode(),
                d.registeredAt(), d.operator(), d.paperFormId(), lines);
    }

    private static PatientFacts switchPatient(PatientFacts p, String field, String v) {
        if ("name".equals(field)) {
            return new PatientFacts(p.ref(), v, p.sex(), p.birthDate(), p.phone(), p.nationalId());
        }
        if ("sex".equals(field)) {
            return new PatientFacts(p.ref(), p.name(), Sex.parse(v), p.birthDate(), p.phone(), p.nationalId());
        }
        if ("birthDate".equals(field)) {
            return new PatientFacts(p.ref(), p.name(), p.sex(), LocalDate.parse(v), p.phone(), p.nationalId());
        }
        if ("phone".equals(field)) {
            return new PatientFacts(p.ref(), p.name(), p.sex(), p.birthDate(), v, p.nationalId());
        }
        if ("idNumber".equals(field)) {
            return new PatientFacts(p.ref(), p.name(), p.sex(), p.birthDate(), p.phone(), v);
        }
        return p;
    }
}
