package org.hospital.continuity.sync.matching;

import java.time.LocalDate;

/**
 * What is known of a person, on either side: a downtime registration as captured, or a patient the
 * HIS holds. Every field but the reference may be missing ({@code null}); paper forms often lack the
 * ID number of the elderly and of children.
 *
 * @param ref        the downtime record's UUID or the HIS's patient id
 * @param name       full name as written (Chinese characters, no spaces)
 * @param sex        administrative sex
 * @param birthDate  date of birth, if known (not an age)
 * @param phone      mobile or home phone, digits only
 * @param nationalId the resident ID number as written (may carry a typo)
 */
public record PatientFacts(String ref, String name, Sex sex, LocalDate birthDate, String phone, String nationalId) {

    public PatientFacts {
        name = clean(name);
        phone = phone == null ? null : digits(phone);
        nationalId = NationalId.normalise(nationalId).orElse(null);
        sex = sex == null ? Sex.UNKNOWN : sex;
        // A valid ID number states birth date and sex: use them where the form left them empty.
        if (nationalId != null && NationalId.isValid(nationalId)) {
            if (birthDate == null) {
                birthDate = NationalId.birthDate(nationalId).orElse(null);
            }
            if (sex == Sex.UNKNOWN) {
                sex = NationalId.sex(nationalId);
            }
        }
    }

    /** The ID number only when its check character is right; a number with a typo is no evidence. */
    public String validNationalId() {
        return nationalId != null && NationalId.isValid(nationalId) ? nationalId : null;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("\\s+", "");
        return t.isEmpty() ? null : t;
    }

    private static String digits(String s) {
        String d = s.replaceAll("[^0-9]", "");
        if (d.startsWith("86") && d.length() == 13) {
            d = d.substring(2);
        }
        return d.isEmpty() ? null : d;
    }
}
