package org.hospital.continuity.server.kiosk;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.Tx;

/**
 * The hospital's reference as the HIS reference feed read it, for the kiosks' snapshots (HR-5, HR-10): departments,
 * doctors, the inpatient census, active orders and the MAR of the next 24 hours. Each call replaces what the feed stored before (a discharged patient or a departed
 * doctor leaves the snapshot); rows of the demo seed are left alone. Runs in the caller's transaction; the caller bumps
 * the snapshot version with {@link KioskReference#changed}.
 */
public interface HisReference {

    record Department(String code, String name) {
    }

    record Doctor(String code, String name, String departmentCode, String title) {
    }

    /**
     * An inpatient in hospital: the HIS's patient id, 住院号, department (the kiosks' code), ward, bed and the attending doctor
     * (code and name; null where the HIS names none).
     */
    record Inpatient(String patientId, String inpatientNumber, String name, String sex, LocalDate birthDate, String idNumber, String phone,
                     String departmentCode, String ward, String bed, String attendingCode, String attendingName) {

        /** An inpatient without an attending doctor named. */
        public Inpatient(String patientId, String inpatientNumber, String name, String sex, LocalDate birthDate, String idNumber, String phone,
                         String departmentCode, String ward, String bed) {
            this(patientId, inpatientNumber, name, sex, birthDate, idNumber, phone, departmentCode, ward, bed, null, null);
        }
    }

    /**
     * An outpatient registration of today's hospital day (Encounter class AMB): the HIS's encounter id, the patient, the
     * 门诊号, the department (the kiosks' code), the doctor registered with (code and name; null for a department
     * registration) and when.
     */
    record Outpatient(String hisId, String patientId, String outpatientNumber, String name, String sex, LocalDate birthDate, String idNumber,
                      String phone, String departmentCode, String doctorCode, String doctorName, java.time.Instant registeredAt) {
    }

    /** An active medication order (MedicationRequest) of a patient in hospital: the HIS's id, the patient's HIS id. */
    record Order(String hisId, String patientId, String drug, String dose, String route, String frequency, java.time.Instant authoredOn,
                 String prescriber, String note) {
    }

    /** A planned administration (MedicationAdministration not yet given) due in the next 24 hours; {@code orderHisId} may be null. */
    record Administration(String hisId, String patientId, String orderHisId, String drug, String dose, String route, java.time.Instant due) {
    }

    /** Adds departments and renames known ones (departments are never removed: old records name them). */
    Uni<Void> departments(Tx tx, List<Department> departments);

    /** Replaces the feed's doctors (a doctor whose department is unknown is skipped). */
    Uni<Void> doctors(Tx tx, List<Doctor> doctors);

    /** Replaces the feed's census. */
    Uni<Void> census(Tx tx, List<Inpatient> census);

    /**
     * One stay from an HL7 v2 ADT feed (admit, transfer, update): the inpatient inserted or updated in the feed's census,
     * the rest of the census left alone.
     */
    Uni<Void> admitted(Tx tx, Inpatient stay);

    /** A discharge from an HL7 v2 ADT feed: the patient leaves the feed's census with their orders and MAR. */
    Uni<Void> discharged(Tx tx, String patientId);

    /**
     * Replaces the feed's outpatients of today (a registration no longer listed leaves; a patient also in the census keeps
     * the census's row and gains the registration).
     */
    Uni<Void> outpatients(Tx tx, List<Outpatient> outpatients);

    /** Replaces the feed's active orders. */
    Uni<Void> orders(Tx tx, List<Order> orders);

    /** Replaces the feed's planned administrations (the MAR of the next 24 hours). */
    Uni<Void> administrations(Tx tx, List<Administration> administrations);

    /**
     * The HIS answered for a piece of the feed at {@code asOf} (read, or reported unchanged): kiosks carry each piece's as-of
     * time with their snapshot. Not a change of the reference (the version stays).
     */
    Uni<Void> answered(String piece, String zh, java.time.Instant asOf);
}
