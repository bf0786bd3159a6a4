package org.hospital.continuity.sync.matching;

import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Term frequencies learnt from the HIS's answer to one record's candidate query: the holder counts of the
 * record's name, birth date and phone as the HIS counted them, and of an ID number the patients returned
 * holding it.
 */
public final class RetrievedFrequencies implements Frequencies {

    private final long patients;
    private final Map<String, Long> counts = new HashMap<>();

    public RetrievedFrequencies(Candidates found, long patients) {
        this.patients = Math.max(1, patients);
        for (Candidates.BlockResult r : found.blocks()) {
            if (r.block() instanceof CandidateQuery.ByName n) {
                counts.put(key(ScoreComponent.Field.NAME, n.name()), r.holders());
            } else if (r.block() instanceof CandidateQuery.ByBirthDate b) {
                counts.put(key(ScoreComponent.Field.BIRTH_DATE, b.birthDate().toString()), r.holders());
            } else if (r.block() instanceof CandidateQuery.ByPhone p) {
                counts.put(key(ScoreComponent.Field.PHONE, p.phone()), r.holders());
            }
        }
        for (PatientFacts p : found.patients()) {
            if (p.nationalId() != null) {
                counts.merge(key(ScoreComponent.Field.NATIONAL_ID, p.nationalId()), 1L, Long::sum);
            }
        }
    }

    private static String key(ScoreComponent.Field f, String v) {
        return f.name() + '|' + v;
    }

    @Override
    public long patients() {
        return patients;
    }

    @Override
    public OptionalLong holders(ScoreComponent.Field field, String value) {
        Long n = counts.get(key(field, value));
        return n == null ? OptionalLong.empty() : OptionalLong.of(n);
    }
}
