package org.hospital.continuity.kiosk.capture;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Field rules shared by every capture form (cashier now, clinical forms later): each check adds a
 * {@link Violation} to the list instead of throwing, so a form reports all its faults at once.
 */
public final class FieldRules {

    /** Names: Chinese characters, Latin letters, the middle dot of minority and foreign names, spaces, hyphens. */
    /** Han characters, letters, the middle dot, dot, space and hyphen, with at least one Han character or letter ("...", "•" are no names). */
    private static final Pattern NAME = Pattern.compile("(?=.*[\\p{IsHan}A-Za-z])[\\p{IsHan}A-Za-z·•. \\-]+");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    private static final Pattern CARD = Pattern.compile("[A-Za-z0-9]{6,30}");
    private static final Pattern NUMBER_TEXT = Pattern.compile("[A-Za-z0-9\\-]{1,30}");

    private FieldRules() {
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A person's name: required, at most {@code max} characters, no digits, signs, emoji or markup. */
    public static void personName(List<Violation> out, String field, String value, int max) {
        if (blank(value)) {
            out.add(new Violation(field, "error.required"));
        } else if (value.length() > max) {
            out.add(new Violation(field, "error.name.too-long"));
        } else if (!NAME.matcher(value.trim()).matches()) {
            out.add(new Violation(field, "error.name.characters"));
        }
    }

    /** Free text (reasons, notes): required when asked, bounded, no control characters, markup or emoji. */
    public static void freeText(List<Violation> out, String field, String value, int min, int max, boolean required) {
        if (blank(value)) {
            if (required) {
                out.add(new Violation(field, "error.required"));
            }
            return;
        }
        String v = value.trim();
        if (v.length() < min) {
            out.add(new Violation(field, "error.text.too-short"));
        } else if (v.length() > max) {
            out.add(new Violation(field, "error.text.too-long"));
        } else if (v.codePoints().anyMatch(cp -> Character.isISOControl(cp) || cp == '<' || cp == '>' || Character.isSupplementaryCodePoint(cp))) {
            out.add(new Violation(field, "error.text.characters"));
        }
    }

    /** A phone number: an 11-digit mobile or a landline with area code. */
    public static void phone(List<Violation> out, String field, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                out.add(new Violation(field, "error.phone.required"));
            }
            return;
        }
        String v = value.trim().replace(" ", "");
        if (!MOBILE.matcher(v).matches() && !LANDLINE.matcher(v).matches()) {
            out.add(new Violation(field, "error.phone.format"));
        }
    }

    /** An insurance card number: 6–30 letters or digits. */
    public static void card(List<Violation> out, String field, String value) {
        if (blank(value)) {
            out.add(new Violation(field, "error.insurance-card.required"));
        } else if (!CARD.matcher(value.trim()).matches()) {
            out.add(new Violation(field, "error.insurance-card.format"));
        }
    }

    /** A code or document number typed by hand (formal invoice numbers, instruction ids). */
    public static void numberText(List<Violation> out, String field, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                out.add(new Violation(field, "error.required"));
            }
        } else if (!NUMBER_TEXT.matcher(value.trim()).matches()) {
            out.add(new Violation(field, "error.number.format"));
        }
    }

    /** A resident ID number (身份证号), optional: 18 characters with a valid check digit. */
    public static void residentId(List<Violation> out, String field, String value, LocalDate today) {
        if (blank(value)) {
            return;
        }
        switch (ResidentIdNumber.check(value.trim(), today)) {
            case VALID -> {
            }
            case WRONG_LENGTH -> out.add(new Violation(field, "error.id-number.length"));
            case WRONG_CHARACTERS -> out.add(new Violation(field, "error.id-number.characters"));
            case BAD_BIRTH_DATE -> out.add(new Violation(field, "error.id-number.birth-date"));
            case BAD_CHECK_DIGIT -> out.add(new Violation(field, "error.id-number.check-digit"));
            default -> throw new IllegalStateException();
        }
    }
}
