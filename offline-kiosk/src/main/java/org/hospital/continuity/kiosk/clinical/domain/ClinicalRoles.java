package org.hospital.continuity.kiosk.clinical.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may write which clinical downtime form (HR-1: access per role). The roles are the ones the
 * server publishes with each staff member's offline verifier (DOCTOR, NURSE, MEDTECH, PHARMACIST;
 * CASHIER and SUPERVISOR write no clinical form). Corrections and voids need the writer's role too.
 */
public final class ClinicalRoles {

    public static final String DOCTOR = "DOCTOR";
    public static final String NURSE = "NURSE";
    public static final String MEDTECH = "MEDTECH";
    public static final String PHARMACIST = "PHARMACIST";

    /** Form type → the roles that write it. */
    public static final Map<String, Set<String>> WRITERS = Map.of(
            FormType.PRESCRIPTION.streamType(), Set.of(DOCTOR),         // EP-6.4 prescriptions by doctors
            FormType.ORDER.streamType(), Set.of(DOCTOR),                // EP-6.4 orders, lab and exam requests
            FormType.REQUISITION.streamType(), Set.of(NURSE),           // EP-6.5 drug requisitions by the ward's nurses
            FormType.CHARGE_EXECUTION.streamType(), Set.of(NURSE),      // EP-6.5 record of charge execution
            FormType.EXAM_REGISTER.streamType(), Set.of(MEDTECH),       // EP-6.6 manual exam register
            FormType.DISPENSE.streamType(), Set.of(PHARMACIST));        // EP-6.7 dispensing

    /** Who may read clinical records and the downtime reports (patient data, HR-12): clinical staff only. */
    public static final Set<String> READERS = Set.of(DOCTOR, NURSE, MEDTECH, PHARMACIST);

    private ClinicalRoles() {
    }

    public static boolean mayWrite(String formType, Collection<String> roles) {
        Set<String> writers = WRITERS.get(formType);
        return writers != null && roles.stream().anyMatch(writers::contains);
    }

    public static boolean mayRead(Collection<String> roles) {
        return roles.stream().anyMatch(READERS::contains);
    }

    /** The form types the roles may write, in the desk's order. */
    public static List<String> formsOf(Collection<String> roles) {
        return Arrays.stream(FormType.values()).map(FormType::streamType).filter(f -> mayWrite(f, roles)).toList();
    }
}
