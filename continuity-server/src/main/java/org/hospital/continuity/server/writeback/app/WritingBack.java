package org.hospital.continuity.server.writeback.app;

import org.hospital.continuity.server.writeback.WriteBackLedger;
import org.hospital.continuity.server.writeback.domain.DuplicateGroups;
import org.hospital.continuity.server.writeback.domain.HisCircuit;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.server.writeback.WorkbenchReason;
import org.hospital.continuity.sync.crosscheck.PriceCheck;
import org.hospital.continuity.sync.his.CodeMapping;
import org.hospital.continuity.sync.his.DowntimeVisit;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.HisPort;
import org.hospital.continuity.sync.his.WriteOutcome;
import org.hospital.continuity.sync.matching.DowntimeDuplicates;
import org.hospital.continuity.sync.matching.MatchDecision;
import org.hospital.continuity.sync.matching.MatchScore;
import org.hospital.continuity.sync.matching.PatientMatcher;
import org.hospital.continuity.sync.matching.Scoring;
import org.hospital.continuity.sync.matching.PatientFacts;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes downtime visits back into the HIS (EP-8.4): map codes (unmapped → workbench), match
 * the patient (certain → automatic, else → workbench), write one transaction per visit, flag price
 * differences. Retries a failing HIS a few times, then lets the circuit breaker pause the run; the next
 * run continues where this one stopped (the ledger knows what is settled). Blocking: run on a worker.
 */
public final class WritingBack {

    /** How a run ended. */
    public record Report(String incident, int total, int written, int createdPatients, int matchedPatients,
                         int toWorkbench, int alreadySettled, int priceFlags, boolean paused, String pausedDetail,
                         Duration took, int failed) {
        /** A run without failed visits. */
        public Report(String incident, int total, int written, int createdPatients, int matchedPatients, int toWorkbench, int alreadySettled,
                      int priceFlags, boolean paused, String pausedDetail, Duration took) {
            this(incident, total, written, createdPatients, matchedPatients, toWorkbench, alreadySettled, priceFlags, paused, pausedDetail,
                    took, 0);
        }

        /** Written automatically, of all visits looked at. */
        public double automaticShare() {
            return total == 0 ? 1.0 : written / (double) total;
        }
    }

    /** Sleeps between retries (tests pass one that does not sleep). */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final HisPort his;
    private final PatientMatcher matcher;
    private final CodeMapping mapping;
    private final HisCircuit circuit;
    private final WriteBackLedger ledger;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final int attempts;
    private final Duration backoff;
    private int concurrency = 1;

    /**
     * Writes up to {@code workers} visits at once (see {@link #run}); 1 (the default) writes them one after the other in
     * capture order. Answers this runner.
     */
    public WritingBack withConcurrency(int workers) {
        this.concurrency = Math.max(1, workers);
        return this;
    }

