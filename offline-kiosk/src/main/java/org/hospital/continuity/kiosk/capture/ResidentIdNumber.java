package org.hospital.continuity.kiosk.capture;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The 18-character resident ID number (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit
 * sequence, and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
public final class ResidentIdNumber {

    public enum Result { VALID, WRONG_LENGTH, WRONG_CHARACTERS, BAD_BIRTH_DATE, BAD_CHECK_DIGIT }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentIdNumber() {
    }

    public static Result check(String id, LocalDate today) {
        if (id.length() != 18) {
            return Result.WRONG_LENGTH;
        }
        String upper = id.toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < 17; i++) {
            if (upper.charAt(i) < '0' || upper.charAt(i) > '9') {
                return Result.WRONG_CHARACTERS;
            }
        }
        char last = upper.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Result.WRONG_CHARACTERS;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(upper.substring(6, 10)), Integer.parseInt(upper.substring(10, 12)),
                    Integer.parseInt(upper.substring(12, 14)));
            if (birth.isAfter(today) || birth.isBefore(today.minusYears(150))) {
                return Result.BAD_BIRTH_DATE;
            }
        } catch (DateTimeException e) {
            return Result.BAD_BIRTH_DATE;
        }
        return checkCharacter(upper.substring(0, 17)) == last ? Result.VALID : Result.BAD_CHECK_DIGIT;
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The sex encoded in a valid number: the 17th digit is odd for a man (M), even for a woman (F). */
    public static String sex(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    /** Birth date encoded in a valid number. */
    public static LocalDate birthDate(String id) {
        return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
    }
}
