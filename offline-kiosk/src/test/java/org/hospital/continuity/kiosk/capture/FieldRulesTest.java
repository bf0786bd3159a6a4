package org.hospital.continuity.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FieldRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static List<Violation> name(String value) {
        List<Violation> v = new ArrayList<>();
        FieldRules.personName(v, "name", value, 50);
        return v;
    }

    @Test
    @DisplayName("names with Chinese, letters or the middle dot pass; digits, SQL, markup, emoji and 10,000 characters do not")
    void personNames() {
        assertThat(name("李小明")).isEmpty();
        assertThat(name("阿卜杜·热合曼")).isEmpty();
        assertThat(name("John Smith")).isEmpty();
        assertThat(name("Robert'); DROP TABLE journal;--")).extracting(Violation::messageKey).containsExactly("error.name.characters");
        assertThat(name("<script>alert(1)</script>")).extracting(Violation::messageKey).containsExactly("error.name.characters");
        assertThat(name("张三😀")).extracting(Violation::messageKey).containsExactly("error.name.characters");
        assertThat(name("李".repeat(10_000))).extracting(Violation::messageKey).containsExactly("error.name.too-long");
        assertThat(name("  ")).extracting(Violation::messageKey).containsExactly("error.required");
        // a name holds at least one Han character or letter: dots, middle dots and hyphens alone are no name
        for (String noName : List.of("...", "•", "·", "- -", ". •")) {
            assertThat(name(noName)).as(noName).extracting(Violation::messageKey).containsExactly("error.name.characters");
        }
    }

    @Test
    @DisplayName("free text refuses markup, control characters and emoji")
    void freeText() {
        List<Violation> v = new ArrayList<>();
        FieldRules.freeText(v, "reason", "病人退费", 2, 200, true);
        assertThat(v).isEmpty();
        FieldRules.freeText(v, "reason", "<img src=x onerror=alert(1)>", 2, 200, true);
        FieldRules.freeText(v, "reason", "退费🙂", 2, 200, true);
        FieldRules.freeText(v, "reason", "a\u0000b", 2, 200, true);
        assertThat(v).extracting(Violation::messageKey).containsOnly("error.text.characters").hasSize(3);
    }

    @Test
    @DisplayName("phones: 11-digit mobiles and landlines with area code")
    void phones() {
        List<Violation> v = new ArrayList<>();
        FieldRules.phone(v, "phone", "13912345678", true);
        FieldRules.phone(v, "phone", "010-62345678", true);
        assertThat(v).isEmpty();
        FieldRules.phone(v, "phone", "12345", true);
        FieldRules.phone(v, "phone", null, true);
        assertThat(v).extracting(Violation::messageKey).containsExactly("error.phone.format", "error.phone.required");
    }

    @Test
    @DisplayName("resident ID numbers: a valid check digit passes, every single-character change of it fails")
    void residentIdChecksum() {
        Random random = new Random(11643L);
        for (int i = 0; i < 2000; i++) {
            LocalDate birth = TODAY.minusDays(random.nextInt(365 * 100));
            String first17 = String.format("%06d", 110000 + random.nextInt(600000)) + birth.toString().replace("-", "")
                    + String.format("%03d", random.nextInt(1000));
            char check = ResidentIdNumber.checkCharacter(first17);
            assertThat(ResidentIdNumber.check(first17 + check, TODAY)).isEqualTo(ResidentIdNumber.Result.VALID);
            char wrong = "0123456789X".charAt(random.nextInt(11));
            if (wrong != check) {
                assertThat(ResidentIdNumber.check(first17 + wrong, TODAY)).isEqualTo(ResidentIdNumber.Result.BAD_CHECK_DIGIT);
            }
        }
        assertThat(ResidentIdNumber.check("11010519491231002X", TODAY)).isEqualTo(ResidentIdNumber.Result.VALID);
        assertThat(ResidentIdNumber.check("110105194912310021", TODAY)).isEqualTo(ResidentIdNumber.Result.BAD_CHECK_DIGIT);
        assertThat(ResidentIdNumber.check("1101051949123", TODAY)).isEqualTo(ResidentIdNumber.Result.WRONG_LENGTH);
        assertThat(ResidentIdNumber.check("11010519491331002X", TODAY)).isEqualTo(ResidentIdNumber.Result.BAD_BIRTH_DATE);
        assertThat(ResidentIdNumber.check("1101051949123100AX", TODAY)).isEqualTo(ResidentIdNumber.Result.WRONG_CHARACTERS);
    }
}
