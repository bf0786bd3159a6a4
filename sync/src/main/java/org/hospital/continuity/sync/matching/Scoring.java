package org.hospital.continuity.sync.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.hospital.continuity.sync.matching.ScoreComponent.Field;
import static org.hospital.continuity.sync.matching.ScoreComponent.Outcome;

/**
 * Compares two sets of {@link PatientFacts} field by field. Points are fixed and few so a person can
 * follow them: national ID exact +100 (two different valid numbers: conflict −100), name +40,
 * sex +10 (two known, different sexes: conflict −100), date of birth +30, phone +20.
 */
public final class Scoring {

    public static final int ID_EXACT = 100;
    public static final int ID_CLOSE = 30;
    public static final int ID_DIFFERENT = -20;
    public static final int CONFLICT = -100;
    public static final int NAME_EXACT = 40;
    public static final int NAME_CLOSE = 15;
    public static final int NAME_DIFFERENT = -40;
    public static final int SEX_EXACT = 10;
    public static final int BIRTH_EXACT = 30;
    public static final int BIRTH_CLOSE = 10;
    public static final int BIRTH_DIFFERENT = -30;
    public static final int PHONE_EXACT = 20;

    private Scoring() {
    }

    /** Scores {@code candidate} against {@code record}. */
    public static MatchScore score(PatientFacts record, PatientFacts candidate) {
        List<ScoreComponent> c = new ArrayList<>(5);
        c.add(nationalId(record, candidate));
        c.add(name(record.name(), candidate.name()));
        c.add(sex(record.sex(), candidate.sex()));
        c.add(birth(record.birthDate(), candidate.birthDate()));
        c.add(phone(record.phone(), candidate.phone()));
        return new MatchScore(candidate, c);
    }

    private static ScoreComponent nationalId(PatientFacts a, PatientFacts b) {
        if (a.nationalId() == null || b.nationalId() == null) {
            return new ScoreComponent(Field.NATIONAL_ID, Outcome.MISSING, 0);
        }
        String va = a.validNationalId();
        String vb = b.validNationalId();
        if (va != null && va.equals(vb)) {
            return new ScoreComponent(Field.NATIONAL_ID, Outcome.EXACT, ID_EXACT);
        }
        if (va != null && vb != null) {
            // Two numbers that both pass the check digit belong to two people.
            return new ScoreComponent(Field.NATIONAL_ID, Outcome.CONFLICT, CONFLICT);
        }
        if (a.nationalId().length() == b.nationalId().length() && hamming(a.nationalId(), b.nationalId()) <= 1
                || adjacentSwap(a.nationalId(), b.nationalId())) {
            return new ScoreComponent(Field.NATIONAL_ID, Outcome.CLOSE, ID_CLOSE);
        }
        return new ScoreComponent(Field.NATIONAL_ID, Outcome.DIFFERENT, ID_DIFFERENT);
    }

    private static ScoreComponent name(String a, String b) {
        if (a == null || b == null) {
            return new ScoreComponent(Field.NAME, Outcome.MISSING, 0);
        }
        if (a.equals(b)) {
            return new ScoreComponent(Field.NAME, Outcome.EXACT, NAME_EXACT);
        }
        // Same length, same surname, one character off: a homophone written in a hurry.
        if (a.length() == b.length() && a.length() >= 2 && a.charAt(0) == b.charAt(0) && hamming(a, b) == 1) {
            return new ScoreComponent(Field.NAME, Outcome.CLOSE, NAME_CLOSE);
        }
        return new ScoreComponent(Field.NAME, Outcome.DIFFERENT, NAME_DIFFERENT);
    }

    private static ScoreComponent sex(Sex a, Sex b) {
        if (a == Sex.UNKNOWN || b == Sex.UNKNOWN) {
            return new ScoreComponent(Field.SEX, Outcome.MISSING, 0);
        }
        return a == b ? new ScoreComponent(Field.SEX, Outcome.EXACT, SEX_EXACT)
                : new ScoreComponent(Field.SEX, Outcome.CONFLICT, CONFLICT);
    }

    private static ScoreComponent birth(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return new ScoreComponent(Field.BIRTH_DATE, Outcome.MISSING, 0);
        }
        if (a.equals(b)) {
            return new ScoreComponent(Field.BIRTH_DATE, Outcome.EXACT, BIRTH_EXACT);
        }
        boolean swapped = a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth()
                && a.getDayOfMonth() == b.getMonthValue();
        int same = (a.getYear() == b.getYear() ? 1 : 0) + (a.getMonthValue() == b.getMonthValue() ? 1 : 0)
                + (a.getDayOfMonth() == b.getDayOfMonth() ? 1 : 0);
        if (swapped || same == 2) {
            return new ScoreComponent(Field.BIRTH_DATE, Outcome.CLOSE, BIRTH_CLOSE);
        }
        return new ScoreComponent(Field.BIRTH_DATE, Outcome.DIFFERENT, BIRTH_DIFFERENT);
    }

    private static ScoreComponent phone(String a, String b) {
        if (a == null || b == null) {
            return new ScoreComponent(Field.PHONE, Outcome.MISSING, 0);
        }
        // People change phones: a different number is no evidence against.
        return Objects.equals(a, b) ? new ScoreComponent(Field.PHONE, Outcome.EXACT, PHONE_EXACT)
                : new ScoreComponent(Field.PHONE, Outcome.DIFFERENT, 0);
    }

    static int hamming(String a, String b) {
        int d = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                d++;
            }
        }
        return d;
    }

    private static boolean adjacentSwap(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                first = i;
                break;
            }
        }
        if (first < 0 || first + 1 >= a.length()) {
            return false;
        }
        return a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                && a.substring(first + 2).equals(b.substring(first + 2));
    }
}
