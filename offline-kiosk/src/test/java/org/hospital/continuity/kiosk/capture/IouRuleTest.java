package org.hospital.continuity.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hospital.continuity.kiosk.charge.Pricing;
import org.hospital.continuity.kiosk.charge.domain.ChargeForm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** EP-4.4: an IOU slip stands in for the insurer's share while the insurance link is down: insured patients with a card only. */
class IouRuleTest {

    private static ChargeForm iou(String insuranceType, String card, String phone) {
        return new ChargeForm(null, null, "王小红", List.of(new Pricing.Line("D0001", 1)), "IOU", null, false, phone, insuranceType, card);
    }

    @Test
    @DisplayName("EP-4.4 an IOU for a self-paying patient is refused: they pay and get an invoice")
    void selfPayingPatientsGetNoIou() {
        assertThat(iou("SELF_PAY", null, "13912345678").check()).extracting(Violation::field, Violation::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("settlement", "error.iou.insured-only"));
        assertThat(iou(null, null, "13912345678").check()).extracting(Violation::messageKey).containsExactly("error.iou.insured-only");
    }

    @Test
    @DisplayName("EP-4.4 an insured patient's IOU needs the card and a phone; with both it is accepted")
    void insuredPatientsWithACard() {
        assertThat(iou("EMPLOYEE", null, "13912345678").check()).extracting(Violation::field).containsExactly("insuranceCard");
        assertThat(iou("RESIDENT", "YB00000002", null).check()).extracting(Violation::field).containsExactly("phone");
        assertThat(iou("RESIDENT", "YB00000002", "13912345678").check()).isEmpty();
        assertThat(iou("EMPLOYEE", null, null).withInsurance("EMPLOYEE", "YB00000001").insuranceCard()).isEqualTo("YB00000001");
    }
}
