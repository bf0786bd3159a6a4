package org.hospital.continuity.sync.matching;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The 18-character resident ID number (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit
 * sequence (odd = male, even = female) and an ISO 7064 MOD 11-2 check character. The check character
 * catches every single-digit typo and every swap of two neighbouring digits, which is why an exact
 * match on a <em>valid</em> number is the strongest evidence matching has.
 */
public final class NationalId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private NationalId() {
    }

    /** Upper-cased, trimmed; {@code null} and blank stay empty. */
    public static Optional<String> normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(raw.trim().toUpperCase(Locale.ROOT));
    }

    /** True for 18 characters with a real birth date and the right check character. */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        String upper = id.toUpperCase(Locale.ROOT);
        for (int i = 0; i < 17; i++) {
            if (upper.charAt(i) < '0' || upper.charAt(i) > '9') {
                return false;
            }
        }
        if (birthDate(upper).isEmpty()) {
            return false;
        }
        return checkCharacter(upper.substring(0, 17)) == upper.charAt(17);
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The birth date the number encodes, if it is a date. */
    public static Optional<LocalDate> birthDate(String id) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The sex the number encodes: the 17th digit odd = male. */
    public static Sex sex(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Builds a valid number from region, birth date and sequence (used by test data generators). */
    public static String of(String region6, LocalDate birth, int sequence3) {
        String first17 = region6 + String.format(Locale.ROOT, "%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), sequence3);
        return first17 + checkCharacter(first17);
    }
}
