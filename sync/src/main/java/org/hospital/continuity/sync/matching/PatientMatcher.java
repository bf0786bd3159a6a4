package org.hospital.continuity.sync.matching;

import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.HisPatientSearch;

import java.util.Set;

/**
 * Finding and deciding the HIS patient of one downtime record: {@link Blocking} plans the candidate query, the
 * HIS answers it ({@link HisPatientSearch}), {@link MatchingPolicy} decides. Blocking: the HIS calls may throw
 * when the HIS does not answer (the caller retries).
 */
public final class PatientMatcher {

    private final HisPatientSearch his;
    private final Blocking blocking;
    private final MatchModel model;

    public PatientMatcher(HisPatientSearch his, Blocking blocking, MatchModel model) {
        this.his = his;
        this.blocking = blocking;
        this.model = model;
    }

    /** With the default blocking and model. */
    public PatientMatcher(HisPatientSearch his) {
        this(his, Blocking.defaults(), MatchModel.defaults());
    }

    /** The HIS's candidates for {@code record} (every block, every page). */
    public Candidates candidates(PatientFacts record) {
        CandidateQuery q = blocking.plan(record);
        return his.candidates(q);
    }

    /**
     * Decides for {@code record}; {@code notThem}: HIS patients a person said are someone else (left out of the
     * candidates, but their evidence is not counted as "somebody else may be the person" either).
     */
    public MatchDecision decide(PatientFacts record, Set<String> notThem) {
        Candidates found = candidates(record);
        return decide(record, found, his.patientCount(), notThem);
    }

    /** Decides on an answer already read (benchmarks time the matching apart from the HIS round trips this way). */
    public MatchDecision decide(PatientFacts record, Candidates found, long patients, Set<String> notThem) {
        Candidates kept = notThem == null || notThem.isEmpty() ? found
                : new Candidates(found.patients().stream().filter(p -> !notThem.contains(p.ref())).toList(), found.blocks(),
                found.complete(), found.incompleteReason());
        return MatchingPolicy.decide(record, kept, patients, model);
    }

    public MatchModel model() {
        return model;
    }
}
