package org.hospital.continuity.server.readiness.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code kiosk_ward_data} (V0371): a kiosk's copy of the HIS's ward data and its ward reports' last print. */
@Entity
@Table(name = "kiosk_ward_data")
public class KioskWardDataEntity {

    @Id
    @Column(name = "kiosk_id")
    public String kioskId;
    /** When the HIS last answered for the kiosk's census, orders, MAR and allergies (the oldest of them). */
    @Column(name = "his_data_as_of")
    public Instant hisDataAsOf;
    @Column(name = "census_wards")
    public Integer censusWards;
    @Column(name = "ward_report_printed_at")
    public Instant wardReportPrintedAt;
}
