package org.hospital.continuity.kiosk.clinical.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The clinical downtime forms (EP-6.4–6.7), each one journal stream type: the name its records carry in the
 * journal and on the API ({@link #streamType()}), the event of a new record, and the sentence refusing a role
 * that does not write it (HR-1).
 */
public enum FormType {
    /** EP-6.4 the doctor's prescription. */
    PRESCRIPTION("prescription", "PrescriptionWritten", "error.clinical.role.prescription"),
    /** EP-6.4 orders and EP-6.4.4 lab/exam requests. */
    ORDER("clinical-order", "OrderWritten", "error.clinical.role.clinical-order"),
    /** EP-6.5 the nurse's requisition, issued in duplicate. */
    REQUISITION("requisition", "RequisitionIssued", "error.clinical.role.requisition"),
    /** EP-6.5 the record of charge execution. */
    CHARGE_EXECUTION("charge-execution", "ChargesExecuted", "error.clinical.role.charge-execution"),
    /** EP-6.6 the med-tech's manual exam register. */
    EXAM_REGISTER("exam-register", "ExamsRegistered", "error.clinical.role.exam-register"),
    /** EP-6.7 dispensing against a prescription or a requisition. */
    DISPENSE("dispense", "Dispensed", "error.clinical.role.dispense");

    private final String streamType;
    private final String writtenEvent;
    private final String roleRefusal;

    FormType(String streamType, String writtenEvent, String roleRefusal) {
        this.streamType = streamType;
        this.writtenEvent = writtenEvent;
        this.roleRefusal = roleRefusal;
    }

    /** The journal's stream type of the form's records (and the form's name on the API and in the message bundles). */
    @JsonValue
    public String streamType() {
        return streamType;
    }

    /** The event type of a new record of this form. */
    public String writtenEvent() {
        return writtenEvent;
    }

    /** The message key of the 403 for a role that does not write this form. */
    public String roleRefusal() {
        return roleRefusal;
    }

    /** The form whose records have this stream type; empty for any other stream (a charge, a registration …). */
    public static Optional<FormType> ofStreamType(String streamType) {
        return Arrays.stream(values()).filter(f -> f.streamType.equals(streamType)).findFirst();
    }
}
