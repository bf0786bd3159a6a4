package org.hospital.continuity.server.incident.app;

import org.hospital.continuity.server.incident.DrillLink;
import org.hospital.continuity.server.platform.persistence.Tx;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.hospital.continuity.playbooks.classify.Grade;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.incident.EngineSnapshot;
import org.hospital.continuity.playbooks.incident.EngineState;
import org.hospital.continuity.playbooks.incident.IncidentEngine;
import org.hospital.continuity.playbooks.incident.IncidentRef;
import org.hospital.continuity.playbooks.incident.IncidentState;
import org.hospital.continuity.playbooks.incident.Input;
import org.hospital.continuity.playbooks.incident.TimelineEntry;
import org.hospital.continuity.playbooks.signal.Signal;
import org.hospital.continuity.server.incident.IncidentEvent;
import org.hospital.continuity.server.incident.IncidentIntake;
import org.hospital.continuity.server.incident.domain.TimelineEvents;
import org.hospital.continuity.server.incident.persistence.IncidentStore;
import org.hospital.continuity.server.incident.persistence.IncidentStore.JournalRow;
import org.hospital.continuity.server.incident.persistence.InputCodec;
import org.hospital.continuity.server.incident.domain.Announcements;
import org.hospital.continuity.server.incident.domain.InstructionDraft;
import org.hospital.continuity.server.incident.persistence.InstructionStore;

/**
 * Runs the playbooks {@link IncidentEngine} against PostgreSQL. Every input (a signal, a person's decision)
 * and every passing of time the engine acts on is appended to the engine journal; the engine's state is the
 * fold of that journal, so a restarted or second instance reproduces it exactly. Each change runs in one
 * transaction under one advisory lock: the journal row, the timeline events, the instructions and the
 * persisted clock (next wake-up) commit together or not at all, so a step is never fired twice and never lost
 * (a transaction cut off by a crash leaves nothing; the other instance does the work).
 */
@ApplicationScoped
public class RunningTheIncidentEngine implements IncidentIntake {

    private record Cached(long seq, EngineState state) {
    }

    static final Instant ORIGIN = Instant.EPOCH;

    /** A snapshot of the engine's state is stored every this many journal rows (start-up replays at most that many). */
    static final long SNAPSHOT_EVERY = 500;

    private final IncidentEngine engine;
    private final IncidentStore store;
    private final InstructionStore instructions;
    private final InputCodec codec;
    private final DrillLink drills;
    private final InstantSource clock;
    private final ZoneId zone;
    private final AtomicReference<Cached> cache = new AtomicReference<>();
    private final String instance;

