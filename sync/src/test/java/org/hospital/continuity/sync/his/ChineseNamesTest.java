package org.hospital.continuity.sync.his;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChineseNamesTest {

    @Test
    @DisplayName("compound surnames (欧阳, 司马, 诸葛) are kept whole; other names split after the first character; Latin names are not split")
    void compoundSurnamesStayWhole() {
        assertThat(ChineseNames.split("欧阳娜娜")).isEqualTo(new ChineseNames.Split("欧阳", "娜娜"));
        assertThat(ChineseNames.split("司马光")).isEqualTo(new ChineseNames.Split("司马", "光"));
        assertThat(ChineseNames.split("诸葛亮")).isEqualTo(new ChineseNames.Split("诸葛", "亮"));
        assertThat(ChineseNames.split("张伟")).isEqualTo(new ChineseNames.Split("张", "伟"));
        assertThat(ChineseNames.split("王小明")).isEqualTo(new ChineseNames.Split("王", "小明"));
        assertThat(ChineseNames.split("John Smith")).isNull();
        assertThat(ChineseNames.split("阿依古丽·买买提")).isNull();
    }
}
