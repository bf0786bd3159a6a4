package org.hospital.continuity.sync.matching;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class NationalIdTest {

    @Test
    @DisplayName("GB 11643: a published example number is valid and encodes birth date and sex")
    void knownNumberIsValid() {
        assertThat(NationalId.isValid("11010519491231002X")).isTrue();
        assertThat(NationalId.birthDate("11010519491231002X")).contains(LocalDate.of(1949, 12, 31));
        assertThat(NationalId.sex("11010519491231002X")).isEqualTo(Sex.FEMALE);
    }

    @Test
    @DisplayName("Issue 9: every single-digit typo and every neighbour swap is caught by the check character")
    void typosAreCaught() {
        Random rnd = new Random(9);
        for (int n = 0; n < 2000; n++) {
            String id = NationalId.of("320102", LocalDate.of(1930, 1, 1).plusDays(rnd.nextInt(30000)), 1 + rnd.nextInt(998));
            assertThat(NationalId.isValid(id)).isTrue();
            char[] c = id.toCharArray();
            int i = rnd.nextInt(17);
            c[i] = (char) ('0' + (c[i] - '0' + 1 + rnd.nextInt(9)) % 10);
            assertThat(NationalId.isValid(new String(c))).as("typo in %s at %d", id, i).isFalse();
            char[] s = id.toCharArray();
            int j = rnd.nextInt(16);
            if (s[j] != s[j + 1]) {
                char t = s[j];
                s[j] = s[j + 1];
                s[j + 1] = t;
                assertThat(NationalId.isValid(new String(s))).as("swap in %s at %d", id, j).isFalse();
            }
        }
    }

    @Test
    @DisplayName("Issue 9: a number that is not 18 characters or has no real birth date is not valid")
    void malformedNumbersAreInvalid() {
        assertThat(NationalId.isValid("1101051949123100")).isFalse();
        assertThat(NationalId.isValid(null)).isFalse();
        String feb30 = "11010519490230001";
        assertThat(NationalId.isValid(feb30 + NationalId.checkCharacter(feb30))).isFalse();
    }
}
