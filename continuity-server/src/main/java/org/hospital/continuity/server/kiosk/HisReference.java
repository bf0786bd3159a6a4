package org.hospital.continuity.server.kiosk;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.Tx;

/**
 * The hospital's reference as the HIS reference feed read it, for the kiosks' snapshots (HR-5, HR-10): departments,
 * doctors and the inpatient census. Each call replaces what the feed stored before (a discharged patient or a departed
 * doctor leaves the snapshot); rows of the demo seed are left alone. Runs in the caller's transaction; the caller bumps
 * the snapshot version with {@link KioskReference#changed}.
 */
public interface HisReference {

    record Department(String code, String name) {
    }

    record Doctor(String code, String name, String departmentCode, String title) {
    }

    /** An inpatient in hospital: the HIS's patient id, 住院号, department (the kiosks' code), ward and bed. */
    record Inpatient(String patientId, String inpatientNumber, String name, String sex, LocalDate birthDate, String idNumber, String phone,
                     String departmentCode, String ward, String bed) {
    }

    /** Adds departments and renames known ones (departments are never removed: old records name them). */
    Uni<Void> departments(Tx tx, List<Department> departments);

    /** Replaces the feed's doctors (a doctor whose department is unknown is skipped). */
    Uni<Void> doctors(Tx tx, List<Doctor> doctors);

    /** Replaces the feed's census. */
    Uni<Void> census(Tx tx, List<Inpatient> census);
}
