package org.hospital.continuity.sync.matching;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import static org.hospital.continuity.sync.matching.ScoreComponent.Field;
import static org.hospital.continuity.sync.matching.ScoreComponent.Outcome;

/**
 * Compares two sets of {@link PatientFacts} field by field (Fellegi–Sunter, as an EMPI does): each field
 * gets an agreement level and the level's weight in bits from the {@link MatchModel}; an exact agreement is
 * weighed by how many HIS patients hold the value ({@link Frequencies}).
 *
 * <p>Levels: ID number exact / one slip off (one character replaced or two neighbours swapped, one of them
 * failing its check character) / two valid numbers that differ (conflict) / different / missing. Name exact /
 * homophone (同音字) / one character off or one left out / different / missing. Sex exact / conflict /
 * missing. Birth date exact / close (one digit off, two neighbouring digits swapped, day and month swapped, a
 * day apart) / different (within five years) / far / missing. Phone exact / one digit off or a swap / different (a new phone is weak
 * evidence against) / missing.
 */
public final class Scoring {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private Scoring() {
    }

    /** Scores {@code candidate} against {@code record} with the default model and no HIS frequencies. */
    public static MatchScore score(PatientFacts record, PatientFacts candidate) {
        return score(record, candidate, MatchModel.defaults(), Frequencies.unknown(1));
    }

    /** Scores {@code candidate} against {@code record}. */
    public static MatchScore score(PatientFacts record, PatientFacts candidate, MatchModel model, Frequencies freq) {
        List<ScoreComponent> c = new ArrayList<>(5);
        c.add(component(Field.NATIONAL_ID, idLevel(record, candidate), record.nationalId(), model, freq));
        c.add(component(Field.NAME, nameLevel(record.name(), candidate.name()), record.name(), model, freq));
        c.add(component(Field.SEX, sexLevel(record.sex(), candidate.sex()), null, model, freq));
        c.add(component(Field.BIRTH_DATE, birthLevel(record.birthDate(), candidate.birthDate()),
                record.birthDate() == null ? null : record.birthDate().toString(), model, freq));
        c.add(component(Field.PHONE, phoneLevel(record.phone(), candidate.phone()), record.phone(), model, freq));
        return new MatchScore(candidate, c);
    }

    private static ScoreComponent component(Field f, Outcome o, String value, MatchModel model, Frequencies freq) {
        MatchModel.FieldModel fm = model.field(f);
        if (o != Outcome.EXACT || value == null || f == Field.SEX) {
            return new ScoreComponent(f, o, model.weight(f, o, fm.typicalExactU()));
        }
        OptionalLong holders = freq.holders(f, value);
        if (holders.isEmpty() || freq.patients() <= 0) {
            return new ScoreComponent(f, o, model.weight(f, o, fm.typicalExactU()));
        }
        // Splink's term-frequency adjustment: u of an exact agreement = the share of patients holding the value.
        long h = Math.max(1, holders.getAsLong());
        double tf = Math.min(1.0, h / (double) freq.patients());
        double u = tf * fm.tfScale();
        double w = model.weight(f, o, u);
        // an ID number is held by one person: how many hold it is no measure of common or rare
        double adjustment = f == Field.NATIONAL_ID ? 0 : MatchModel.log2(fm.typicalExactU() / u);
        return new ScoreComponent(f, o, w, adjustment, h);
    }

    /** The ID number's level. */
    public static Outcome idLevel(PatientFacts a, PatientFacts b) {
        if (a.nationalId() == null || b.nationalId() == null) {
            return Outcome.MISSING;
        }
        String va = a.validNationalId();
        String vb = b.validNationalId();
        if (a.nationalId().equals(b.nationalId())) {
            return Outcome.EXACT;
        }
        if (va != null && vb != null) {
            // Two numbers that both pass the check character belong to two people (or a double slip).
            return Outcome.CONFLICT;
        }
        return NationalId.oneSlipApart(a.nationalId(), b.nationalId()) ? Outcome.CLOSE : Outcome.DIFFERENT;
    }

