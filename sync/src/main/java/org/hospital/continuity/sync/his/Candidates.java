package org.hospital.continuity.sync.his;

import org.hospital.continuity.sync.matching.PatientFacts;

import java.util.List;

/**
 * The HIS's answer to a {@link CandidateQuery}: the distinct patients found by all blocks, what each block
 * found (its holder count is the term frequency matching weighs an agreement with), and whether the answer is
 * complete. Matching decides automatically only on a complete answer; an incomplete one sends the record to
 * the workbench ({@code TOO_MANY_CANDIDATES}).
 *
 * @param patients         distinct HIS patients (each once, by reference), in no particular order
 * @param blocks           one result per block of the query, in the query's order
 * @param complete         true when every block was answered whole (every page read, nothing capped)
 * @param incompleteReason why not, in a few English words for logs; null when complete
 */
public record Candidates(List<PatientFacts> patients, List<BlockResult> blocks, boolean complete, String incompleteReason) {

    public Candidates {
        patients = List.copyOf(patients);
        blocks = List.copyOf(blocks);
    }

    /**
     * What one block found.
     *
     * @param block    the block asked
     * @param holders  how many HIS patients satisfy the block itself (before narrowing): exact, as the HIS counts
     * @param narrowed true when the block had more than its limit and its narrowed form was answered instead
     */
    public record BlockResult(CandidateQuery.Block block, long holders, boolean narrowed) {
    }
}