    public RunningTheIncidentEngine(IncidentEngine engine, IncidentStore store, InstructionStore instructions, InputCodec codec,
                                    org.hospital.continuity.server.incident.EngineClock clock, DrillLink drills) {
        this.drills = drills;
        this.engine = engine;
        this.store = store;
        this.instructions = instructions;
        this.codec = codec;
        this.clock = clock;
        this.zone = engine.settings().zone();
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public String instance() {
        return instance;
    }

    public IncidentEngine engine() {
        return engine;
    }

    /** Tells the engine about a signal or a person's decision. */
    @Override
    public Uni<Outcome> submit(Input input) {
        return store.pool().withTransaction(c -> store.lock(c).chain(() -> catchUp(c)).chain(cached -> {
            IncidentEngine.Step step = engine.accept(cached.state(), input);
            InputCodec.Encoded enc = codec.encode(input);
            return store.appendJournal(c, "INPUT", enc.kind(), enc.payload(), input.at(), clock.instant(), instance)
                    .chain(seq -> persist(c, seq, step));
        })).map(this::remember);
    }

    @Override
    public Uni<Outcome> submit(Signal signal) {
        return submit(new Input.Observe(signal));
    }

    /**
     * The playbook clock: when the persisted next wake-up has come, advances the engine to now. Claims the
     * engine lock without waiting; when another instance holds it, this tick does nothing (that instance or the
     * next tick does the work). Empty when nothing was due.
     */
    public Uni<Optional<Outcome>> tick() {
        // the time the journal can hold (PostgreSQL keeps microseconds): a replay of the ADVANCE row reaches the same state
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return store.nextWakeUp(store.pool()).chain(next -> {
            if (next == null || next.isAfter(now)) {
                return Uni.createFrom().item(Optional.<Done>empty());
            }
            return store.pool().withTransaction(c -> store.tryLock(c).chain(locked -> {
                if (!locked) {
                    return Uni.createFrom().item(Optional.<Done>empty());
                }
                return catchUp(c).chain(cached -> {
                    Optional<Instant> wake = engine.nextWakeUp(cached.state());
                    if (wake.isEmpty() || wake.get().isAfter(now)) {
                        // the persisted clock was stale (another instance advanced already): just correct it
                        return store.setClock(c, wake.orElse(null), cached.seq(), now).replaceWith(Optional.<Done>empty());
                    }
                    IncidentEngine.Step step = engine.advanceTo(cached.state(), now);
                    return store.appendJournal(c, "ADVANCE", null, null, now, now, instance)
                            .chain(seq -> persist(c, seq, step)).map(Optional::of);
                });
            }));
        }).map(o -> o.map(this::remember));
    }

    /**
     * Starts the engine afresh at real time {@code at} (the circumstances in force are kept), after a drill
     * that ended at {@code engineAt} on its compressed clock. A
     * drill runs on compressed time, so its incidents end ahead of real time; the reset brings the engine back to
     * real time with nothing pending. Incidents still open (a drill stopped early) are closed with a
     * {@code DRILL_ENDED} event. The reset is a journal row, so a replay reproduces it.
     */
    @Override
    public Uni<Long> reset(Instant at, Instant engineAt, String reason) {
        return store.pool().withTransaction(c -> store.lock(c).chain(() -> catchUp(c)).chain(cached ->
                store.appendJournal(c, "RESET", null, new io.vertx.core.json.JsonObject().put("reason", reason), at, at, instance)
                        .chain(seq -> store.openIncidents(c).chain(open -> {
                            Uni<Void> close = Uni.createFrom().voidItem();
                            for (var incident : open) {
                                IncidentEvent ended = new IncidentEvent.DrillEnded(engineAt, "EP-9.4",
                                        new IncidentEvent.Words("演练结束: " + reason, "drill ended: " + reason), reason);
                                close = close.chain(() -> store.appendEvent(c, incident.id(), seq, ended, at))
                                        .chain(() -> store.updateIncidentClosed(c, incident.id(), engineAt, at));
                            }
                            UUID first = open.isEmpty() ? null : open.get(0).id();
                            return close.chain(() -> store.setClock(c, null, seq, at))
                                    .map(v -> new Done(new Outcome(seq, first, List.of(), List.of()),
                                            new Cached(seq, engine.start(at, cached.state().modifiers()))));
                        })))).map(this::remember).map(Outcome::journalSeq);
    }

    /**
     * After an upgrade from the previous version: that version kept one incident at a time and stored it without the
     * engine's stable id. The engine rebuilds that incident from the journal under its own id; here the stored one is
     * bound to it (each unbound stored incident, oldest first, to the engine's oldest open incident no stored one is
     * bound to), so that its timeline, ladder (EP-5.2), recovery (EP-6.8) and back-entry (EP-8.4) carry on under the
     * incident people already know, and the next event does not open a second incident for the same outage. A stored
     * incident the engine no longer holds open stays as it is and is logged for IT. Answers how many were bound.
     */
    public Uni<Integer> adoptIncidentsOfThePreviousVersion() {
        return store.pool().withTransaction(c -> store.unboundOpenIncidents(c).chain(unbound -> {
            if (unbound.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return store.lock(c).chain(() -> catchUp(c)).chain(cached -> store.openEngineRefs(c).chain(bound -> {
                List<IncidentRef> free = cached.state().incidents().stream().map(IncidentState::ref)
                        .filter(r -> !bound.containsKey(r.id())).toList();
                Uni<Integer> chain = Uni.createFrom().item(0);
                for (int i = 0; i < Math.min(unbound.size(), free.size()); i++) {
                    UUID id = unbound.get(i);
                    IncidentRef ref = free.get(i);
                    chain = chain.chain(n -> store.bindEngineRef(c, id, ref.id(), ref.number())
                            .invoke(ok -> {
                                if (ok) {
                                    Log.infof("incident of the previous version id=%s carried on as engine incident number=%d", id, ref.number());
                                }
                            })
                            .map(ok -> ok ? n + 1 : n));
                }
                if (unbound.size() > free.size()) {
                    Log.warnf("%d open incident(s) of the previous version have no open incident in the engine: IT closes them",
                            unbound.size() - free.size());
                }
                return chain;
            }));
        }));
    }

    /**
     * Stores the engine's state at the journal position folded now (as the engine does every {@link #SNAPSHOT_EVERY}
     * rows), so that a starting instance replays only the journal after it. The position stored.
     */
    public Uni<Long> storeSnapshot() {
        Instant now = clock.instant();
        return store.pool().withTransaction(c -> store.lock(c).chain(() -> catchUp(c)).chain(cached ->
                store.saveSnapshot(c, cached.seq(), EngineSnapshot.FORMAT, engine.snapshot(cached.state()), now).replaceWith(cached.seq())));
    }

    /** The engine's current state (catching up with the journal, read-only). */
    public Uni<EngineState> state() {
        return store.pool().withConnection(this::catchUp).map(Cached::state);
    }

    /** An outcome with the state to remember once the transaction committed. */
    private record Done(Outcome outcome, Cached cached) {
    }

    private Outcome remember(Done done) {
        cache.accumulateAndGet(done.cached(), (old, neu) -> old == null || neu.seq() > old.seq() ? neu : old);
        return done.outcome();
    }

    /** Where a fold starts: what this instance folded already, else the latest stored snapshot, else the origin. */
    private Uni<Cached> origin(Tx c) {
        Cached start = cache.get();
        if (start != null) {
            return Uni.createFrom().item(start);
        }
        return store.latestSnapshot(c).emitOn(Infrastructure.getDefaultWorkerPool()).map(snapshot -> {
            if (snapshot != null) {
                try {
                    EngineState restored = engine.restore(snapshot.state());
                    Log.infof("engine restored from the snapshot at seq=%d", snapshot.seq());
                    startedFrom = snapshot.seq();
                    return new Cached(snapshot.seq(), restored);
                } catch (RuntimeException e) {
                    // another format (an older or newer instance wrote it): the journal is the truth, replay it all
                    Log.warnf("engine snapshot at seq=%d not usable (%s): replaying the journal", snapshot.seq(), e.getMessage());
                }
            }
            return new Cached(0, engine.start(ORIGIN, Set.of()));
        });
    }

    private Uni<Cached> catchUp(Tx c) {
        return origin(c).chain(from -> foldAfter(c, from));
    }

    private Uni<Cached> foldAfter(Tx c, Cached from) {
        // the fold is CPU work (the classifier over every signal): off the event loop
        return store.journalAfter(c, from.seq()).emitOn(Infrastructure.getDefaultWorkerPool()).map(rows -> {
            EngineState state = from.state();
            long seq = from.seq();
            for (JournalRow row : rows) {
                state = replay(state, row);
                seq = row.seq();
            }
            if (rows.size() > 50) {
                Log.infof("engine caught up: %d journal rows replayed, now at seq=%d", rows.size(), seq);
            }
            Cached now = new Cached(seq, state);
            cache.accumulateAndGet(now, (old, neu) -> old == null || neu.seq() > old.seq() ? neu : old);
            return now;
        });
    }

    private EngineState replay(EngineState state, JournalRow row) {
        if ("RESET".equals(row.kind())) {
            return engine.start(row.at(), state.modifiers());
        }
        if ("ADVANCE".equals(row.kind())) {
            return engine.advanceTo(state, row.at()).state();
        }
        return engine.accept(state, codec.decode(row.inputKind(), row.payload())).state();
    }

    private Uni<Done> persist(Tx c, long seq, IncidentEngine.Step step) {
        Instant now = clock.instant();
        EngineState after = step.state();
        return store.openEngineRefs(c).chain(open -> {
            Work w = new Work(c, seq, now, open);
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (TimelineEntry entry : step.entries()) {
                chain = chain.chain(() -> w.entry(entry));
            }
            return chain.chain(() -> w.finish(after))
                    .chain(() -> store.setClock(c, engine.nextWakeUp(after).orElse(null), seq, now))
                    .chain(() -> seq % SNAPSHOT_EVERY == 0
                            ? store.saveSnapshot(c, seq, EngineSnapshot.FORMAT, engine.snapshot(after), now)
                            : Uni.createFrom().voidItem())
                    .map(v -> {
                        if (!step.entries().isEmpty()) {
                            Log.debugf("engine seq=%d: %d timeline entries, incident=%s", seq, step.entries().size(), w.last);
                        }
                        return new Done(new Outcome(seq, w.last, List.copyOf(w.events), List.copyOf(w.issued)), new Cached(seq, after));
                    });
        });
    }

    /**
     * The bookkeeping of one transaction: which stored incident each entry belongs to (several may be open at
     * once; each engine incident is one stored incident, found by the engine's stable id), events and
     * instructions written.
     */
    private final class Work {
        final Tx c;
        final long seq;
        final Instant now;
        /** engine incident id → stored incident */
        final Map<String, UUID> byRef;
        /** stored incidents whose grade or outages this transaction changed, with their engine id */
        final Map<UUID, String> touched = new LinkedHashMap<>();
        final Map<UUID, Instant> outageEndedAt = new HashMap<>();
        final List<Long> events = new ArrayList<>();
        final List<UUID> issued = new ArrayList<>();
        UUID last;

        Work(Tx c, long seq, Instant now, Map<String, UUID> open) {
            this.c = c;
            this.seq = seq;
            this.now = now;
            this.byRef = new HashMap<>(open);
        }

        Uni<Void> entry(TimelineEntry entry) {
            IncidentRef ref = entry.incident();
            if (ref.isNone()) {
                return write(entry, null); // about the engine as a whole (circumstances while nothing is open, a refusal)
            }
            return resolve(ref, entry.at()).chain(incident -> {
                last = incident;
                Uni<Void> w = write(entry, incident);
                if (entry instanceof TimelineEntry.IncidentClosed closed) {
                    touched.remove(incident);
                    return w.chain(() -> store.updateIncidentClosed(c, incident, closed.at(), now))
                            .invoke(() -> Log.infof("incident closed id=%s", incident));
                }
                if (entry instanceof TimelineEntry.IncidentMerged merged) {
                    // EP-4: it carries on inside the other incident; this one is closed with the merge
                    touched.remove(incident);
                    return w.chain(() -> store.updateAreasDown(c, incident, List.of()))
                            .chain(() -> store.updateIncidentClosed(c, incident, merged.at(), now))
                            .invoke(() -> Log.infof("incident merged id=%s into=%s", incident, merged.into().id()));
                }
                touched.put(incident, ref.id());
                return w;
            });
        }

        /** The stored incident of an engine incident: open, closed (its recovery and post-incident steps), or new. */
        private Uni<UUID> resolve(IncidentRef ref, Instant at) {
            UUID known = byRef.get(ref.id());
            if (known != null) {
                return Uni.createFrom().item(known);
            }
            return store.byEngineRef(c, ref.id()).chain(stored -> {
                if (stored != null) {
                    byRef.put(ref.id(), stored);
                    return Uni.createFrom().item(stored);
                }
                UUID opened = UUID.randomUUID();
                byRef.put(ref.id(), opened);
                // an incident opened while a drill runs is that drill's incident (flagged end to end, EP-9.4)
                return drills.running(c).chain(drill -> store.insertIncident(c, opened, at, now, drill.orElse(null), ref.id(), ref.number())
                                .chain(() -> drill.isPresent() ? drills.incidentOpened(c, drill.get(), opened) : Uni.createFrom().voidItem()))
                        .invoke(() -> Log.infof("incident opened id=%s number=%d", opened, ref.number()))
                        .replaceWith(opened);
            });
        }

        Uni<Void> write(TimelineEntry entry, UUID incident) {
            IncidentEvent event = TimelineEvents.of(entry, zone);
            if (event == null) {
                return Uni.createFrom().voidItem();
            }
            if (entry instanceof TimelineEntry.OutageEnded ended && ended.area().isHospital() && incident != null) {
                outageEndedAt.put(incident, ended.at());
            }
            return store.appendEvent(c, incident, seq, event, now).chain(eventSeq -> {
                events.add(eventSeq);
                Uni<Void> chain = Uni.createFrom().voidItem();
                if (entry instanceof TimelineEntry.SignalReceived s) {
                    Signal signal = s.input().signal();
                    chain = store.recordSignal(c, signal.id(), incident, InputCodec.signalKind(signal), signal.at(),
                            signal.describe().zh(), signal.describe().en());
                }
                for (InstructionDraft d : Announcements.of(entry, incident, zone)) {
                    chain = chain.chain(() -> instructions.issue(c, incident, eventSeq, d).invoke(id -> {
                        if (id != null) {
                            issued.add(id);
                        }
                    })).replaceWithVoid();
                }
                return chain;
            });
        }

        /** Stores the grade, whole-network outage and areas cut off of every incident this change touched. */
        Uni<Void> finish(EngineState after) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<UUID, String> t : touched.entrySet()) {
                Optional<IncidentState> state = after.incident(t.getValue());
                if (state.isEmpty()) {
                    continue;
                }
                UUID incident = t.getKey();
                IncidentState s = state.get();
                Optional<Grade> grade = s.grading().effective();
                List<String> areas = s.areasDown().stream().map(Area::path).toList();
                chain = chain.chain(() -> store.updateIncident(c, incident,
                                grade.map(g -> g.faultClass().name()).orElse(null), grade.map(g -> g.scope().name()).orElse(null),
                                s.highestClass().map(Enum::name).orElse(null), s.outageStart().orElse(null), outageEndedAt.get(incident), now))
                        .chain(() -> store.updateAreasDown(c, incident, areas));
            }
            return chain;
        }
    }

    private volatile long startedFrom;

    /** For diagnostics and tests: the journal position this instance started its fold from (a snapshot's, 0 for the origin). */
    public long startedFrom() {
        return startedFrom;
    }

    /** For diagnostics and tests: the journal position this instance has folded. */
    public long cachedSeq() {
        Cached c = cache.get();
        return c == null ? 0 : c.seq();
    }
}
