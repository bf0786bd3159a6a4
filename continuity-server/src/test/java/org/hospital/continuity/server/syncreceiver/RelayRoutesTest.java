package org.hospital.continuity.server.syncreceiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.syncreceiver.domain.RelayRoutes;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The relay's rules, plain Java: who a pushed record goes to (EP-6.4–6.7), and that a station is reached by its own share only (HR-5). */
class RelayRoutesTest {

    static final DowntimeRecord.PatientOnForm P = new DowntimeRecord.PatientOnForm("P1", "欧阳娜娜", null, null, null, null);

    @Test
    @DisplayName("EP-6.5 EP-6.7 EP-6.6 EP-6.2 requisitions and prescriptions to the pharmacy, exam requests to med-tech, registrations to their department, dispenses back to the writer")
    void audiences() {
        UUID id = UUID.randomUUID();
        UUID fills = UUID.randomUUID();
        assertThat(RelayRoutes.audience(id, new DowntimeRecord.RequisitionIssued(P, List.of(), 0, List.of(), "s", null, null, null)))
                .containsExactly(new RelayRoutes.Area(RelayRoutes.PHARMACY));
        assertThat(RelayRoutes.audience(id, new DowntimeRecord.OrderWritten(P, "LAB", "血常规", "NONE", null, null)))
                .containsExactly(new RelayRoutes.Area(RelayRoutes.MEDICAL_TECHNOLOGY));
        assertThat(RelayRoutes.audience(id, new DowntimeRecord.OrderWritten(P, "ORDER", "一级护理", "NONE", null, null)))
                .as("an order that is no exam request stays on the ward").isEmpty();
        assertThat(RelayRoutes.audience(id, new DowntimeRecord.Dispensed(fills, "requisition", P, List.of(), 0, "s", null, null, null)))
                .containsExactly(new RelayRoutes.CapturerOf(fills), new RelayRoutes.Area(RelayRoutes.PHARMACY));
        assertThat(RelayRoutes.audience(id, new DowntimeRecord.ClinicalFormVoided(id, "写错", "lead", "组长")))
                .containsExactly(new RelayRoutes.AudienceOf(id));
        assertThat(RelayRoutes.audience(id, new DowntimeRecord.AllergyNoted(P, null, "青霉素", "皮疹", "SEVERE", null, null))).isEmpty();
    }

    @Test
    @DisplayName("HR-5 a station is reached by its department or its area only, never by its own records")
    void reaches() {
        RelayRoutes.Station pharmacy = new RelayRoutes.Station("k-yf", "YF", RelayRoutes.PHARMACY);
        RelayRoutes.Station ward = new RelayRoutes.Station("k-sk", "SK", "NURSE_STATION");
        assertThat(RelayRoutes.reaches(pharmacy, "k-sk", List.of(), List.of(RelayRoutes.PHARMACY))).isTrue();
        assertThat(RelayRoutes.reaches(ward, "k-sk2", List.of(), List.of(RelayRoutes.PHARMACY))).isFalse();
        assertThat(RelayRoutes.reaches(ward, "k-yf", List.of("SK"), List.of())).isTrue();
        assertThat(RelayRoutes.reaches(ward, "k-sk", List.of("SK"), List.of())).as("its own record").isFalse();
        assertThat(RelayRoutes.reaches(new RelayRoutes.Station("k-it", "IT", null), "k-sk", List.of(), List.of(RelayRoutes.PHARMACY)))
                .isFalse();
    }
}
