package org.hospital.continuity.server.writeback.app;

import org.hospital.continuity.server.writeback.SyncedEntries;
import org.hospital.continuity.server.platform.persistence.SessionLocks;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.server.writeback.Corrections;
import org.hospital.continuity.server.writeback.WriteBackConfig;
import org.hospital.continuity.server.writeback.domain.HisCircuit;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.persistence.PgWriteBackLedger;
import org.hospital.continuity.sync.his.CodeMapping;
import org.hospital.continuity.sync.his.HisPort;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The background write-back service (EP-8.4): every {@code continuity.writeback.interval} it reads
 * the synced downtime entries of each incident, applies the workbench's corrections (HR-9) and writes the
 * visits into the HIS through {@link WritingBack} with the durable {@link PgWriteBackLedger}. One instance at
 * a time across servers: a PostgreSQL session advisory lock (released when the connection closes, so a
 * killed instance frees it). When the HIS is down the run pauses; the ledger keeps its place and the next
 * tick continues. Blocking: runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class RunningWriteBack {

    /** The advisory lock key of write-back ("WB9"). */
    static final long LOCK_KEY = 0x5742_0009L;

    private final HisPort his;
    private final CodeMapping mapping;
    private final HisCircuit circuit;
    private final PgWriteBackLedger ledger;
    private final SyncedEntries entries;
    private final WriteBackConfig config;
    private final InstantSource clock;
    private final SessionLocks locks;
    private final WriteBackTargets drills;
    private final ReentrantLock local = new ReentrantLock();
    private final ConcurrentHashMap<String, WritingBack.Report> lastRuns = new ConcurrentHashMap<>();

    public RunningWriteBack(HisPort his, CodeMapping mapping, HisCircuit circuit, PgWriteBackLedger ledger, SyncedEntries entries,
                            WriteBackConfig config, InstantSource clock, SessionLocks locks, WriteBackTargets drills) {
        this.drills = drills;
        this.his = his;
        this.mapping = mapping;
        this.circuit = circuit;
        this.ledger = ledger;
        this.entries = entries;
        this.config = config;
        this.clock = clock;
        this.locks = locks;
    }

    @Scheduled(every = "${continuity.writeback.interval:1M}", delayed = "${continuity.writeback.start-delay:30S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            List<String> incidents = entries.incidents();
            for (String incident : incidents) {
                runIncident(incident);
            }
        } catch (RuntimeException e) {
            Log.warnf("write-back tick failed: %s", e.toString());
        }
    }

    /**
     * Readiness work (EP-8.4): while the HIS answers, the port's candidate index is read and then caught up every
     * {@code continuity.writeback.candidate-index-refresh}, so that an outage's write-back starts with the HIS's patients
     * as they were when it went down and its first catch-up reads only what changed since. A HIS that does not answer is
     * asked again next time.
     */
    @Scheduled(every = "${continuity.writeback.candidate-index-refresh:5M}", delayed = "${continuity.writeback.start-delay:30S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepCandidatesAhead() {
        try {
            his.keepAhead();
        } catch (RuntimeException e) {
            Log.debugf("candidate index not kept ahead this time: the HIS did not answer (%s)", e.getClass().getSimpleName());
        }
    }

    /**
     * Reads the incident's synced entries and writes them back; empty when another instance holds the lock, or
     * when the incident is a drill whose records are held (HR-21: a drill never reaches the real HIS).
     */
    public Optional<WritingBack.Report> runIncident(String incident) {
        WriteBackTargets.Target target = drills.targetFor(incident);
        if (target instanceof WriteBackTargets.Held held) {
            Log.debugf("write-back incident=%s held: drill=%s and no sandbox target", incident, held.drill());
            return Optional.empty();
        }
        return exclusively(() -> {
            DowntimeRecords.Assembled assembled = DowntimeRecords.assemble(incident, entries.entries(incident));
            return run(incident, assembled.drafts(), assembled.waiting(), assembled.records(), target);
        });
    }

    /** Writes these drafts back (tests and the one-command tool feed drafts directly); empty when locked elsewhere or held. */
    public Optional<WritingBack.Report> runDrafts(String incident, List<VisitDraft> drafts) {
        WriteBackTargets.Target target = drills.targetFor(incident);
        if (target instanceof WriteBackTargets.Held) {
            return Optional.empty();
        }
        return exclusively(() -> run(incident, drafts, List.of(), List.of(), target));
    }

    /**
     * EP-8.4 the conservation ledger of an incident: per kiosk and kind, every received entry written, waiting (with
     * its reason), held (a drill's, HR-21) or not for the HIS. Blocking: call on a worker.
     */
    public Conservation.Ledger conservation(String incident) {
        List<org.hospital.continuity.sync.envelope.JournalEntry> all = entries.entries(incident);
        boolean held = drills.targetFor(incident) instanceof WriteBackTargets.Held;
        return Conservation.of(incident, all, DowntimeRecords.assemble(incident, all), ledger, held);
    }

    /** True when the incident is a drill whose records are held: no sandbox target, and never the real HIS (HR-21). */
    public boolean held(String incident) {
        return drills.targetFor(incident) instanceof WriteBackTargets.Held;
    }

    /** The last run of the incident in this instance, if any. */
    public Optional<WritingBack.Report> lastRun(String incident) {
        return Optional.ofNullable(lastRuns.get(incident));
    }

    private WritingBack.Report run(String incident, List<VisitDraft> captured, List<DowntimeRecords.Waiting> waiting,
                                   List<RecordDraft> records, WriteBackTargets.Target target) {
        HisPort his = this.his;
        HisCircuit circuit = this.circuit;
        if (target instanceof WriteBackTargets.Sandbox s) {
            his = s.port();
            circuit = s.circuit();
            Log.infof("write-back incident=%s is a drill: to the sandbox FHIR target, never the HIS (HR-21)", incident);
        }
        List<VisitDraft> drafts = new ArrayList<>(captured.size());
        for (VisitDraft d : captured) {
            VisitDraft c = d;
            for (String[] fix : ledger.corrections(d.visitId())) {
                c = Corrections.apply(c, fix[0], fix[1]);
            }
            drafts.add(c);
        }
        WritingBack runner = new WritingBack(his, mapping, circuit, ledger, clock, d -> Thread.sleep(d.toMillis()),
                config.attempts(), config.backoff()).withConcurrency(config.concurrency());
        int parked = runner.park(incident, waiting);
        if (parked > 0) {
            Log.infof("write-back incident=%s records waiting on the workbench: %d new", incident, parked);
        }
        WritingBack.Report r = runner.run(incident, drafts, p -> lastRuns.put(incident, p));
        lastRuns.put(incident, r);
        if (!r.paused() && !records.isEmpty()) {
            WritingBack.RecordsReport rr = runner.runRecords(incident, records, drafts);
            Log.infof("write-back incident=%s records=%d written=%d workbench=%d settled=%d waiting-for-their-record=%d paused=%s",
                    incident, rr.total(), rr.written(), rr.toWorkbench(), rr.alreadySettled(), rr.waitingForTheirRecord(), rr.paused());
            if (rr.paused()) {
                return r;
            }
        }
        if (!r.paused()) {
            ledger.resumed(incident);
        }
        Log.infof("write-back incident=%s total=%d written=%d workbench=%d settled=%d paused=%s", incident, r.total(),
                r.written(), r.toWorkbench(), r.alreadySettled(), r.paused());
        return r;
    }

    private Optional<WritingBack.Report> exclusively(java.util.function.Supplier<WritingBack.Report> work) {
        if (!local.tryLock()) {
            return Optional.empty();
        }
        try {
            return locks.tryExclusively(LOCK_KEY, work);
        } finally {
            local.unlock();
        }
    }

    /** For ids in logs and tests. */
    static UUID key() {
        return new UUID(0, LOCK_KEY);
    }
}
