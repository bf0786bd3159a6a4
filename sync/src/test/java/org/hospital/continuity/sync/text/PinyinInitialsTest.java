package org.hospital.continuity.sync.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PinyinInitialsTest {

    @Test
    @DisplayName("the initial of each character's pinyin, in upper case (the kiosk's catalogue search keys)")
    void initialsOfChineseNames() {
        assertThat(PinyinInitials.of("阿莫西林胶囊")).isEqualTo("AMXLJN");
        assertThat(PinyinInitials.of("阿司匹林肠溶片")).isEqualTo("ASPLCRP");
        assertThat(PinyinInitials.of("门诊收费处")).isEqualTo("MZSFC");
        assertThat(PinyinInitials.of("张三")).isEqualTo("ZS");
    }

    @Test
    @DisplayName("letters and digits stay (upper case), other signs are dropped")
    void lettersDigitsAndSigns() {
        assertThat(PinyinInitials.of("维生素B6片")).isEqualTo("WSSB6P");
        assertThat(PinyinInitials.of("0.9%氯化钠注射液")).isEqualTo("09LHNZSY");
        assertThat(PinyinInitials.of("头孢克肟分散片(0.1g*6片)")).isEqualTo("TBKWFSP01G6P");
        assertThat(PinyinInitials.of("ct 平扫")).isEqualTo("CTPS");
        assertThat(PinyinInitials.of("")).isEmpty();
        assertThat(PinyinInitials.of("（）、，。—")).isEmpty();
    }

    @Test
    @DisplayName("full-width letters and digits, as names copied from the HIS carry them, count as their ASCII ones")
    void fullWidthLettersAndDigits() {
        assertThat(PinyinInitials.of("维生素Ｃ片")).isEqualTo(PinyinInitials.of("维生素C片")).isEqualTo("WSSCP");
        assertThat(PinyinInitials.of("维生素Ｂ６片")).isEqualTo("WSSB6P");
        assertThat(PinyinInitials.of("ｃｔ平扫")).isEqualTo("CTPS");
        assertThat(PinyinInitials.of("０．９％氯化钠")).isEqualTo("09LHN");
    }

    @Test
    @DisplayName("a character with several readings takes the first; characters without a reading (Greek, emoji, rare ones beyond the BMP) are dropped")
    void readingsAndCharactersWithout() {
        assertThat(PinyinInitials.of("重")).hasSize(1).isIn("Z", "C");
        assertThat(PinyinInitials.of("重")).isEqualTo(PinyinInitials.of("重")); // always the same one
        assertThat(PinyinInitials.of("α-干扰素")).isEqualTo("GRS");
        assertThat(PinyinInitials.of("😀挂号")).isEqualTo("GH");
        assertThat(PinyinInitials.of("𠀀")).isEmpty();
    }

    @Test
    void noNameIsAMistake() {
        assertThatThrownBy(() -> PinyinInitials.of(null)).isInstanceOf(NullPointerException.class);
    }
}
