package org.hospital.continuity.kiosk.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.clinical.domain.FormType;
import org.hospital.continuity.kiosk.clinical.domain.AllergyCheck;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRoles;
import org.hospital.continuity.kiosk.reference.CatalogueItem;
import org.hospital.continuity.kiosk.reference.KnownPatient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AllergyCheckAndRolesTest {

    static CatalogueItem drug(String code, String name) {
        return new CatalogueItem(code, CatalogueItem.Kind.DRUG, name, "X", "1g", "盒", 100, "甲", "药品");
    }

    static KnownPatient.Allergy allergy(String code, String name) {
        return new KnownPatient.Allergy(code, name, null, "SEVERE");
    }

    @Test
    @DisplayName("issue 8 a drug matches an allergy by dictionary code, by the allergen's name in the drug's name, or as a penicillin (西林)")
    void matchesByCodeNameOrPenicillin() {
        assertThat(AllergyCheck.matches(0, drug("D0002", "头孢克肟分散片"), List.of(allergy("D0002", "某药")))).hasSize(1);
        assertThat(AllergyCheck.matches(0, drug("D0001", "阿莫西林胶囊"), List.of(allergy(null, "阿莫西林")))).hasSize(1);
        assertThat(AllergyCheck.matches(0, drug("D0001", "阿莫西林胶囊"), List.of(allergy(null, "青霉素类")))).hasSize(1);
        assertThat(AllergyCheck.matches(0, drug("D0003", "头孢呋辛酯片"), List.of(allergy(null, "头孢类")))).hasSize(1);
        assertThat(AllergyCheck.matches(3, drug("D0010", "阿司匹林肠溶片"), List.of(allergy(null, "青霉素"), allergy(null, "海鲜"))))
                .isEmpty();
        assertThat(AllergyCheck.matches(0, drug("D0010", "阿司匹林肠溶片"), List.of(allergy(null, "林")))).as("one character names nothing")
                .isEmpty();
    }

    @Test
    @DisplayName("HR-1 every clinical form has exactly its writers; cashiers and supervisors write none and read none")
    void everyFormHasItsWriters() {
        for (String type : Arrays.stream(FormType.values()).map(FormType::streamType).toList()) {
            assertThat(ClinicalRoles.WRITERS).containsKey(type);
            assertThat(ClinicalRoles.mayWrite(type, List.of("CASHIER", "SUPERVISOR"))).isFalse();
        }
        assertThat(ClinicalRoles.formsOf(Set.of("DOCTOR", "NURSE"))).containsExactly("prescription", "clinical-order", "requisition",
                "charge-execution");
        assertThat(ClinicalRoles.mayWrite(FormType.DISPENSE.streamType(), List.of("NURSE"))).isFalse();
        assertThat(ClinicalRoles.mayRead(List.of("CASHIER", "SUPERVISOR"))).isFalse();
        assertThat(ClinicalRoles.mayRead(List.of("PHARMACIST"))).isTrue();
    }
}
