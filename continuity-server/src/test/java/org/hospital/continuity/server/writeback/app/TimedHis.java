package org.hospital.continuity.server.writeback.app;

import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.DowntimeVisit;
import org.hospital.continuity.sync.his.HisPort;
import org.hospital.continuity.sync.his.WriteOutcome;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A HIS port around the real one that times every HIS call (the round trips) and keeps every candidate answer, so
 * that the matching can be timed apart from the HIS afterwards on exactly the answers the run saw.
 */
final class TimedHis implements HisPort {

    private final HisPort his;
    final Map<CandidateQuery, Candidates> answers = new HashMap<>();
    long candidateNanos;
    long writeNanos;
    long otherNanos;
    int candidateQueries;

    TimedHis(HisPort his) {
        this.his = his;
    }

    @Override
    public void catchUp() {
        long t = System.nanoTime();
        try {
            his.catchUp();
        } finally {
            candidateNanos += System.nanoTime() - t;
        }
    }

    @Override
    public Candidates candidates(CandidateQuery query) {
        long t = System.nanoTime();
        try {
            Candidates c = his.candidates(query);
            answers.put(query, c);
            candidateQueries++;
            return c;
        } finally {
            candidateNanos += System.nanoTime() - t;
        }
    }

    @Override
    public long patientCount() {
        long t = System.nanoTime();
        try {
            return his.patientCount();
        } finally {
            otherNanos += System.nanoTime() - t;
        }
    }

    @Override
    public Optional<Long> currentPriceFen(String hisCode) {
        long t = System.nanoTime();
        try {
            return his.currentPriceFen(hisCode);
        } finally {
            otherNanos += System.nanoTime() - t;
        }
    }

    @Override
    public WriteOutcome write(DowntimeVisit visit) {
        long t = System.nanoTime();
        try {
            return his.write(visit);
        } finally {
            writeNanos += System.nanoTime() - t;
        }
    }
}
