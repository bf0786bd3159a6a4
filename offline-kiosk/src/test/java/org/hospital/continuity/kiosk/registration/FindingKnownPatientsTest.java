package org.hospital.continuity.kiosk.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The desk finds a patient by what people remember: initials, the phone's last digits, the downtime number's last digits. */
class FindingKnownPatientsTest {

    @Test
    @DisplayName("a phone matches whole, by its start, or by its last four digits; never by two digits or by letters")
    void phones() {
        assertThat(ReferenceData.phoneMatches("13912345678", "139")).isTrue();
        assertThat(ReferenceData.phoneMatches("13912345678", "5678")).isTrue();
        assertThat(ReferenceData.phoneMatches("139 1234-5678", "13912345678")).isTrue();
        assertThat(ReferenceData.phoneMatches("13912345678", "56")).isFalse();
        assertThat(ReferenceData.phoneMatches("13912345678", "WXH")).isFalse();
        assertThat(ReferenceData.phoneMatches(null, "5678")).isFalse();
    }

    @Test
    @DisplayName("pinyin initials of a name (拼音首字码) as the search uses them")
    void initials() {
        assertThat(ReferenceData.initials("王小红")).isEqualTo("WXH");
        assertThat(ReferenceData.initials("赵演示")).isEqualTo("ZYS");
    }
}
