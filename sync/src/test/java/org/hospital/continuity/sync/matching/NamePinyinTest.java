package org.hospital.continuity.sync.matching;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamePinyinTest {

    @Test
    @DisplayName("Homophones (同音字) sound alike, tones ignored; other characters do not")
    void homophones() {
        assertThat(NamePinyin.homophones("王伟", "汪玮")).isTrue();
        assertThat(NamePinyin.homophones("张一帆", "张一凡")).isTrue();
        assertThat(NamePinyin.homophones("李静", "李晶")).isTrue();
        assertThat(NamePinyin.homophones("王伟", "王芳")).isFalse();
        assertThat(NamePinyin.homophones("王伟", "王伟伟")).isFalse();
    }

    @Test
    @DisplayName("A polyphonic character sounds like both its readings (单 dan / shan)")
    void polyphonic() {
        assertThat(NamePinyin.readings('单')).contains("dan", "shan");
        assertThat(NamePinyin.soundAlike('单', '山')).isTrue();
        assertThat(NamePinyin.soundAlike('单', '丹')).isTrue();
    }

    @Test
    @DisplayName("The surnames that sound like 王 include 汪 (the narrowed birth-date block asks for all of them)")
    void surnameSoundAlikes() {
        assertThat(NamePinyin.soundAlikes('王')).contains("王", "汪").doesNotContain("李");
        assertThat(NamePinyin.soundAlikes('张')).contains("章");
    }

    @Test
    @DisplayName("Name levels: exact, homophone, one character off or left out, different")
    void nameLevels() {
        assertThat(Scoring.nameLevel("王伟", "王伟")).isEqualTo(ScoreComponent.Outcome.EXACT);
        assertThat(Scoring.nameLevel("王伟", "汪玮")).isEqualTo(ScoreComponent.Outcome.HOMOPHONE);
        assertThat(Scoring.nameLevel("王伟", "王芳")).isEqualTo(ScoreComponent.Outcome.CLOSE);
        assertThat(Scoring.nameLevel("王小明", "王明")).isEqualTo(ScoreComponent.Outcome.CLOSE);
        assertThat(Scoring.nameLevel("王伟", "李芳")).isEqualTo(ScoreComponent.Outcome.DIFFERENT);
    }
}
