package org.hospital.continuity.sync.matching;

import org.hospital.continuity.sync.his.CandidateQuery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The blocking keys of one downtime record: which HIS patients matching must see so that nobody who could be
 * the person is left out. A true match escapes every block only when its ID number, phone, name and birth date
 * all disagree at once; {@link MatchingPolicy} weighs that chance ({@link #missProbability}).
 *
 * <ul>
 *   <li>ID number: the number as written, and when it fails its check character every valid number one slip away.</li>
 *   <li>Phone.</li>
 *   <li>Name: every holder of the exact name; a name held by more than {@code nameLimit} patients: name + birth year
 *       (+ sex), and name + the close dates in other years.</li>
 *   <li>Birth date: every holder of the date (so every homophone, one-character slip or twin born that day); a date
 *       held by more than {@code birthDateLimit}: birth date + surnames that sound like the record's (pinyin of the
 *       name + birth date).</li>
 *   <li>Birth year + surnames that sound like the record's: a slipped name and a birth date slipped within the year at
 *       once; over {@code yearLimit} holders it is counted, not read.</li>
 * </ul>
 *
 * @param nameLimit      holders of a name read whole up to this many
 * @param birthDateLimit holders of a birth date read whole up to this many
 * @param phoneLimit     a phone held by more patients is a shared number: not read
 * @param yearLimit      patients of a birth year and surname sound read up to this many
 * @param maxCandidates  more distinct candidates than this: incomplete (TOO_MANY_CANDIDATES)
 */
public record Blocking(int nameLimit, int birthDateLimit, int phoneLimit, int yearLimit, int maxCandidates) {

    /** Share of close birth dates that stay within the year (day and month swapped, a day or a digit of them off). */
    static final double CLOSE_WITHIN_YEAR = 0.75;
    /** Share of one-character name slips that leave the surname alone. */
    static final double CLOSE_SURNAME_KEPT = 0.5;

    /** The defaults (docs/writeback.md). */
    public static Blocking defaults() {
        return new Blocking(1_000, 1_000, 30, 2_000, 5_000);
    }

    /** The defaults with other name and birth-date limits. */
    public static Blocking withLimits(int nameLimit, int birthDateLimit) {
        Blocking d = defaults();
        return new Blocking(nameLimit, birthDateLimit, d.phoneLimit(), d.yearLimit(), d.maxCandidates());
    }

    /** The query for {@code record}. */
    public CandidateQuery plan(PatientFacts record) {
        List<CandidateQuery.Block> blocks = new ArrayList<>();
        if (record.nationalId() != null) {
            Set<String> ids = new LinkedHashSet<>();
            ids.add(record.nationalId());
            if (record.validNationalId() == null) {
                ids.addAll(NationalId.oneSlipAway(record.nationalId()));
            }
            blocks.add(new CandidateQuery.ByIdNumbers(ids));
        }
        if (record.phone() != null) {
            blocks.add(new CandidateQuery.ByPhone(record.phone(), phoneLimit));
        }
        if (record.name() != null) {
            blocks.add(new CandidateQuery.ByName(record.name(), nameLimit,
                    record.birthDate() == null ? null : record.birthDate().getYear(), record.sex(),
                    record.birthDate() == null ? Set.of() : Scoring.closeDatesInOtherYears(record.birthDate())));
        }
        if (record.birthDate() != null) {
            Set<String> surnames = record.name() == null ? Set.of() : NamePinyin.soundAlikes(record.name().charAt(0));
            blocks.add(new CandidateQuery.ByBirthDate(record.birthDate(), birthDateLimit, surnames));
            if (!surnames.isEmpty()) {
                blocks.add(new CandidateQuery.ByBirthYearAndSound(record.birthDate().getYear(), surnames, yearLimit));
            }
        }
        return new CandidateQuery(blocks, maxCandidates);
    }

    /**
     * The probability that the record's person, if the HIS holds them, was found by no block of {@code found}: the
     * sum, under the model's "same person" level probabilities (the HIS's missing values included), of every
     * combination of ID number, phone, name and birth date levels that no block catches.
     */
    public static double missProbability(PatientFacts record, List<org.hospital.continuity.sync.his.Candidates.BlockResult> found,
                                         MatchModel model) {
        boolean idBlock = false;
        boolean phoneBlock = false;
        Boolean nameNarrowed = null;
        Boolean dateNarrowed = null;
        boolean yearBlock = false;
        for (var r : found) {
            if (r.block() instanceof CandidateQuery.ByIdNumbers) {
                idBlock = true;
            } else if (r.block() instanceof CandidateQuery.ByPhone) {
                phoneBlock = !r.narrowed();
            } else if (r.block() instanceof CandidateQuery.ByName) {
                nameNarrowed = r.narrowed();
            } else if (r.block() instanceof CandidateQuery.ByBirthDate) {
                dateNarrowed = r.narrowed();
            } else if (r.block() instanceof CandidateQuery.ByBirthYearAndSound) {
                yearBlock = !r.narrowed();
            }
        }
        boolean idSlipsAsked = record.nationalId() != null && record.validNationalId() == null;
        double miss = 0;
        for (Level id : levels(model, ScoreComponent.Field.NATIONAL_ID, record.nationalId() != null)) {
            boolean idCaught = idBlock && (id.o == ScoreComponent.Outcome.EXACT || idSlipsAsked && id.o == ScoreComponent.Outcome.CLOSE);
            if (idCaught) {
                continue;
            }
            for (Level ph : levels(model, ScoreComponent.Field.PHONE, record.phone() != null)) {
                if (phoneBlock && ph.o == ScoreComponent.Outcome.EXACT) {
                    continue;
                }
                for (Level nm : levels(model, ScoreComponent.Field.NAME, record.name() != null)) {
                    for (Level bd : levels(model, ScoreComponent.Field.BIRTH_DATE, record.birthDate() != null)) {
                        boolean nameCaught = nameNarrowed != null && nm.o == ScoreComponent.Outcome.EXACT
                                && (!nameNarrowed || bd.o == ScoreComponent.Outcome.EXACT || bd.o == ScoreComponent.Outcome.CLOSE);
                        boolean dateCaught = dateNarrowed != null && bd.o == ScoreComponent.Outcome.EXACT
                                && (!dateNarrowed || nm.o == ScoreComponent.Outcome.EXACT || nm.o == ScoreComponent.Outcome.HOMOPHONE);
                        if (!nameCaught && !dateCaught) {
                            double caught = 0;
                            if (yearBlock) {
                                double byName = nm.o == ScoreComponent.Outcome.EXACT || nm.o == ScoreComponent.Outcome.HOMOPHONE ? 1
                                        : nm.o == ScoreComponent.Outcome.CLOSE ? CLOSE_SURNAME_KEPT : 0;
                                double byDate = bd.o == ScoreComponent.Outcome.EXACT ? 1
                                        : bd.o == ScoreComponent.Outcome.CLOSE ? CLOSE_WITHIN_YEAR : 0;
                                caught = byName * byDate;
                            }
                            miss += id.p * ph.p * nm.p * bd.p * (1 - caught);
                        }
                    }
                }
            }
        }
        return miss;
    }

    private record Level(ScoreComponent.Outcome o, double p) {
    }

    private static List<Level> levels(MatchModel model, ScoreComponent.Field f, boolean recordHasIt) {
        if (!recordHasIt) {
            return List.of(new Level(ScoreComponent.Outcome.MISSING, 1));
        }
        MatchModel.FieldModel fm = model.field(f);
        List<Level> out = new ArrayList<>();
        out.add(new Level(ScoreComponent.Outcome.MISSING, fm.hisMissing()));
        fm.levels().forEach((o, mu) -> {
            if (o != ScoreComponent.Outcome.MISSING) {
                out.add(new Level(o, (1 - fm.hisMissing()) * mu[0]));
            }
        });
        return out;
    }
}
