package org.hospital.continuity.server.fault.domain;

import org.hospital.continuity.server.fault.FaultReport;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.Signal;
import org.hospital.continuity.playbooks.signal.Symptom;
import org.hospital.continuity.playbooks.signal.Terminal;

/**
 * A fault report and its verification in the classifier's terms (EP-3 → EP-4): the report is a signal
 * graded provisionally by its symptom; IT's confirmed cause is a diagnosis explaining it; "not reproduced"
 * clears it. The reporter is recorded but never used for grading (EP-4).
 */
public final class FaultSignals {

    private FaultSignals() {
    }

    public static org.hospital.continuity.playbooks.signal.FaultReport signal(FaultReport r) {
        Department area = r.area() == null ? Department.OTHER : Department.fromCode(r.area()).orElse(Department.OTHER);
        Symptom symptom = r.symptomCode() == null ? Symptom.OTHER
                : java.util.Arrays.stream(Symptom.values()).filter(s -> s.name().equals(r.symptomCode())).findFirst().orElse(Symptom.OTHER);
        String terminalId = r.terminal() != null && !r.terminal().isBlank() ? r.terminal() : r.location();
        return new org.hospital.continuity.playbooks.signal.FaultReport(r.id().toString(), r.filedAt(),
                r.reporter() == null ? "" : r.reporter(), new Terminal(terminalId, area, r.ward(), r.building(), r.subnet()),
                symptom, r.symptom());
    }

    /** The signal IT's verification produces, if any. */
    public static Optional<Signal> verification(FaultReport r) {
        if (r.check().isEmpty()) {
            return Optional.empty();
        }
        FaultReport.Check c = r.check().get();
        if (r.verification() == FaultReport.Verification.NOT_REPRODUCED) {
            return Optional.of(new Clearance(UUID.randomUUID().toString(), c.at(), c.personName(), List.of(r.id().toString()),
                    c.note() == null || c.note().isBlank() ? "未能复现" : c.note()));
        }
        if (c.cause() != null) {
            return Optional.of(new Diagnosis(UUID.randomUUID().toString(), c.at(), c.personName(), Cause.valueOf(c.cause()),
                    List.of(r.id().toString()), c.note()));
        }
        return Optional.empty();
    }
}
