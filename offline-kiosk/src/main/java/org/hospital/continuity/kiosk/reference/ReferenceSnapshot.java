package org.hospital.continuity.kiosk.reference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A reference snapshot as the server publishes it (price catalogue, drug dictionary, departments, doctors,
 * known patients with their allergies), replaced whole on this kiosk ({@link ReferenceData#replace}). The
 * records are the server's JSON field for field (the wire of {@code /api/kiosk/snapshot}); a patient is
 * stored sealed as this JSON (HR-13).
 */
public record ReferenceSnapshot(String version, Instant generatedAt, List<Item> items, List<Department> departments,
                                List<Doctor> doctors, List<Patient> patients) {

    public record Item(String code, String kind, String name, String pinyin, String specification, String unit,
                       long priceFen, String insuranceClass, String category) {
    }

    public record Department(String code, String name) {
    }

    public record Doctor(String code, String name, String departmentCode, String title) {
    }

    /** A patient known to the HIS: ward census (inpatients) or a recent outpatient. */
    public record Patient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name,
                          String sex, LocalDate birthDate, String idNumber, String phone, String insuranceType,
                          String insuranceCard, String ward, String bed, long depositFen, List<Allergy> allergies,
                          Instant allergiesRecordedAt) {

        /** A patient whose allergies were never recorded. */
        public Patient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name, String sex,
                       LocalDate birthDate, String idNumber, String phone, String insuranceType, String insuranceCard, String ward,
                       String bed, long depositFen) {
            this(patientId, census, inpatientNumber, outpatientNumber, name, sex, birthDate, idNumber, phone, insuranceType, insuranceCard,
                    ward, bed, depositFen, List.of(), null);
        }
    }

    /** A recorded allergy; stored sealed with the rest of the patient (HR-13). */
    public record Allergy(String allergenCode, String allergen, String reaction, String severity) {
    }
}
