package org.hospital.continuity.kiosk.reference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A patient from the last snapshot: an inpatient of the ward census, or a recent outpatient, with
 * the allergies recorded at the server ({@code allergiesRecordedAt} null: never recorded; set with
 * no allergy: no known allergy). {@code visit}: the patient's outpatient registration of today as the HIS held it (null: none).
 */
public record KnownPatient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name,
                           String sex, LocalDate birthDate, String idNumber, String phone, String insuranceType,
                           String insuranceCard, String ward, String bed, long depositFen, List<Allergy> allergies,
                           Instant allergiesRecordedAt, ReferenceSnapshot.Visit visit) {

    public KnownPatient {
        allergies = allergies == null ? List.of() : List.copyOf(allergies);
    }

    /** A patient without an outpatient registration of today. */
    public KnownPatient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name,
                        String sex, LocalDate birthDate, String idNumber, String phone, String insuranceType,
                        String insuranceCard, String ward, String bed, long depositFen, List<Allergy> allergies,
                        Instant allergiesRecordedAt) {
        this(patientId, census, inpatientNumber, outpatientNumber, name, sex, birthDate, idNumber, phone, insuranceType, insuranceCard,
                ward, bed, depositFen, allergies, allergiesRecordedAt, null);
    }

    /** A recorded allergy; {@code allergenCode} is a dictionary code when the HIS gave one. */
    public record Allergy(String allergenCode, String allergen, String reaction, String severity) {
    }

    public boolean allergiesRecorded() {
        return allergiesRecordedAt != null;
    }
}
