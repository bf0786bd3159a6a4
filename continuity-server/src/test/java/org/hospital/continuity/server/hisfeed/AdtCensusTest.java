package org.hospital.continuity.server.hisfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hospital.continuity.server.hisfeed.domain.AdtCensus;
import org.hospital.continuity.server.hisfeed.domain.AdtMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The census from an HL7 v2 ADT feed, decided without a container: what each message does, and why one is refused. */
class AdtCensusTest {

    private static AdtMessage adt(String trigger, String patientClass, String patientId, String name, String ward, String bed) {
        return new AdtMessage(trigger, patientClass, patientId, "ZY-V2-0001", name, "F", LocalDate.of(1970, 5, 6), "110105197005060024",
                "13900000000", ward, "肾内二病区", bed, "NEPH", "D01", "冯主任");
    }

    @Test
    @DisplayName("EP-6 readiness: an admit is a stay with 住院号, ward, bed (a bare number gets 床) and department; a discharge leaves")
    void admitAndDischarge() {
        AdtCensus.Decision admit = AdtCensus.decide(adt("A01", "I", "HV-1", "周病房", "W2", "12"));
        assertThat(admit).isInstanceOf(AdtCensus.Stay.class);
        AdtCensus.Stay stay = (AdtCensus.Stay) admit;
        assertThat(stay.patientId()).isEqualTo("HV-1");
        assertThat(stay.inpatientNumber()).isEqualTo("ZY-V2-0001");
        assertThat(stay.ward()).isEqualTo("肾内二病区");
        assertThat(stay.bed()).isEqualTo("12床");
        assertThat(stay.departmentCode()).isEqualTo("NEPH");
        assertThat(stay.attendingName()).isEqualTo("冯主任");
        assertThat(AdtCensus.decide(adt("A02", "I", "HV-1", "周病房", "W2", "加3床"))).extracting(d -> ((AdtCensus.Stay) d).bed()).isEqualTo("加3床");
        assertThat(AdtCensus.decide(adt("A02", "I", "HV-1", "周病房", "W2", "加3"))).extracting(d -> ((AdtCensus.Stay) d).bed()).isEqualTo("加3床");
        assertThat(AdtCensus.decide(adt("A02", "I", "HV-1", "周病房", "W2", "走廊加床"))).extracting(d -> ((AdtCensus.Stay) d).bed()).isEqualTo("走廊加床");
        assertThat(AdtCensus.decide(adt("A03", "I", "HV-1", null, null, null))).isEqualTo(new AdtCensus.Left("HV-1"));
        // an update of an outpatient: understood, nothing for the census
        assertThat(AdtCensus.decide(adt("A08", "O", "HV-2", "孙门诊", null, null))).isInstanceOf(AdtCensus.NothingToDo.class);
    }

    @Test
    @DisplayName("a message that cannot be applied is refused with its reason in words, the segment and field, and the HL7 condition code")
    void refusals() {
        AdtCensus.Rejected noWard = (AdtCensus.Rejected) AdtCensus.decide(adt("A01", "I", "HV-1", "周病房", null, "12"));
        assertThat(noWard.rule()).isEqualTo("ward-required");
        assertThat(noWard.segment()).isEqualTo("PV1");
        assertThat(noWard.field()).isEqualTo(3);
        assertThat(noWard.errorCode()).isEqualTo(101);
        assertThat(noWard.reason()).contains("病区");
        AdtCensus.Rejected noPatient = (AdtCensus.Rejected) AdtCensus.decide(adt("A03", "I", " ", null, null, null));
        assertThat(noPatient.rule()).isEqualTo("patient-id-required");
        assertThat(((AdtCensus.Rejected) AdtCensus.decide(adt("A01", "I", "HV-1", null, "W2", "1"))).rule()).isEqualTo("name-required");
        AdtCensus.Rejected a04 = (AdtCensus.Rejected) AdtCensus.decide(adt("A04", "O", "HV-1", "周病房", "W2", "1"));
        assertThat(a04.errorCode()).isEqualTo(201);
        assertThat(a04.reason()).contains("A04");
    }
}
