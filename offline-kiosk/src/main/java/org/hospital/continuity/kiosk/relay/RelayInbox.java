package org.hospital.continuity.kiosk.relay;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.sync.contract.RelayFeed;

/**
 * HIS down, LAN up: the records other stations pushed that the continuity server relayed to this kiosk's department
 * (EP-6.4–6.7), kept for this kiosk's run (in memory only: patient data never reaches this kiosk's disk outside the
 * sealed journal, HR-13). While the LAN is down too, what arrived before stays here to work on; after a restart the
 * server relays it again. Waiters (the relay screen) are woken when something arrives.
 */
@ApplicationScoped
public class RelayInbox {

    /** At most this many entries are kept (the oldest go first). */
    static final int CAPACITY = 20_000;

    private final Map<UUID, RelayFeed.Entry> entries = new LinkedHashMap<>();
    private long version;
    private Instant lastContactAt;
    private Instant lastFailureAt;
    private boolean reachable;

    /** Adds what the server relayed (an entry seen before is kept once). */
    public synchronized void add(List<RelayFeed.Entry> arrived) {
        boolean changed = false;
        for (RelayFeed.Entry e : arrived) {
            if (entries.putIfAbsent(e.entryId(), e) == null) {
                changed = true;
            }
        }
        while (entries.size() > CAPACITY) {
            entries.remove(entries.keySet().iterator().next());
        }
        if (changed) {
            version++;
            notifyAll();
        }
    }

    /** Every relayed entry, in the order it arrived. */
    public synchronized List<RelayFeed.Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** The entries of one record (its first entry, then its void or correction), in arrival order. */
    public synchronized List<RelayFeed.Entry> record(UUID recordId) {
        return entries.values().stream().filter(e -> e.recordId().equals(recordId)).toList();
    }

    /** How many times something arrived; a screen asks "anything after version n?". */
    public synchronized long version() {
        return version;
    }

    /** Waits until something arrives after {@code seen}, at most {@code millis}; the version then. */
    public synchronized long awaitAfter(long seen, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (version <= seen) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return version;
    }

    /** The relay answered (the server is reachable). */
    public synchronized void contact(Instant at) {
        lastContactAt = at;
        boolean was = reachable;
        reachable = true;
        if (!was) {
            version++;
            notifyAll();
        }
    }

    /** The relay did not answer. */
    public synchronized void failure(Instant at) {
        lastFailureAt = at;
        boolean was = reachable;
        reachable = false;
        if (was) {
            version++;
            notifyAll();
        }
    }

    /** Whether the server answered the relay last time; empty before the first attempt. */
    public synchronized Optional<Boolean> reachable() {
        return lastContactAt == null && lastFailureAt == null ? Optional.empty() : Optional.of(reachable);
    }
}
