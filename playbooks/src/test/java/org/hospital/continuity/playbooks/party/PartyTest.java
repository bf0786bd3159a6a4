package org.hospital.continuity.playbooks.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Parties: stable codes the server, kiosks and playbook files share")
class PartyTest {

    @Test
    @DisplayName("EP-5.2 / EP-6 department codes are stable: renaming one breaks kiosks and stored records")
    void departmentCodesAreStable() {
        assertThat(Arrays.stream(Department.values()).map(Department::code)).containsExactly(
                "OUTPATIENT_REGISTRATION", "ADMISSION", "OUTPATIENT_DOCTOR", "PHARMACY", "INPATIENT_DOCTOR", "NURSE_STATION",
                "OPERATING_THEATRE", "MEDICAL_TECHNOLOGY", "DISCHARGE_SETTLEMENT", "CRITICAL_CARE", "EMERGENCY", "OTHER");
    }

    @Test
    @DisplayName("every party has a unique code and names in both languages, and can be looked up by its code")
    void codesAreUniqueAndBilingual() {
        List<Party> all = Stream.of(Department.values(), Office.values(), Team.values())
                .flatMap(Arrays::stream).map(Party.class::cast).toList();

        assertThat(all).extracting(Party::code).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(p -> {
            assertThat(p.zh()).isNotBlank();
            assertThat(p.en()).isNotBlank();
            assertThat(Party.fromCode(p.code())).contains(p);
        });
        assertThat(Party.codes()).hasSize(all.size());
        assertThat(Party.fromCode("JANITOR")).isEmpty();
        assertThat(Department.fromCode("PHARMACY")).contains(Department.PHARMACY);
    }

    @Test
    @DisplayName("EP-2.1 / EP-8.2 the leadership group and the three incident teams are parties")
    void organisation() {
        assertThat(Office.LEADERSHIP_GROUP.zh()).isEqualTo("应急领导组");
        assertThat(Team.REPAIR_TEAM.zh()).isEqualTo("故障检修组");
        assertThat(Team.LIAISON_TEAM.zh()).isEqualTo("技术联络组");
        assertThat(Team.COORDINATION_TEAM.zh()).isEqualTo("院内协调组");
    }
}
