package org.hospital.continuity.server.writeback.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.his.HisPort;
import org.hospital.continuity.sync.his.HisRecord;
import org.hospital.continuity.sync.his.WriteOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The write-back suite every HIS link passes (FHIR now, HL7 v2 next): each kind of downtime record is written, is in the
 * HIS afterwards, and a replay creates nothing; a void and a correction leave the record in the HIS with its new status
 * (HR-9) and replay as nothing; a known patient and its inpatient stay are found. A link's test class extends this and
 * says how to reach and inspect its HIS.
 */
public abstract class HisLinkSuite {

    /** The link under test. */
    protected abstract HisPort link();

    /** Empties the HIS (between tests). */
    protected abstract void emptyHis();

    /** Puts a patient with the HIS id and an inpatient stay of the number into the HIS; answers the link's references. */
    protected abstract HisRecord.Subject seedInpatient(String hisPatientId, String inpatientNumber);

    /** Puts an outpatient into the HIS (with an encounter of a downtime visit), answering the link's references. */
    protected abstract HisRecord.Subject seedOutpatient();

    /** True when the HIS holds the record (its first resource or message, by the kiosk's record or line id). */
    protected abstract boolean holds(HisRecord record);

    /** The status the HIS now gives the record (the link's words: {@code entered-in-error}, {@code cancelled} …). */
    protected abstract String status(HisRecord record);

    /** How many resources (or messages) the HIS holds in all. */
    protected abstract long count();

    protected HisRecord.Subject inpatient;
    protected HisRecord.Subject outpatient;

    @BeforeEach
    void seed() {
        emptyHis();
        inpatient = seedInpatient("P" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000), "ZY2026001");
        outpatient = seedOutpatient();
    }

    @Test
    @DisplayName("EP-8.4 every kind of record is written and is in the HIS; a replay creates nothing")
    void everyKindIsWrittenAndAReplayCreatesNothing() {
        List<HisRecord> records = HisRecordFixtures.everyKind(inpatient, outpatient);
        for (HisRecord r : records) {
            WriteOutcome out = link().write(r);
            assertThat(out).as(r.getClass().getSimpleName() + " " + out).isInstanceOf(WriteOutcome.Written.class);
            assertThat(((WriteOutcome.Written) out).created()).as(r.getClass().getSimpleName()).isPositive();
            assertThat(holds(r)).as(r.getClass().getSimpleName()).isTrue();
        }
        long before = count();
        for (HisRecord r : records) {
            WriteOutcome again = link().write(r);
            assertThat(again).isInstanceOf(WriteOutcome.Written.class);
            assertThat(((WriteOutcome.Written) again).created()).as("replay of " + r.getClass().getSimpleName()).isZero();
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    @DisplayName("HR-9 a void gives the record its new status in the HIS, the old version stays; a replayed void changes nothing")
    void aVoidIsTheRecordsNewStatus() {
        List<HisRecord> records = HisRecordFixtures.everyKind(inpatient, outpatient);
        HisRecord prescription = records.get(0);
        HisRecord wardCharges = records.get(6);
        link().write(prescription);
        link().write(wardCharges);

        assertThat(link().write(HisRecordFixtures.voided(prescription))).isInstanceOf(WriteOutcome.Written.class);
        HisRecord.Amendment voidCharges = HisRecordFixtures.voided(wardCharges);
        assertThat(link().write(voidCharges)).isInstanceOf(WriteOutcome.Written.class);

        assertThat(status(prescription)).isEqualTo("entered-in-error");
        assertThat(status(wardCharges)).isEqualTo("entered-in-error");
        long before = count();
        WriteOutcome again = link().write(voidCharges);
        assertThat(((WriteOutcome.Written) again).created()).isZero();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    @DisplayName("HR-9 a correction supersedes the record (cancelled / revoked) and the correcting record is written beside it")
    void aCorrectionSupersedesTheRecord() {
        List<HisRecord> records = HisRecordFixtures.everyKind(inpatient, outpatient);
        HisRecord.ServiceOrder order = (HisRecord.ServiceOrder) records.get(2);
        link().write(order);
        HisRecord.ServiceOrder correcting = new HisRecord.ServiceOrder(UUID.randomUUID(), order.subject(), order.source(), order.kind(),
                "二级护理", null, order.recordId());

        assertThat(link().write(correcting)).isInstanceOf(WriteOutcome.Written.class);
        assertThat(link().write(HisRecordFixtures.corrected(order, correcting.recordId()))).isInstanceOf(WriteOutcome.Written.class);

        assertThat(status(order)).isEqualTo("revoked");
        assertThat(status(correcting)).isEqualTo("active");
    }

    @Test
    @DisplayName("a patient the kiosks knew is found with its inpatient stay; an unknown one is not")
    void knownPatientsAreFound() {
        assertThat(link().knownPatient(patientIdOf(inpatient), "ZY2026001")).hasValueSatisfying(s -> {
            assertThat(s.patientRef()).isEqualTo(inpatient.patientRef());
            assertThat(s.encounterRef()).isEqualTo(inpatient.encounterRef());
        });
        assertThat(link().knownPatient("NOBODY-1", null)).isEmpty();
    }

    /** The HIS id {@link #seedInpatient} gave the inpatient. */
    protected abstract String patientIdOf(HisRecord.Subject subject);
}
