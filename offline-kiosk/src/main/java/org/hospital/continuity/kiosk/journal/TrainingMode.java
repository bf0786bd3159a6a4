package org.hospital.continuity.kiosk.journal;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.journal.persistence.TrainingTable;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;

/**
 * HR-21 (training happens on a simulation system, never on production data): whether this kiosk is in a drill, as the
 * server last said in its readiness answer (kept in the file, so a restart during a drill stays in it). While it is, every
 * capture goes to the drill's <b>training namespace</b> of the journal: entries whose kiosk id is
 * {@link #namespace(String, UUID)} (a sequence of their own, never read by the real sync), marked with the drill, numbered
 * from training number series printed with the 演练 mark ({@link #MARK}), with a breakpoint phase of their own. Outside a
 * drill (before the kiosk hears of it, after the server says it ended or was stopped for a real fault) captures are real.
 */
@ApplicationScoped
public class TrainingMode {

    /** The mark every training number starts with; real numbers never do (the server's block prefixes are plain letters). */
    public static final String MARK = "演练-";

    /** How the server marks every instruction of a drill incident (zh). */
    public static final String DRILL_INSTRUCTION_MARK = "【演练 DRILL】";

    /** The drill the kiosk is in and since when. */
    public record Drill(UUID drillId, Instant since) {
    }

    private final TrainingTable table;
    private final InstantSource clock;
    /** The current state; null = not read yet. Dropped on any rollback of the writer (a purge may have removed it). */
    private volatile Optional<Drill> current;

    public TrainingMode(TrainingTable table, InstantSource clock, KioskDatabase database) {
        this.table = table;
        this.clock = clock;
        database.onRollback(() -> current = null);
    }

    /** The drill the kiosk is in now, if any. */
    public Optional<Drill> current() {
        Optional<Drill> c = current;
        if (c == null) {
            c = table.current();
            current = c;
        }
        return c;
    }

    /** The server says {@code drill} runs: captures go to its training namespace from now on. */
    public void enter(UUID drill, Instant since) {
        Optional<Drill> now = current();
        if (now.isPresent() && now.get().drillId().equals(drill)) {
            return;
        }
        table.enter(drill, since == null ? clock.instant() : since, clock.instant());
        current = null;
        Log.infof("training namespace entered drill=%s", drill);
    }

    /** The server says no drill runs (ended, or stopped for a real fault): captures are real again. */
    public void leave() {
        if (current().isEmpty()) {
            return;
        }
        table.leave();
        current = null;
        Log.infof("training namespace left: captures are real again");
    }

    /** The drills of which this kiosk holds training entries (sent or not). */
    public java.util.List<UUID> drillsHeld() {
        return table.drillsHeld();
    }

    /** Up to {@code limit} training entries of a namespace the server does not hold yet, in sequence order. */
    public java.util.List<Recorded> unsent(String namespace, int limit) {
        return table.after(namespace, table.sentThrough(namespace), limit);
    }

    /** The server holds the namespace's training entries up to {@code seq}. */
    public void markSent(String namespace, long seq) {
        table.markSent(namespace, seq);
    }

    /** Forgets the cached state (after a purge removed it in its own transaction). */
    void forget() {
        current = null;
    }

    /** The kiosk id of the training entries of {@code drill} on the kiosk {@code kioskId}. */
    public static String namespace(String kioskId, UUID drill) {
        return kioskId + "~drill-" + drill.toString().substring(0, 8);
    }

    /** Whether {@code kioskId} (of an entry) is a training namespace. */
    public static boolean isNamespace(String kioskId) {
        return kioskId != null && kioskId.contains("~drill-");
    }

    /** A training number: the 演练 mark, the series' letters and the number zero-padded to eight digits. */
    public static String number(String letters, long n) {
        String digits = Long.toString(n);
        return MARK + letters + "0".repeat(Math.max(0, 8 - digits.length())) + digits;
    }
}
