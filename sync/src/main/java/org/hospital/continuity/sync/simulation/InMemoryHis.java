package org.hospital.continuity.sync.simulation;

import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.HisPatientSearch;
import org.hospital.continuity.sync.his.PatientIndex;
import org.hospital.continuity.sync.matching.PatientFacts;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A HIS patient index held in memory that answers candidate queries exactly as {@link HisPatientSearch}'s
 * contract says: the reference the FHIR and HL7 v2 links are tested against, and the HIS of the library's
 * matching tests. The answers are {@link PatientIndex}'s, the very class the FHIR link's candidate index uses, so the
 * write-back over FHIR decides as the matching tests here do.
 */
public final class InMemoryHis implements HisPatientSearch {

    private final PatientIndex index = new PatientIndex();
    private final AtomicInteger queries = new AtomicInteger();

    public InMemoryHis(Collection<PatientFacts> patients) {
        patients.forEach(this::add);
    }

    /** Adds a patient (write-back created one). */
    public void add(PatientFacts p) {
        if (index.holds(p.ref())) {
            throw new IllegalArgumentException("already held: " + p.ref());
        }
        index.put(p);
    }

    /** Candidate queries answered so far. */
    public int queries() {
        return queries.get();
    }

    @Override
    public long patientCount() {
        return index.patientCount();
    }

    @Override
    public Candidates candidates(CandidateQuery query) {
        queries.incrementAndGet();
        return index.candidates(query);
    }
}
