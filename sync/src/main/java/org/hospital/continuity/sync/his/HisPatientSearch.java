package org.hospital.continuity.sync.his;

/**
 * The candidate-query side of a HIS link: which HIS patients may be the person of a downtime record, and how
 * many patients hold a value. Every HIS link (FHIR, HL7 v2 …) implements it; matching relies on this contract:
 *
 * <ol>
 *   <li><b>Every block is answered whole.</b> For each {@link CandidateQuery.Block}, every HIS patient satisfying it
 *       is returned, whatever the HIS's page size: follow every page (FHIR {@code next} links, HL7 v2 continuation
 *       pointers). Returning more patients than asked (a superset, e.g. a "starts with" name search) is harmless:
 *       they are scored and weigh little.</li>
 *   <li><b>Counts are exact.</b> {@link Candidates.BlockResult#holders()} is the number of HIS patients satisfying the
 *       block itself (not its narrowed form): it is the term frequency of the name, birth date or phone. For
 *       {@link CandidateQuery.ByIdNumbers} it is the number of patients returned.</li>
 *   <li><b>Limits narrow, never truncate.</b> A block with a {@code limit} whose holders exceed it is answered by its
 *       narrowed form (as each block type describes) with {@code narrowed = true}; never by the first N holders.</li>
 *   <li><b>Incomplete is said, not hidden.</b> When a block cannot be answered whole — the HIS caps results, a block
 *       cannot be narrowed, the union exceeds {@link CandidateQuery#maxCandidates()} — return what was found with
 *       {@code complete = false} and a reason; matching then sends the record to a person.</li>
 *   <li><b>Unavailable throws.</b> A HIS that does not answer (connection, timeout, 5xx) throws a runtime exception;
 *       the caller retries and its circuit breaker pauses the run. Never return a partial answer as complete.</li>
 *   <li>Each patient carries {@code ref} (how the write-back addresses it, e.g. {@code Patient/123}), name as one
 *       string, sex, birth date, phone and resident ID number as the HIS holds them (missing → null).</li>
 * </ol>
 * Blocking; call it from a worker thread.
 */
public interface HisPatientSearch {

    /** Answers the query (see the contract above). */
    Candidates candidates(CandidateQuery query);

    /** How many patients the HIS holds (the denominator of term frequencies and of the prior); may be cached a while. */
    long patientCount();

    /**
     * Called when a write-back run starts: an implementation that answers from a copy of the HIS's patients brings it up
     * to date now, so that every patient the HIS held when the run started is a candidate (one that searches the HIS
     * per question has nothing to do). Throws when the HIS cannot be asked; the run goes on and asks again.
     */
    default void catchUp() {
    }

    /**
     * Readiness work while the HIS answers, ahead of any outage: an implementation that answers from a copy of the HIS's
     * patients reads it now if it holds none and otherwise catches it up, so that the write-back after an outage starts
     * with it (one that searches per question has nothing to do). Throws when the HIS cannot be asked.
     */
    default void keepAhead() {
    }
}
