package org.hospital.continuity.server.writeback.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.server.incident.CaptureWindow;
import org.hospital.continuity.server.incident.Incidents;
import org.hospital.continuity.server.syncreceiver.SyncedJournal;
import org.hospital.continuity.server.writeback.SyncedEntries;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * {@link SyncedEntries} from the owners of the data: an entry belongs to the incident whose capture window (the
 * incident feature's, a drill's real span for a drill's incident) holds its kiosk capture time, and the entries are the
 * sync receiver's. Blocking: write-back and the workbench call it on worker threads.
 */
@ApplicationScoped
public class SyncedEntriesOfIncidents implements SyncedEntries {

    /** The incidents' capture windows at a given time. */
    public interface Windows {
        List<CaptureWindow> all(Instant now);

        Optional<CaptureWindow> of(UUID incident, Instant now);
    }

    private static final Duration WAIT = Duration.ofMinutes(2);

    private final Windows windows;
    private final SyncedJournal journal;
    private final InstantSource clock;

    @Inject
    public SyncedEntriesOfIncidents(Incidents incidents, SyncedJournal journal, InstantSource clock) {
        this(new Windows() {
            @Override
            public List<CaptureWindow> all(Instant now) {
                return incidents.captureWindows(now).await().atMost(WAIT);
            }

            @Override
            public Optional<CaptureWindow> of(UUID incident, Instant now) {
                return incidents.captureWindow(incident, now).await().atMost(WAIT);
            }
        }, journal, clock);
    }

    /** Over given windows (the end-to-end test reads a packaged server's database with a window of its own). */
    public SyncedEntriesOfIncidents(Windows windows, SyncedJournal journal, InstantSource clock) {
        this.windows = windows;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public List<String> incidents() {
        List<CaptureWindow> all = windows.all(clock.instant());
        List<Boolean> any = journal.anyCapturedWithin(all.stream().map(w -> new SyncedJournal.Window(w.from(), w.to())).toList())
                .await().atMost(WAIT);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (any.get(i)) {
                out.add(all.get(i).incident().toString());
            }
        }
        return out;
    }

    @Override
    public List<JournalEntry> entries(String incident) {
        UUID id;
        try {
            id = UUID.fromString(incident);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return windows.of(id, clock.instant())
                .map(w -> journal.capturedWithin(new SyncedJournal.Window(w.from(), w.to())).await().atMost(WAIT))
                .orElse(List.of());
    }
}
