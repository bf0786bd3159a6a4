package org.hospital.continuity.kiosk.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import org.hospital.continuity.kiosk.clinical.domain.ClinicalForms;
import org.hospital.continuity.kiosk.clinical.domain.DoseUnits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DoseUnitsTest {

    @Test
    @DisplayName("EP-6.4 a capsule of 0.25 g takes mass units or its form unit, never a volume")
    void massDrugTakesMassUnits() {
        assertThat(DoseUnits.fits("0.25g*24粒", "g")).isTrue();
        assertThat(DoseUnits.fits("0.25g*24粒", "mg")).isTrue();
        assertThat(DoseUnits.fits("0.25g*24粒", "粒")).isTrue();
        assertThat(DoseUnits.fits("0.25g*24粒", "ml")).isFalse();
        assertThat(DoseUnits.fits("0.25g*24粒", "片")).isFalse();
    }

    @Test
    @DisplayName("EP-6.4 an injection measured in ml takes volume units; an unknown specification accepts no unit")
    void volumeDrugTakesVolumeUnits() {
        assertThat(DoseUnits.fits("5ml:0.5g*10支", "ml")).isTrue();
        assertThat(DoseUnits.fits("5ml:0.5g*10支", "支")).isTrue();
        assertThat(DoseUnits.fits("5ml:0.5g*10支", "粒")).isFalse();
        assertThat(DoseUnits.fits(null, "g")).isFalse();
        assertThat(DoseUnits.fits("100mg*30片", null)).isFalse();
    }

    @Test
    @DisplayName("EP-6.4.3 funds are short only when the remaining funds are known and exceeded")
    void fundsCheck() {
        assertThat(ClinicalForms.FundsCheck.of(null, 1_000_000).shortOfFunds()).isFalse();
        assertThat(ClinicalForms.FundsCheck.of(300_000L, 300_000).shortOfFunds()).isFalse();
        assertThat(ClinicalForms.FundsCheck.of(300_000L, 300_001).shortOfFunds()).isTrue();
    }
}
