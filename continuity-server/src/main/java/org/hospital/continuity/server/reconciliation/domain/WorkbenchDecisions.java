package org.hospital.continuity.server.reconciliation.domain;

import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.server.writeback.WorkbenchReason;

import java.util.Set;

/**
 * Which action fits which item, decided once and returned, not thrown (house style). A resolution
 * either tells write-back what to do next or closes the item.
 */
public final class WorkbenchDecisions {

    /** The outcome of applying an action. */
    public sealed interface Decision {
    }

    /** Write the visit back under this HIS patient ("" = create a new one). */
    public record WriteUnder(String hisPatientRef, WorkbenchAction action) implements Decision {
    }

    /** The visit's captured data gets a correction entry; write-back then runs again for it. */
    public record Corrected(String field, String newValue, WorkbenchAction action) implements Decision {
    }

    /** Registrations grouped (merge) or split (un-merge). */
    public record Regrouped(boolean merged, WorkbenchAction action) implements Decision {
    }

    /** The item is closed without a write (traced). */
    public record Closed(WorkbenchAction action) implements Decision {
    }

    /** The action does not fit: why, for the person. */
    public record Rejected(String rule, String reason) implements Decision {
    }

    /** Fields a correction may touch: the patient's and the codes; never amounts (HR-9 via the cashier). */
    public static final Set<String> CORRECTABLE = Set.of("name", "sex", "birthDate", "phone", "idNumber", "departmentCode",
            "itemCode", "drugCode");

    private WorkbenchDecisions() {
    }

    public static Decision decide(WorkbenchItem item, WorkbenchAction action) {
        if (action.actor() == null || action.actor().isBlank()) {
            return new Rejected("HR-8", "every action names who did it");
        }
        if (action.why() == null || action.why().isBlank()) {
            return new Rejected("HR-8", "every action says why");
        }
        boolean patientItem = item.reason() == WorkbenchReason.PATIENT_PROPOSAL || item.reason() == WorkbenchReason.AMBIGUOUS_IN_HIS
                || item.reason() == WorkbenchReason.POSSIBLE_DUPLICATE || item.reason() == WorkbenchReason.PATIENT_UNRESOLVED;
        if (action instanceof WorkbenchAction.AcceptMatch a) {
            if (item.reason() != WorkbenchReason.PATIENT_PROPOSAL || item.candidates().isEmpty()) {
                return new Rejected("issue-9", "only a proposal with candidates can be accepted");
            }
            if (item.candidates().stream().noneMatch(c -> c.candidate().ref().equals(a.hisPatientRef()))) {
                return new Rejected("issue-9", "the accepted patient is not among the candidates; choose another instead");
            }
            return new WriteUnder(a.hisPatientRef(), action);
        }
        if (action instanceof WorkbenchAction.ChooseAnother c) {
            if (!patientItem) {
                return new Rejected("issue-9", "this item is not about the patient");
            }
            return new WriteUnder(c.hisPatientRef(), action);
        }
        if (action instanceof WorkbenchAction.CreateNew) {
            if (item.reason() == WorkbenchReason.PATIENT_UNRESOLVED) {
                return new Rejected("EP-8.4", "a record other than a registration is written under a patient the HIS has: choose one");
            }
            if (!patientItem) {
                return new Rejected("issue-9", "this item is not about the patient");
            }
            return new WriteUnder("", action);
        }
        if (action instanceof WorkbenchAction.Correct c) {
            if (!CORRECTABLE.contains(c.field())) {
                return new Rejected("HR-9", "amounts are corrected by the cashier's void and re-charge, not here");
            }
            return new Corrected(c.field(), c.newValue(), action);
        }
        if (action instanceof WorkbenchAction.Merge m) {
            return m.visitIds().size() < 2 ? new Rejected("issue-9", "a merge needs two registrations or more")
                    : new Regrouped(true, action);
        }
        if (action instanceof WorkbenchAction.Unmerge u) {
            return u.visitIds().size() < 2 ? new Rejected("issue-9", "an un-merge needs two registrations or more")
                    : new Regrouped(false, action);
        }
        if (item.blocking()) {
            return new Rejected("EP-8.4", "a visit not yet written back cannot be closed as traced");
        }
        return new Closed(action);
    }
}