    /** The name's level. */
    public static Outcome nameLevel(String a, String b) {
        if (a == null || b == null) {
            return Outcome.MISSING;
        }
        if (a.equals(b)) {
            return Outcome.EXACT;
        }
        if (NamePinyin.homophones(a, b)) {
            return Outcome.HOMOPHONE;
        }
        if (a.length() >= 2 && b.length() >= 2 && (a.length() == b.length() && hamming(a, b) == 1 || oneLeftOut(a, b))) {
            return Outcome.CLOSE;
        }
        return Outcome.DIFFERENT;
    }

    /** The sex's level. */
    public static Outcome sexLevel(Sex a, Sex b) {
        if (a == null || b == null || a == Sex.UNKNOWN || b == Sex.UNKNOWN) {
            return Outcome.MISSING;
        }
        return a == b ? Outcome.EXACT : Outcome.CONFLICT;
    }

    /** The birth date's level. */
    public static Outcome birthLevel(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return Outcome.MISSING;
        }
        if (a.equals(b)) {
            return Outcome.EXACT;
        }
        if (closeDates(a, b)) {
            return Outcome.CLOSE;
        }
        return Math.abs(ChronoUnit.DAYS.between(a, b)) > 5 * 365 + 1 ? Outcome.FAR : Outcome.DIFFERENT;
    }

    /** True for one digit off, two neighbouring digits swapped (YYYYMMDD), day and month swapped, or a day apart. */
    public static boolean closeDates(LocalDate a, LocalDate b) {
        if (Math.abs(ChronoUnit.DAYS.between(a, b)) == 1) {
            return true;
        }
        if (a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth() && a.getDayOfMonth() == b.getMonthValue()) {
            return true;
        }
        return NationalId.oneSlipApart(a.format(BASIC), b.format(BASIC));
    }

    /**
     * The dates {@link #closeDates close} to {@code d} in another year (a slip in the year's digits, a day apart
     * over New Year): what a name's narrowed search must add to "same birth year".
     */
    public static Set<LocalDate> closeDatesInOtherYears(LocalDate d) {
        Set<LocalDate> out = new TreeSet<>();
        char[] s = d.format(BASIC).toCharArray();
        for (int i = 0; i < 8; i++) {
            char was = s[i];
            for (char x = '0'; x <= '9'; x++) {
                if (x != was) {
                    s[i] = x;
                    addDate(out, s, d);
                }
            }
            s[i] = was;
            if (i + 1 < 8 && s[i] != s[i + 1]) {
                char t = s[i];
                s[i] = s[i + 1];
                s[i + 1] = t;
                addDate(out, s, d);
                s[i + 1] = s[i];
                s[i] = t;
            }
        }
        out.add(d.minusDays(1));
        out.add(d.plusDays(1));
        out.removeIf(x -> x.getYear() == d.getYear());
        return out;
    }

    private static void addDate(Set<LocalDate> out, char[] s, LocalDate around) {
        try {
            LocalDate x = LocalDate.parse(new String(s), BASIC);
            if (x.getYear() >= 1880 && x.getYear() <= around.getYear() + 200) {
                out.add(x);
            }
        } catch (DateTimeParseException e) {
            // not a date: no one is born on it
        }
    }

    /** The phone's level. */
    public static Outcome phoneLevel(String a, String b) {
        if (a == null || b == null) {
            return Outcome.MISSING;
        }
        if (a.equals(b)) {
            return Outcome.EXACT;
        }
        // People change phones: a different number is weak evidence against; a slip of one digit is evidence for.
        return NationalId.oneSlipApart(a, b) ? Outcome.CLOSE : Outcome.DIFFERENT;
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

    private static boolean oneLeftOut(String a, String b) {
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        if (longer.length() != shorter.length() + 1) {
            return false;
        }
        for (int i = 0; i < longer.length(); i++) {
            if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                return true;
            }
        }
        return false;
    }
}
