package org.hospital.continuity.sync.matching;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

    /**
     * The valid numbers one slip away from {@code written}: one character replaced (any of the 18) or two
     * neighbouring characters swapped. For a number that fails its check character these are the numbers
     * the person may really hold (MOD 11-2 catches every such slip, so the right one is among them); the
     * written number itself is not included.
     */
    public static Set<String> oneSlipAway(String written) {
        Set<String> out = new TreeSet<>();
        String w = normalise(written).orElse("");
        if (w.length() != 18) {
            return out;
        }
        char[] c = w.toCharArray();
        for (int i = 0; i < 18; i++) {
            char was = c[i];
            for (char d : i == 17 ? CHECK : DIGITS) {
                if (d != was) {
                    c[i] = d;
                    addIfValid(out, c);
                }
            }
            c[i] = was;
        }
        for (int i = 0; i + 1 < 18; i++) {
            if (c[i] != c[i + 1]) {
                swap(c, i);
                addIfValid(out, c);
                swap(c, i);
            }
        }
        out.remove(w);
        return out;
    }

    private static final char[] DIGITS = "0123456789".toCharArray();

    private static void addIfValid(Set<String> out, char[] c) {
        String s = new String(c);
        if (isValid(s)) {
            out.add(s);
        }
    }

    private static void swap(char[] c, int i) {
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
    }

    /** True when {@code a} becomes {@code b} by one replaced character or one swap of neighbours. */
    public static boolean oneSlipApart(String a, String b) {
        if (a == null || b == null || a.length() != b.length() || a.equals(b)) {
            return false;
        }
        int first = -1;
        int diffs = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first < 0) {
                    first = i;
                }
                diffs++;
            }
        }
        if (diffs == 1) {
            return true;
        }
        return diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first);
    }

    /** Builds a valid number from region, birth date and sequence (used by test data generators). */
    public static String of(String region6, LocalDate birth, int sequence3) {
        String first17 = region6 + String.format(Locale.ROOT, "%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), sequence3);
        return first17 + checkCharacter(first17);
    }
}
