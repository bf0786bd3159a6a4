package org.hospital.continuity.kiosk.reference.domain;

import java.time.LocalDate;

/** A patient from the last snapshot: an inpatient of the ward census, or a recent outpatient. */
public record KnownPatient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name,
                           String sex, LocalDate birthDate, String idNumber, String phone, String insuranceType,
                           String insuranceCard, String ward, String bed, long depositFen) {
}
