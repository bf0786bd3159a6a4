package org.hospital.continuity.server.hisfeed.domain;

import java.time.LocalDate;

/**
 * What an HL7 v2 ADT message says about a stay, as the v2 adapter read it (fields as the HIS sent them; null when absent):
 * the trigger (MSH-9.2: A01 admit, A02 transfer, A03 discharge, A08 update), the patient class (PV1-2, I inpatient), the
 * HIS patient id (PID-3.1 of the first repetition), 住院号 (PV1-19.1), name (PID-5 family and given), sex (PID-8), birth
 * date (PID-7), the national ID (the PID-3 repetition of type NNCHN), phone (PID-13.1), the ward (PV1-3.1, its description
 * PV1-3.9), the bed (PV1-3.3), the department (PV1-10, hospital service) and the attending doctor (PV1-7: id and name).
 */
public record AdtMessage(String trigger, String patientClass, String patientId, String inpatientNumber, String name, String sex,
                         LocalDate birthDate, String idNumber, String phone, String ward, String wardName, String bed, String departmentCode,
                         String attendingCode, String attendingName) {
}
