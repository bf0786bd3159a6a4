package org.hospital.continuity.sync.protocol;

/** An inclusive range of kiosk sequence numbers, e.g. a gap the server is still missing. */
public record SeqRange(long from, long to) {

    public SeqRange {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("bad range " + from + ".." + to);
        }
    }

    public long size() {
        return to - from + 1;
    }
}