    public WritingBack(HisPort his, CodeMapping mapping, HisCircuit circuit, WriteBackLedger ledger, InstantSource clock,
                       Sleeper sleeper, int attempts, Duration backoff) {
        this.his = his;
        this.matcher = new PatientMatcher(his);
        this.mapping = mapping;
        this.circuit = circuit;
        this.ledger = ledger;
        this.clock = clock;
        this.sleeper = sleeper;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    /** Why write-back took up a registration that waited for its group (shown on the workbench as written). */
    static final String RELEASED_WHY = "同一人较早的一次登记已确认并回写，本次登记随之自动回写";

    /** Signals that the HIS is unavailable after retries. */
    static final class HisDown extends Exception {
        HisDown(String detail) {
            super(detail, null, false, false);
        }
    }

    /**
     * Puts the records that wait for a person on the workbench (an unreadable entry, a charge whose patient is not
     * resolved), each once with its reason; answers how many are new. Blocking items: they count as waiting until a
     * person resolves them.
     */
    public int park(String incident, List<DowntimeRecords.Waiting> waiting) {
        int raised = 0;
        for (DowntimeRecords.Waiting w : waiting) {
            // the unit it waits as: the record's stream, or an amendment's own entry (its stream is the amended record's)
            UUID record = w.captured().visitId();
            if (ledger.raisedBefore(record, w.reason())) {
                continue;
            }
            ledger.raise(new WorkbenchItem(UUID.randomUUID(), incident, record, w.entry().kioskId(), w.captured().departmentCode(),
                    w.reason(), w.detail(), w.captured(), List.of(), true, clock.instant()));
            raised++;
        }
        return raised;
    }

    /**
     * Runs over the incident's visits; {@code progress} hears after each visit. Visits are written by up to
     * {@link #concurrency} workers at once, lane by lane: a lane holds the visits whose write depends on another's (one
     * person's registrations grouped or merged, near duplicates, registrations kept apart: what one of them is written
     * under decides the other), in capture order; different lanes run side by side. A visit that fails unexpectedly
     * stops only its own lane (its later visits wait for the next run, so their order holds); a HIS outage stops every
     * lane and pauses the run before the earliest visit it stopped. Settled visits are skipped (a replay writes nothing).
     */
    public Report run(String incident, List<VisitDraft> drafts, Consumer<Report> progress) {
        long started = System.nanoTime();
        try {
            // a HIS answering from a copy of its patients brings it up to date first: every patient the HIS holds now is a
            // candidate, including one registered by live staff a moment ago (EP-8.4: no duplicate patient from the gap)
            his.catchUp();
        } catch (RuntimeException hisNotAnswering) {
            // the visits' own questions meet the HIS's silence and pause the run as they always did
        }
        Outage outage = outage(drafts);
        DuplicateGroups grouping = DuplicateGroups.of(outage.groups(), ledger.regroupings(incident));
        Map<UUID, Integer> order = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            order.putIfAbsent(drafts.get(i).visitId(), i);
        }
        Tally tally = new Tally(incident, drafts.size(), started, progress);
        List<List<VisitDraft>> lanes = lanes(drafts, grouping, outage);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        if (concurrency <= 1 || lanes.size() <= 1) {
            // one worker: in capture order, skipping the rest of a lane whose visit failed
            Set<Integer> failedLanes = new HashSet<>();
            Map<UUID, Integer> laneOf = new HashMap<>();
            for (int l = 0; l < lanes.size(); l++) {
                for (VisitDraft d : lanes.get(l)) {
                    laneOf.put(d.visitId(), l);
                }
            }
            for (VisitDraft d : drafts) {
                Integer lane = laneOf.get(d.visitId());
                if (stop.get()) {
                    break;
                }
                if (lane != null && failedLanes.contains(lane)) {
                    continue;
                }
                if (!visit(d, grouping, outage, order, tally, stop)) {
                    failedLanes.add(lane);
                }
            }
        } else {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(concurrency, lanes.size()),
                    r -> {
                        Thread t = new Thread(r, "write-back-" + incident);
                        t.setDaemon(true);
                        return t;
                    });
            try {
                List<java.util.concurrent.Callable<Void>> work = new ArrayList<>();
                for (List<VisitDraft> lane : lanes) {
                    work.add(() -> {
                        for (VisitDraft d : lane) {
                            if (stop.get() || !visit(d, grouping, outage, order, tally, stop)) {
                                break;
                            }
                        }
                        return null;
                    });
                }
                pool.invokeAll(work);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tally.pause(Integer.MAX_VALUE, null, "interrupted");
            } finally {
                pool.shutdownNow();
            }
        }
        Report end = tally.report(false);
        if (end.paused() && tally.pausedVisit != null) {
            ledger.paused(incident, tally.pausedVisit, end.pausedDetail());
        }
        return end;
    }

    /** One visit of a run; false when its lane must stop (it failed, or the HIS is down). */
    private boolean visit(VisitDraft d, DuplicateGroups grouping, Outage outage, Map<UUID, Integer> order, Tally tally,
                          java.util.concurrent.atomic.AtomicBoolean stop) {
        if (ledger.waitsOnlyForItsGroup(d.visitId()) && !earlierMemberUnwritten(d.visitId(), grouping, order)) {
            // it waited for an earlier registration of the same person (same lane, so written before it), which is
            // written now: take it up again (its own decision then finds the patient that one was written under), as the
            // workbench promised
            ledger.releaseGroupWait(d.visitId(), RELEASED_WHY);
        }
        if (ledger.settled(d.visitId())) {
            tally.already();
            return true;
        }
        try {
            Step step = one(d, grouping, outage.near().getOrDefault(d.visitId(), List.of()), order);
            tally.step(step);
            return true;
        } catch (HisDown e) {
            stop.set(true);
            tally.pause(order.get(d.visitId()), d.visitId(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // contained: this visit (and its lane's later ones) wait for the next run; every other visit goes on. Only
            // the visit id and the kind of failure are logged, never patient data.
            LOG.log(System.Logger.Level.WARNING, "write-back of visit " + d.visitId() + " failed: " + e.getClass().getName());
            tally.failed();
            return false;
        }
    }

    private static final System.Logger LOG = System.getLogger(WritingBack.class.getName());

    /**
     * The lanes of an outage: visits joined when one's write depends on another's (same group or merged, near
     * duplicates, kept apart), each lane in capture order, lanes in the order of their first visit.
     */
    static List<List<VisitDraft>> lanes(List<VisitDraft> drafts, DuplicateGroups grouping, Outage outage) {
        Map<UUID, UUID> parent = new HashMap<>();
        for (VisitDraft d : drafts) {
            parent.put(d.visitId(), d.visitId());
        }
        java.util.function.UnaryOperator<UUID> find = new java.util.function.UnaryOperator<>() {
            @Override
            public UUID apply(UUID x) {
                UUID p = parent.get(x);
                if (p == null || p.equals(x)) {
                    return x;
                }
                UUID root = apply(p);
                parent.put(x, root);
                return root;
            }
        };
        java.util.function.BiConsumer<UUID, UUID> join = (a, b) -> {
            if (!parent.containsKey(a) || !parent.containsKey(b)) {
                return;
            }
            UUID ra = find.apply(a);
            UUID rb = find.apply(b);
            if (!ra.equals(rb)) {
                parent.put(rb, ra);
            }
        };
        for (VisitDraft d : drafts) {
            UUID id = d.visitId();
            grouping.othersOf(id).forEach(o -> join.accept(id, o));
            grouping.keptApartFrom(id).forEach(o -> join.accept(id, o));
            for (MatchScore near : outage.near().getOrDefault(id, List.of())) {
                try {
                    join.accept(id, UUID.fromString(near.candidate().ref()));
                } catch (IllegalArgumentException notAVisit) {
                    // only visits of this outage are near duplicates
                }
            }
        }
        Map<UUID, List<VisitDraft>> byRoot = new java.util.LinkedHashMap<>();
        for (VisitDraft d : drafts) {
            byRoot.computeIfAbsent(find.apply(d.visitId()), k -> new ArrayList<>()).add(d);
        }
        return new ArrayList<>(byRoot.values());
    }

    /** A run's counts, shared by its workers. */
    private final class Tally {
        private final String incident;
        private final int total;
        private final long started;
        private final Consumer<Report> progress;
        private int written, created, matched, workbench, already, flags, failed;
        private int pausedAt = Integer.MAX_VALUE;
        private UUID pausedVisit;
        private String pausedDetail;

        Tally(String incident, int total, long started, Consumer<Report> progress) {
            this.incident = incident;
            this.total = total;
            this.started = started;
            this.progress = progress;
        }

        synchronized void already() {
            already++;
        }

        synchronized void failed() {
            failed++;
        }

        synchronized void step(Step step) {
            if (step.written) {
                written++;
                if (step.createdPatient) {
                    created++;
                } else {
                    matched++;
                }
                flags += step.priceFlags;
            } else {
                workbench++;
            }
            if (progress != null) {
                progress.accept(report(true));
            }
        }

        /** The HIS went down before this visit (the earliest in capture order is where the run paused). */
        synchronized void pause(int at, UUID visit, String detail) {
            if (at < pausedAt || pausedDetail == null) {
                pausedAt = at;
                pausedVisit = visit;
                pausedDetail = detail;
            }
        }

        synchronized Report report(boolean running) {
            boolean paused = !running && pausedDetail != null;
            return new Report(incident, total, written, created, matched, workbench, already, flags, paused, paused ? pausedDetail : null,
                    Duration.ofNanos(System.nanoTime() - started), failed);
        }
    }

    /** How a run over the other records ended. */
    public record RecordsReport(int total, int written, int toWorkbench, int alreadySettled, int waitingForTheirRecord, boolean paused,
                                String pausedDetail) {
    }

    /**
     * Writes the incident's other records (prescriptions, orders, exam registers, requisitions, dispenses, charges,
     * settlements, allergies, IOU exchanges, voids and corrections) after its visits, by up to {@link #concurrency}
     * workers, each patient's records in capture order ({@link #recordLanes}): resolve the patient
     * (a person's decision; the HIS patient the snapshot named, with the inpatient encounter; the one registration of this
     * outage with the same name), map the codes, write one atomic unit each. What cannot be resolved or mapped waits on the
     * workbench with its reason; an amendment waits until the record it amends is in the HIS. A HIS outage pauses the run.
     */
    public RecordsReport runRecords(String incident, List<RecordDraft> records, List<VisitDraft> visits) {
        HisRecords mapper = new HisRecords(mapping);
        Map<String, List<VisitDraft>> visitsByName = new HashMap<>();
        Map<String, List<VisitDraft>> visitsByNumber = new HashMap<>();
        for (VisitDraft v : visits) {
            if (v.patient().name() != null) {
                visitsByName.computeIfAbsent(v.patient().name(), k -> new ArrayList<>()).add(v);
            }
            if (v.downtimeNumber() != null && !v.downtimeNumber().isBlank()) {
                visitsByNumber.computeIfAbsent(v.downtimeNumber().trim(), k -> new ArrayList<>()).add(v);
            }
        }
        Map<UUID, RecordDraft> byUnit = new HashMap<>();
        records.forEach(r -> byUnit.put(r.unitId(), r));
        Map<String, Optional<org.hospital.continuity.sync.his.HisRecord.Subject>> known = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicIntegerArray counts = new java.util.concurrent.atomic.AtomicIntegerArray(RecordStep.values().length);
        List<List<RecordDraft>> lanes = recordLanes(records);
        Map<UUID, Integer> order = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            order.putIfAbsent(records.get(i).unitId(), i);
        }
        // the HIS went down: the earliest record (in capture order) a lane stopped at is where the run pauses
        java.util.concurrent.atomic.AtomicReference<Object[]> down = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.function.Consumer<List<RecordDraft>> lane = l -> {
            for (RecordDraft d : l) {
                if (stop.get()) {
                    return;
                }
                try {
                    counts.incrementAndGet(record(incident, d, mapper, visitsByName, visitsByNumber, byUnit, known).ordinal());
                } catch (HisDown e) {
                    stop.set(true);
                    int at = order.get(d.unitId());
                    down.accumulateAndGet(new Object[]{at, d.unitId(), e.getMessage()},
                            (a, b) -> a == null || (int) b[0] < (int) a[0] ? b : a);
                    return;
                }
            }
        };
        if (concurrency <= 1 || lanes.size() <= 1) {
            // one worker: in capture order
            lane.accept(records);
        } else {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(concurrency, lanes.size()),
                    r -> {
                        Thread t = new Thread(r, "write-back-records-" + incident);
                        t.setDaemon(true);
                        return t;
                    });
            try {
                List<java.util.concurrent.Future<Object>> futures = pool.invokeAll(lanes.stream()
                        .map(l -> (java.util.concurrent.Callable<Object>) () -> {
                            lane.accept(l);
                            return null;
                        }).toList());
                for (java.util.concurrent.Future<Object> f : futures) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        // as with one worker, an unexpected failure ends the run (the other lanes finished first)
                        throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
                down.compareAndSet(null, new Object[]{Integer.MAX_VALUE, null, "interrupted"});
            } finally {
                pool.shutdownNow();
            }
        }
        int written = counts.get(RecordStep.WRITTEN.ordinal()), workbench = counts.get(RecordStep.WORKBENCH.ordinal()),
                already = counts.get(RecordStep.ALREADY.ordinal()), waitingForRecord = counts.get(RecordStep.WAITING_FOR_RECORD.ordinal());
        Object[] d = down.get();
        if (d != null) {
            if (d[1] != null) {
                ledger.paused(incident, (UUID) d[1], (String) d[2]);
            }
            return new RecordsReport(records.size(), written, workbench, already, waitingForRecord, true, (String) d[2]);
        }
        return new RecordsReport(records.size(), written, workbench, already, waitingForRecord, false, null);
    }

    /** What became of one record in a run. */
    private enum RecordStep { WRITTEN, WORKBENCH, ALREADY, WAITING_FOR_RECORD }

    /**
     * The lanes of the other records: one patient's records share a lane (the snapshot's HIS patient, else the
     * registration, the outpatient number or the name written), and so do an amendment and the record it amends, and a
     * dispense and the order it fills; each lane in capture order, lanes in the order of their first record.
     */
    static List<List<RecordDraft>> recordLanes(List<RecordDraft> records) {
        Map<String, Integer> laneOfKey = new HashMap<>();
        int[] parent = new int[records.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        java.util.function.IntUnaryOperator find = new java.util.function.IntUnaryOperator() {
            @Override
            public int applyAsInt(int x) {
                while (parent[x] != x) {
                    parent[x] = parent[parent[x]];
                    x = parent[x];
                }
                return x;
            }
        };
        java.util.function.BiConsumer<Integer, String> key = (i, k) -> {
            Integer other = laneOfKey.putIfAbsent(k, i);
            if (other != null) {
                int a = find.applyAsInt(other);
                int b = find.applyAsInt(i);
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        };
        for (int i = 0; i < records.size(); i++) {
            RecordDraft d = records.get(i);
            key.accept(i, "unit|" + d.unitId());
            if (d.amends() != null) {
                key.accept(i, "unit|" + d.amends());
            }
            if (d.record() instanceof org.hospital.continuity.sync.contract.DowntimeRecord.Dispensed disp && disp.fills() != null) {
                key.accept(i, "unit|" + disp.fills());
            }
            RecordDraft.PatientKey p = d.patient();
            if (p != null) {
                if (p.knownPatientId() != null) {
                    key.accept(i, "his|" + p.knownPatientId());
                }
                if (p.registrationId() != null) {
                    key.accept(i, "reg|" + p.registrationId());
                }
                if (p.outpatientNumber() != null && !p.outpatientNumber().isBlank()) {
                    key.accept(i, "number|" + p.outpatientNumber().trim());
                }
                if (p.name() != null && p.knownPatientId() == null && p.registrationId() == null) {
                    key.accept(i, "name|" + p.name().replaceAll("\\s+", ""));
                }
            }
        }
        Map<Integer, List<RecordDraft>> byRoot = new java.util.LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byRoot.computeIfAbsent(find.applyAsInt(i), k -> new ArrayList<>()).add(records.get(i));
        }
        return new ArrayList<>(byRoot.values());
    }

    /** One record of {@link #runRecords}. */
    private RecordStep record(String incident, RecordDraft d, HisRecords mapper, Map<String, List<VisitDraft>> visitsByName,
                              Map<String, List<VisitDraft>> visitsByNumber, Map<UUID, RecordDraft> byUnit,
                              Map<String, Optional<org.hospital.continuity.sync.his.HisRecord.Subject>> known) throws HisDown {
        if (ledger.settled(d.unitId())) {
            return RecordStep.ALREADY;
        }
        org.hospital.continuity.sync.his.HisRecord.Subject subject;
        if (d.amends() != null) {
            Optional<org.hospital.continuity.sync.his.HisRecord.Subject> target = ledger.subjectOf(d.amends());
            if (target.isEmpty()) {
                // the amended record is not in the HIS yet (it waits, or comes later): nothing to amend yet
                return RecordStep.WAITING_FOR_RECORD;
            }
            subject = target.get();
        } else {
            Resolution res = resolve(d, visitsByName, visitsByNumber, known);
            if (res.subject() == null) {
                raiseRecord(incident, d, res.reason(), res.detail());
                return RecordStep.WORKBENCH;
            }
            subject = res.subject();
        }
        java.util.Map<String, UUID> fillsLines = fillsLines(d, byUnit);
        HisRecords.Mapped mapped = mapper.map(incident, d, subject, fillsLines);
        if (!mapped.missing().isEmpty()) {
            raiseRecord(incident, d, WorkbenchReason.UNMAPPED_CODE, describe(mapped.missing()));
            return RecordStep.WORKBENCH;
        }
        WriteOutcome out = writeWithRetries(() -> his.write(mapped.record()));
        if (out instanceof WriteOutcome.Ambiguous a) {
            raiseRecord(incident, d, WorkbenchReason.AMBIGUOUS_IN_HIS, a.detail());
            return RecordStep.WORKBENCH;
        }
        if (out instanceof WriteOutcome.Refused r) {
            raiseRecord(incident, d, WorkbenchReason.HIS_REFUSED, refusal(r));
            return RecordStep.WORKBENCH;
        }
        WriteOutcome.Written w = (WriteOutcome.Written) out;
        ledger.written(incident, d.unitId(), null, new WriteOutcome.Written(w.created(), w.existing(), subject.patientRef(),
                w.resourceRefs(), subject.encounterRef()), "RECORD");
        return RecordStep.WRITTEN;
    }

    /** The patient (and encounter) of a record, or why it cannot be resolved. */
    private record Resolution(org.hospital.continuity.sync.his.HisRecord.Subject subject, WorkbenchReason reason, String detail) {
    }

    private Resolution resolve(RecordDraft d, Map<String, List<VisitDraft>> visitsByName, Map<String, List<VisitDraft>> visitsByNumber,
                               Map<String, Optional<org.hospital.continuity.sync.his.HisRecord.Subject>> known) throws HisDown {
        Optional<String> decided = ledger.decidedPatient(d.unitId());
        if (decided.isPresent() && !decided.get().isEmpty()) {
            return new Resolution(new org.hospital.continuity.sync.his.HisRecord.Subject(decided.get(), null), null, null);
        }
        RecordDraft.PatientKey key = d.patient();
        if (key != null && key.registrationId() != null) {
            // a charge naming a registration that is not among this incident's records: the HIS patient (and visit) it was
            // written under, by an earlier outage's write-back
            Optional<org.hospital.continuity.sync.his.HisRecord.Subject> ofRegistration = ledger.subjectOf(key.registrationId());
            if (ofRegistration.isPresent()) {
                return new Resolution(ofRegistration.get(), null, null);
            }
            if (key.knownPatientId() == null) {
                return new Resolution(null, WorkbenchReason.PATIENT_UNRESOLVED,
                        "its registration is not among the synced records and not in the HIS");
            }
        }
        if (key != null && key.knownPatientId() != null) {
            String cacheKey = key.knownPatientId() + "|" + key.inpatientNumber();
            Optional<org.hospital.continuity.sync.his.HisRecord.Subject> found = known.get(cacheKey);
            if (found == null) {
                found = call(() -> his.knownPatient(key.knownPatientId(), key.inpatientNumber()));
                known.put(cacheKey, found);
            }
            if (found.isEmpty()) {
                return new Resolution(null, WorkbenchReason.PATIENT_UNRESOLVED, "the HIS does not know the patient of the snapshot");
            }
            if (needsEncounter(d) && found.get().encounterRef() == null) {
                return new Resolution(null, WorkbenchReason.ENCOUNTER_UNRESOLVED, "no inpatient stay in the HIS for this admission number");
            }
            return new Resolution(found.get(), null, null);
        }
        if (key != null && key.outpatientNumber() != null && !key.outpatientNumber().isBlank()) {
            // EP-6.4: the doctor copies the number of the registration slip onto the form; in a busy outage many patients
            // share a name, the number tells them apart. The name written must agree with the registration's.
            List<VisitDraft> numbered = visitsByNumber.getOrDefault(key.outpatientNumber().trim(), List.of());
            if (numbered.size() == 1) {
                VisitDraft v = numbered.get(0);
                if (key.name() != null && v.patient().name() != null
                        && !key.name().replaceAll("\\s+", "").equals(v.patient().name())) {
                    return new Resolution(null, WorkbenchReason.PATIENT_UNRESOLVED,
                            "the outpatient number written belongs to a registration of another name");
                }
                Optional<org.hospital.continuity.sync.his.HisRecord.Subject> s = ledger.subjectOf(v.visitId());
                if (s.isPresent()) {
                    return new Resolution(s.get(), null, null);
                }
                return new Resolution(null, WorkbenchReason.PATIENT_UNRESOLVED, "the registration with this outpatient number is not in the HIS yet");
            }
            if (numbered.size() > 1) {
                return new Resolution(null, WorkbenchReason.PATIENT_UNRESOLVED, numbered.size() + " registrations with the outpatient number written");
            }
            // a number of no registration of this outage (an HIS outpatient number, a slip): the name decides below
        }
        if (key != null && key.name() != null) {
            List<VisitDraft> same = visitsByName.getOrDefault(key.name(), List.of());
            if (same.size() == 1) {
                Optional<org.hospital.continuity.sync.his.HisRecord.Subject> s = ledger.subjectOf(same.get(0).visitId());
                if (s.isPresent()) {
                    return new Resolution(s.get(), null, null);
                }
                return new Resolution(null, WorkbenchReason.PATIENT_UNRESOLVED, "the registration of the same name is not in the HIS yet");
            }
            return new Resolution(null, WorkbenchReason.PATIENT_UNRESOLVED, same.isEmpty()
                    ? "no registration of this outage with the name written" : same.size() + " registrations with the name written");
        }
        return new Resolution(null, WorkbenchReason.PATIENT_UNRESOLVED, "the record names no patient");
    }

    /** Ward records of an inpatient belong to the stay (requisitions, ward charges, settlements). */
    private static boolean needsEncounter(RecordDraft d) {
        return d.record() instanceof org.hospital.continuity.sync.contract.DowntimeRecord.RequisitionIssued
                || d.record() instanceof org.hospital.continuity.sync.contract.DowntimeRecord.ChargesExecuted
                || d.record() instanceof org.hospital.continuity.sync.contract.DowntimeRecord.DischargeSettled;
    }

    /** For a dispense: the line ids of the order it fills, by drug (the first line of each drug). */
    private static Map<String, UUID> fillsLines(RecordDraft d, Map<UUID, RecordDraft> byUnit) {
        if (!(d.record() instanceof org.hospital.continuity.sync.contract.DowntimeRecord.Dispensed disp) || disp.fills() == null) {
            return Map.of();
        }
        RecordDraft order = byUnit.get(disp.fills());
        Map<String, UUID> out = new HashMap<>();
        if (order == null) {
            return out;
        }
        List<String> codes = order.record() instanceof org.hospital.continuity.sync.contract.DowntimeRecord.PrescriptionWritten p
                ? p.lines().stream().map(org.hospital.continuity.sync.contract.DowntimeRecord.DrugLine::drugCode).toList()
                : order.record() instanceof org.hospital.continuity.sync.contract.DowntimeRecord.RequisitionIssued q
                ? q.lines().stream().map(org.hospital.continuity.sync.contract.DowntimeRecord.ClinicalLine::code).toList() : List.of();
        for (int i = 0; i < codes.size(); i++) {
            out.putIfAbsent(codes.get(i), DowntimeRecords.lineId(order.entry().streamId(), Integer.toString(i)));
        }
        return out;
    }

    private void raiseRecord(String incident, RecordDraft d, WorkbenchReason reason, String detail) {
        if (ledger.raisedBefore(d.unitId(), reason) && ledger.waitingReason(d.unitId()).isPresent()) {
            return;
        }
        VisitDraft captured = d.amends() == null && d.record() instanceof org.hospital.continuity.sync.contract.DowntimeRecord.ChargeRecorded c
                ? DowntimeRecords.captured(incident, d.entry(), c)
                : new VisitDraft(d.unitId(), incident, d.entry().kioskId(), null,
                new PatientFacts(d.unitId().toString(), d.patient() == null ? null : d.patient().name(),
                        org.hospital.continuity.sync.matching.Sex.UNKNOWN, null, null, null),
                null, null, d.entry().recordedAt(), d.entry().actor(), null, List.of());
        ledger.raise(new WorkbenchItem(UUID.randomUUID(), incident, d.unitId(), d.entry().kioskId(), null, reason, detail, captured,
                List.of(), true, clock.instant()));
    }

    private record Step(boolean written, boolean createdPatient, int priceFlags) {
    }

    /** Whether a registration captured earlier in the visit's automatic group is not written yet. */
    private boolean earlierMemberUnwritten(UUID visitId, DuplicateGroups grouping, Map<UUID, Integer> order) {
        if (grouping.groupOf(visitId) == null) {
            return false;
        }
        Integer at = order.get(visitId);
        return grouping.othersOf(visitId).stream()
                .anyMatch(o -> order.getOrDefault(o, Integer.MAX_VALUE) < at && ledger.writtenPatientOf(List.of(o)).isEmpty());
    }

    private Step one(VisitDraft d, DuplicateGroups grouping, List<MatchScore> near, Map<UUID, Integer> order) throws HisDown {
        String groupKey = grouping.groupOf(d.visitId());
        // 1. codes: configured, never guessed
        List<CodeMapping.Unmapped> missing = new ArrayList<>();
        String dept = mapping.his(CodeMapping.Kind.DEPARTMENT, d.departmentCode()).orElse(null);
        if (dept == null) {
            missing.add(new CodeMapping.Unmapped(CodeMapping.Kind.DEPARTMENT, d.departmentCode()));
        }
        List<DowntimeVisit.Line> lines = new ArrayList<>();
        for (VisitDraft.Line l : d.lines()) {
            CodeMapping.Kind kind = "DRUG".equals(l.kind()) ? CodeMapping.Kind.DRUG : CodeMapping.Kind.ITEM;
            Optional<String> code = mapping.his(kind, l.code());
            if (code.isEmpty()) {
                missing.add(new CodeMapping.Unmapped(kind, l.code()));
                continue;
            }
            DowntimeVisit.Kind k = "DRUG".equals(l.kind()) ? DowntimeVisit.Kind.DRUG
                    : "FEE".equals(l.kind()) ? DowntimeVisit.Kind.FEE : DowntimeVisit.Kind.ITEM;
            lines.add(new DowntimeVisit.Line(l.lineId(), k, code.get(), l.name(), l.quantity(), l.unitPriceFen(), l.dispensed(), l.unit()));
        }
        if (!missing.isEmpty()) {
            raise(d, WorkbenchReason.UNMAPPED_CODE, describe(missing), List.of(), true);
            return new Step(false, false, 0);
        }

        // 2. the patient: a person's decision, the group's earlier registration, or matching
        String patientRef;
        Optional<String> decided = ledger.decidedPatient(d.visitId());
        Optional<String> ofGroup = groupKey == null ? Optional.empty() : ledger.writtenPatientOf(grouping.othersOf(d.visitId()));
        String how;
        if (decided.isPresent()) {
            patientRef = decided.get().isEmpty() ? null : decided.get();
            how = "WORKBENCH";
        } else if (ofGroup.isPresent() && grouping.mergedByPerson(d.visitId())) {
            // a person merged these registrations on the workbench: one HIS patient for all of them
            patientRef = ofGroup.get();
            how = "SAME_OUTAGE_DUPLICATE";
        } else {
            // every registration is matched on its own (an automatic group never decides between HIS patients)
            Candidates found = call(() -> matcher.candidates(d.patient()));
            long patients = call(his::patientCount);
            // the HIS patients written for registrations a person said are someone else are not this person
            Set<String> notThem = new HashSet<>();
            for (UUID other : grouping.keptApartFrom(d.visitId())) {
                ledger.writtenPatientOf(List.of(other)).ifPresent(notThem::add);
            }
            MatchDecision decision = matcher.decide(d.patient(), found, patients, notThem);
            if (decision instanceof MatchDecision.Proposed p) {
                raise(d, WorkbenchReason.PATIENT_PROPOSAL, p.reason(), p.candidates(), true);
                return new Step(false, false, 0);
            }
            if (groupKey != null) {
                // an automatic group only checks that its members agree: the same HIS patient, or one new patient
                // created by its first member (the others wait while that one is with a person)
                boolean earlierUnwritten = earlierMemberUnwritten(d.visitId(), grouping, order);
                String says = DowntimeDuplicates.groupCheck(decision, ofGroup.orElse(null), earlierUnwritten);
                if (says != null) {
                    List<MatchScore> shown = decision instanceof MatchDecision.Matched m ? List.of(m.score())
                            : ((MatchDecision.CreateNew) decision).nearest();
                    raise(d, WorkbenchReason.PATIENT_PROPOSAL, says, shown, true);
                    return new Step(false, false, 0);
                }
            }
            patientRef = decision instanceof MatchDecision.Matched m ? m.hisPatientRef() : null;
            how = decision.reason();
            // a new HIS patient for someone who may have registered at another kiosk of this outage too: a person
            // decides first (merge, or keep apart), so the HIS never gets the same person twice
            List<MatchScore> open = near.stream().filter(s -> !grouping.keptApart(d.visitId())
                    && !grouping.together(List.of(d.visitId(), UUID.fromString(s.candidate().ref())))).toList();
            if (patientRef == null && !open.isEmpty()) {
                raise(d, WorkbenchReason.POSSIBLE_DUPLICATE, "registered at another kiosk too? " + open.size(), open, true);
                return new Step(false, false, 0);
            }
        }

        // 3. one transaction per visit
        DowntimeVisit visit = new DowntimeVisit(d.visitId(), d.downtimeNumber(), d.patient(), patientRef, dept,
                d.doctorCode(), d.registeredAt(), d.kioskId(), d.operator(), d.incident(), d.paperFormId(), lines);
        WriteOutcome out = write(visit);
        if (out instanceof WriteOutcome.Ambiguous a) {
            raise(d, WorkbenchReason.AMBIGUOUS_IN_HIS, a.detail(), List.of(), true);
            return new Step(false, false, 0);
        }
        if (out instanceof WriteOutcome.Refused r) {
            raise(d, WorkbenchReason.HIS_REFUSED, refusal(r), List.of(), true);
            return new Step(false, false, 0);
        }
        WriteOutcome.Written w = (WriteOutcome.Written) out;
        ledger.written(d.incident(), d.visitId(), groupKey, w, how);

        // 4. prices: flagged, never repriced
        int flags = 0;
        for (DowntimeVisit.Line l : lines) {
            Optional<Long> current = call(() -> his.currentPriceFen(l.hisCode()));
            PriceCheck.Finding f = PriceCheck.compare(l.hisCode(), l.unitPriceFen(), l.quantity(), current);
            if (f instanceof PriceCheck.Differs diff) {
                flags++;
                raise(d, WorkbenchReason.PRICE_DIFFERS, String.format(Locale.ROOT, "%s charged %d fen, HIS %d fen, line %+d fen",
                        diff.code(), diff.capturedUnitFen(), diff.hisUnitFen(), diff.lineDifferenceFen()), List.of(), false);
            }
        }
        return new Step(true, patientRef == null, flags);
    }

    private WriteOutcome write(DowntimeVisit visit) throws HisDown {
        return writeWithRetries(() -> his.write(visit));
    }

    private WriteOutcome writeWithRetries(java.util.function.Supplier<WriteOutcome> write) throws HisDown {
        String last = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (!circuit.allows()) {
                throw new HisDown("circuit open until " + circuit.retryAt() + ": " + last);
            }
            WriteOutcome out = write.get();
            if (!(out instanceof WriteOutcome.Unavailable u)) {
                circuit.success();
                return out;
            }
            circuit.failure();
            last = u.detail();
            pause(attempt);
        }
        throw new HisDown("no answer after " + attempts + " attempts: " + last);
    }

    private <T> T call(java.util.function.Supplier<T> search) throws HisDown {
        String last = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (!circuit.allows()) {
                throw new HisDown("circuit open until " + circuit.retryAt() + ": " + last);
            }
            try {
                T t = search.get();
                circuit.success();
                return t;
            } catch (RuntimeException e) {
                // the FHIR client throws on connection failures and 5xx for searches
                circuit.failure();
                last = e.getClass().getSimpleName();
            }
            pause(attempt);
        }
        throw new HisDown("no answer after " + attempts + " attempts: " + last);
    }

    private void pause(int attempt) throws HisDown {
        try {
            sleeper.sleep(backoff.multipliedBy(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HisDown("interrupted");
        }
    }

    private void raise(VisitDraft d, WorkbenchReason reason, String detail, List<org.hospital.continuity.sync.matching.MatchScore> candidates,
                       boolean blocking) {
        ledger.raise(new WorkbenchItem(UUID.randomUUID(), d.incident(), d.visitId(), d.kioskId(), d.departmentCode(), reason,
                detail, d, candidates, blocking, clock.instant()));
    }

    /**
     * What the workbench shows for a refusal: the link's own words when it gave them in Chinese (the HL7 v2 link renders
     * the ERR segment so), else the HIS's status and answer as they came.
     */
    static String refusal(WriteOutcome.Refused r) {
        String d = r.detail() == null ? "" : r.detail();
        boolean words = d.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return words ? d : r.status() + " " + d;
    }

    private static String describe(List<CodeMapping.Unmapped> missing) {
        StringBuilder b = new StringBuilder();
        for (CodeMapping.Unmapped u : missing) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(u.kind()).append(' ').append(u.kioskCode());
        }
        return b.toString();
    }

    /** Certain duplicates (group keys) and near ones (for a person) among the outage's registrations. */
    record Outage(Map<UUID, String> groups, Map<UUID, List<MatchScore>> near) {
    }

    /** Visits of the same person in this outage share a group key: written under one HIS patient. */
    static Map<UUID, String> groups(List<VisitDraft> drafts) {
        return outage(drafts).groups();
    }

    static Outage outage(List<VisitDraft> drafts) {
        Map<String, UUID> byRef = new HashMap<>();
        Map<UUID, PatientFacts> factsOf = new HashMap<>();
        List<PatientFacts> facts = new ArrayList<>();
        for (VisitDraft d : drafts) {
            PatientFacts p = d.patient();
            PatientFacts keyed = new PatientFacts(d.visitId().toString(), p.name(), p.sex(), p.birthDate(), p.phone(), p.nationalId());
            facts.add(keyed);
            byRef.put(keyed.ref(), d.visitId());
            factsOf.put(d.visitId(), keyed);
        }
        DowntimeDuplicates.Result found = DowntimeDuplicates.group(facts);
        Map<UUID, String> out = new HashMap<>();
        for (List<PatientFacts> g : found.groups()) {
            if (g.size() > 1) {
                String key = "group-" + g.get(0).ref();
                g.forEach(f -> out.put(byRef.get(f.ref()), key));
            }
        }
        Map<UUID, List<MatchScore>> near = new HashMap<>();
        for (MatchScore.Pair pair : found.proposals()) {
            UUID a = byRef.get(pair.record().ref());
            UUID b = byRef.get(pair.score().candidate().ref());
            near.computeIfAbsent(a, k -> new ArrayList<>()).add(pair.score());
            // the same comparison seen from the other registration
            near.computeIfAbsent(b, k -> new ArrayList<>()).add(Scoring.score(factsOf.get(b), factsOf.get(a)));
        }
        return new Outage(out, near);
    }
}
