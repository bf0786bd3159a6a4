package org.hospital.continuity.kiosk.platform.persistence;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the group commit since start (commits, captures, largest group, time, checkpoints): captures / commits is the mean group size. */
public final class GroupStats {

    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong captures = new AtomicLong();
    private final AtomicLong largest = new AtomicLong();
    private final AtomicLong workNanos = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private final AtomicLong checkpoints = new AtomicLong();
    private final AtomicLong writerCheckpoints = new AtomicLong();

    public long commits() {
        return commits.get();
    }

    public long captures() {
        return captures.get();
    }

    public long largest() {
        return largest.get();
    }

    /** Time the writer thread spent running captures' work (inside the transaction, before the commit). */
    public long workNanos() {
        return workNanos.get();
    }

    /** Time the writer thread spent in commits (the durable WAL write and fsync). */
    public long commitNanos() {
        return commitNanos.get();
    }

    /** Checkpoints run by the checkpointer thread. */
    public long checkpoints() {
        return checkpoints.get();
    }

    /** Checkpoints run by the writer thread between groups (they let the WAL start over). */
    public long writerCheckpoints() {
        return writerCheckpoints.get();
    }

    void record(int size, long work, long commit) {
        commits.incrementAndGet();
        captures.addAndGet(size);
        largest.accumulateAndGet(size, Math::max);
        workNanos.addAndGet(work);
        commitNanos.addAndGet(commit);
    }

    void checkpointed() {
        checkpoints.incrementAndGet();
    }

    void writerCheckpointed() {
        writerCheckpoints.incrementAndGet();
    }
}
