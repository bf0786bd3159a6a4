package org.hospital.continuity.server.kiosk.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.kiosk.HisReference;
import org.hospital.continuity.server.kiosk.persistence.ReferenceRepository;
import org.hospital.continuity.server.platform.persistence.Tx;

/** The kiosk reference's answer to {@link HisReference}: the feed's rows in the reference tables, marked as the HIS's. */
@ApplicationScoped
public class AnsweringForHisReference implements HisReference {

    private final ReferenceRepository reference;

    public AnsweringForHisReference(ReferenceRepository reference) {
        this.reference = reference;
    }

    @Override
    public Uni<Void> departments(Tx tx, List<Department> departments) {
        return reference.upsertDepartments(tx, departments);
    }

    @Override
    public Uni<Void> doctors(Tx tx, List<Doctor> doctors) {
        return reference.replaceHisDoctors(tx, doctors);
    }

    @Override
    public Uni<Void> census(Tx tx, List<Inpatient> census) {
        return reference.replaceHisCensus(tx, census);
    }

    @Override
    public Uni<Void> admitted(Tx tx, Inpatient stay) {
        return reference.upsertHisInpatient(tx, stay);
    }

    @Override
    public Uni<Void> discharged(Tx tx, String patientId) {
        return reference.dischargeHisInpatient(tx, patientId);
    }

    @Override
    public Uni<Void> outpatients(Tx tx, List<Outpatient> outpatients) {
        return reference.replaceHisOutpatients(tx, outpatients);
    }

    @Override
    public Uni<Void> orders(Tx tx, List<Order> orders) {
        return reference.replaceHisOrders(tx, orders);
    }

    @Override
    public Uni<Void> administrations(Tx tx, List<Administration> administrations) {
        return reference.replaceHisAdministrations(tx, administrations);
    }

    @Override
    public Uni<Void> answered(String piece, String zh, java.time.Instant asOf) {
        return reference.feedAnswered(piece, zh, asOf);
    }
}
