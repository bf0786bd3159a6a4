package org.hospital.continuity.sync.his;

import org.hospital.continuity.sync.matching.Sex;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What to ask the HIS for one downtime record: blocks, each a set of HIS patients that may be the record's
 * person (matching's blocking keys), and the most candidates one record may bring. Built by
 * {@code matching.Blocking}; answered by a {@link HisPatientSearch}. See {@link HisPatientSearch} for the
 * contract every HIS link follows.
 *
 * @param blocks        the blocks to run; the answer is the union of their patients
 * @param maxCandidates more distinct patients than this in the union → the answer is incomplete
 */
public record CandidateQuery(List<Block> blocks, int maxCandidates) {

    public CandidateQuery {
        blocks = List.copyOf(blocks);
    }

    /** One block. Blocks with a {@code limit} say how to narrow themselves when the HIS holds more patients than that. */
    public sealed interface Block permits ByIdNumbers, ByPhone, ByName, ByBirthDate, ByBirthYearAndSound {
    }

    /**
     * Patients holding any of these resident ID numbers exactly: the number as written and, when it fails its
     * check character, the valid numbers one slip away (one of them is the person's). No limit: an ID number is
     * held by one patient (two → the HIS holds it twice, which matching reports).
     */
    public record ByIdNumbers(Set<String> idNumbers) implements Block {
        public ByIdNumbers {
            idNumbers = Set.copyOf(idNumbers);
        }
    }

    /**
     * Patients with this phone number (digits only). More than {@code limit} holders: a shared number (a family's,
     * a nursing home's, a placeholder): return none of them, only their count ({@code narrowed}).
     */
    public record ByPhone(String phone, int limit) implements Block {
    }

    /**
     * Holders of exactly this full name (the name as one string, e.g. {@code 王伟}). More than {@code limit}
     * holders: return instead those born in {@code birthYear} plus those born on any of {@code nearDates} (the
     * close dates in other years), and the count of all holders ({@code narrowed}); when {@code sex} is known the
     * HIS may leave out holders recorded with the other sex (never those whose sex it does not hold). Without a
     * birth year the block cannot be narrowed: incomplete.
     */
    public record ByName(String name, int limit, Integer birthYear, Sex sex, Set<LocalDate> nearDates) implements Block {
        public ByName {
            nearDates = Set.copyOf(nearDates);
            sex = sex == null ? Sex.UNKNOWN : sex;
        }
    }

    /**
     * Patients born on this date (this is the "pinyin of the name + birth date" block: it holds every holder of
     * the date whatever the characters of the name). More than {@code limit}: return instead those whose surname
     * (family name) begins with one of {@code surnames} — the characters that sound like the record's surname —
     * and the count of all holders of the date ({@code narrowed}).
     */
    public record ByBirthDate(LocalDate birthDate, int limit, Set<String> surnames) implements Block {
        public ByBirthDate {
            surnames = Set.copyOf(surnames);
        }
    }

    /**
     * Patients born in {@code birthYear} whose surname (family name) begins with one of {@code surnames} (the
     * characters that sound like the record's surname): the person whose name was written with a homophone or a
     * one-character slip <em>and</em> whose birth date slipped within the year (day and month swapped, a day or a digit
     * off). More than {@code limit}: return none of them, only their count ({@code narrowed}).
     */
    public record ByBirthYearAndSound(int birthYear, Set<String> surnames, int limit) implements Block {
        public ByBirthYearAndSound {
            surnames = Set.copyOf(surnames);
        }
    }
}
