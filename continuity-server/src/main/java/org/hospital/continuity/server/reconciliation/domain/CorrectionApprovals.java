package org.hospital.continuity.server.reconciliation.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.server.writeback.Workbench;

/**
 * HR-9 ("changes are approved"; a correction needs the operator's department head and is countersigned): who may decide
 * a correction a clerk asked for on the workbench. Named policies, each citing its clause, all in {@link #ALL}; the first
 * that refuses gives the answer. Plain Java, no framework.
 */
public final class CorrectionApprovals {

    private CorrectionApprovals() {
    }

    /** The person deciding: account, person, department, and whether they hold the approving role (科室主任). */
    public record Decider(String accountId, String personId, String departmentCode, boolean departmentHead) {
    }

    /** Why a person may not decide the request (HTTP status, problem slug, clause, reason for the person). */
    public record Refusal(int status, String slug, String rule, String reason) {
    }

    /** One rule: a refusal, or empty when the decider passes it. */
    public interface Policy {
        Optional<Refusal> check(Workbench.CorrectionRequest request, Decider decider);
    }

    /** HR-9: approved by a second person: never the clerk who asked (same account or same person under another account). */
    public static final Policy SECOND_PERSON = (r, d) -> {
        boolean same = Objects.equals(r.requestedBy().accountId(), d.accountId())
                || (r.requestedBy().personId() != null && r.requestedBy().personId().equals(d.personId()));
        return same ? Optional.of(new Refusal(403, "approval-self", "HR-9",
                "A correction is approved by a second person, never by the one who asked for it.")) : Optional.empty();
    };

    /** HR-9: the approving role is the department head (科室主任), who supervises the department's data entry. */
    public static final Policy APPROVING_ROLE = (r, d) -> d.departmentHead() ? Optional.empty()
            : Optional.of(new Refusal(403, "approval-role", "HR-9", "Only a department head approves or refuses a correction."));

    /** HR-9: the operator's own department head, not another department's. */
    public static final Policy OWN_DEPARTMENT = (r, d) -> r.requestedBy().departmentCode() == null
            || r.requestedBy().departmentCode().equals(d.departmentCode()) ? Optional.empty()
            : Optional.of(new Refusal(403, "approval-other-department", "HR-9",
            "A correction is approved by the head of the department of the person who asked for it."));

    /** HR-9: a request is decided once; an approved or refused one stays as it was decided. */
    public static final Policy STILL_PENDING = (r, d) -> r.status() == Workbench.CorrectionStatus.PENDING ? Optional.empty()
            : Optional.of(new Refusal(409, "correction-decided", "HR-9", "This correction was already decided; its history shows by whom."));

    public static final List<Policy> ALL = List.of(SECOND_PERSON, APPROVING_ROLE, OWN_DEPARTMENT, STILL_PENDING);

    /** The first refusal of {@link #ALL}, or empty when the person may approve or refuse the request. */
    public static Optional<Refusal> check(Workbench.CorrectionRequest request, Decider decider) {
        return ALL.stream().map(p -> p.check(request, decider)).flatMap(Optional::stream).findFirst();
    }
}
