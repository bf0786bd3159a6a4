package org.hospital.continuity.server.reconciliation.domain;

import java.util.List;

/**
 * What a person does with a workbench item. Every action names who and why (HR-8 audit, HR-9: a
 * correction is a new attributed entry, never an edit of the captured record).
 */
public sealed interface WorkbenchAction {

    /** The staff account acting. */
    String actor();

    /** Why, in the person's words; required. */
    String why();

    /** Accept the proposed candidate at the top of the list. */
    record AcceptMatch(String hisPatientRef, String actor, String why) implements WorkbenchAction {
    }

    /** Choose another HIS patient than the proposal (found by searching). */
    record ChooseAnother(String hisPatientRef, String actor, String why) implements WorkbenchAction {
    }

    /** None of the candidates: create a new HIS patient. */
    record CreateNew(String actor, String why) implements WorkbenchAction {
    }

    /** Correct a captured field: a new attributed entry that supersedes the field for write-back (HR-9). */
    record Correct(String field, String newValue, String actor, String why) implements WorkbenchAction {
    }

    /** These downtime registrations are one person. */
    record Merge(List<String> visitIds, String actor, String why) implements WorkbenchAction {
    }

    /** Undo a merge: these registrations are different people after all. */
    record Unmerge(List<String> visitIds, String actor, String why) implements WorkbenchAction {
    }

    /** A trace item (price flag, dispense mismatch, IOU) is traced and closed. */
    record MarkTraced(String actor, String why) implements WorkbenchAction {
    }
}
