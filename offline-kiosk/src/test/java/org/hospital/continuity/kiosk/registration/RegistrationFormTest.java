package org.hospital.continuity.kiosk.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.hospital.continuity.kiosk.capture.ResidentIdNumber;
import org.hospital.continuity.kiosk.capture.Violation;
import org.hospital.continuity.kiosk.registration.domain.RegistrationForm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Typing less at registration: the resident ID fills sex and birth date; a child is registered with a guardian. */
class RegistrationFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final RegistrationForm.Lookups REFS = new RegistrationForm.Lookups() {
        @Override
        public boolean departmentExists(String code) {
            return "NK".equals(code);
        }

        @Override
        public String doctorDepartment(String code) {
            return null;
        }

        @Override
        public boolean isRegistrationFee(String code) {
            return "S0001".equals(code);
        }
    };

    private static String id(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private static RegistrationForm form(String sex, LocalDate birth, Integer age, String idNumber, String guardian, String guardianPhone) {
        return new RegistrationForm(null, "王小红", sex, birth, age, idNumber, "13912345678", "SELF_PAY", null, "NK", null, "S0001",
                guardian, guardianPhone);
    }

    @Test
    @DisplayName("GB 11643: a valid resident ID gives the sex (17th digit odd: man, even: woman) and the birth date; nothing else is needed")
    void aValidIdFillsSexAndBirthDate() {
        RegistrationForm woman = form(null, null, null, id("11010519900512002"), null, null).derived(TODAY);
        assertThat(woman.sex()).isEqualTo("F");
        assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1990, 5, 12));
        assertThat(woman.age(TODAY)).isEqualTo(36);
        assertThat(woman.check(REFS, TODAY)).isEmpty();
        RegistrationForm man = form(null, null, null, id("11010519580302001"), null, null).derived(TODAY);
        assertThat(man.sex()).isEqualTo("M");
    }

    @Test
    @DisplayName("GB 11643: a wrong check digit fills nothing and is refused at the field; a typed sex must agree with the ID")
    void aWrongIdFillsNothing() {
        String valid = id("11010519900512002");
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        RegistrationForm typed = form(null, null, null, wrong, null, null).derived(TODAY);
        assertThat(typed.sex()).isNull();
        assertThat(typed.check(REFS, TODAY)).extracting(Violation::field, Violation::messageKey)
                .contains(org.assertj.core.groups.Tuple.tuple("idNumber", "error.id-number.check-digit"));
        assertThat(form("M", null, null, valid, null, null).derived(TODAY).check(REFS, TODAY)).extracting(Violation::messageKey)
                .containsExactly("error.sex.id-mismatch");
    }

    @Test
    @DisplayName("a child under 14 is registered with a guardian's name and phone; an adult needs none")
    void aChildNeedsAGuardian() {
        RegistrationForm child = form(null, null, null, id("11010520150301003"), null, null).derived(TODAY);
        assertThat(child.age(TODAY)).isEqualTo(11);
        List<Violation> v = child.check(REFS, TODAY);
        assertThat(v).extracting(Violation::field, Violation::messageKey).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("guardianName", "error.guardian.required"),
                org.assertj.core.groups.Tuple.tuple("guardianPhone", "error.guardian.phone"));
        assertThat(form(null, null, null, id("11010520150301003"), "王大明", "13800001111").derived(TODAY).check(REFS, TODAY)).isEmpty();
        assertThat(form("F", null, 9, null, "王大明", "123").check(REFS, TODAY)).extracting(Violation::field).containsExactly("guardianPhone");
        assertThat(form("F", null, 40, null, null, null).check(REFS, TODAY)).isEmpty();
    }
}
