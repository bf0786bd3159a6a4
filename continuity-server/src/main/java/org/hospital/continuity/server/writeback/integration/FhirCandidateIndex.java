package org.hospital.continuity.server.writeback.integration;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;
import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.HisPatientSearch;
import org.hospital.continuity.sync.his.PatientIndex;
import org.hospital.continuity.sync.matching.PatientFacts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The candidate-query port over FHIR R4 answered from a candidate index the write-back holds
 * ({@link PatientIndex}: the same answers as the matching tests' in-memory HIS, so the same decisions), instead of five
 * to seven searches per visit: the HIS's search was several times the cost of the write itself.
 *
 * <ul>
 *   <li><b>Read ahead.</b> {@link #keepAhead} (the write-back service, every few minutes while the HIS answers) or else the
 *       first question (or the first after {@link #forget}, or one older than {@code fullReadEvery}) reads every HIS
 *       patient, paged, with only the fields matching reads and the merge link
 *       ({@code _elements=identifier,name,telecom,gender,birthDate,link}); nothing else about the patients is asked.</li>
 *   <li><b>Caught up.</b> When a run starts, and a question asked more than {@code catchUpEvery} after the last catch-up,
 *       first reads the patients' history since the previous read ({@code Patient/_history?_since=<the HIS's time of the
 *       previous read − overlap>}, every page): patients staff registered, changed, deleted or merged in the HIS after
 *       recovery. Only each patient's newest entry counts; a deleted patient, or one merged into another (link
 *       replaced-by), is dropped. The overlap re-reads the last moments so that a HIS transaction that committed late with
 *       an earlier time stamp is not missed (re-reading a patient replaces it: harmless). Both reads bypass the HIS's
 *       search cache ({@code Cache-Control: no-cache}).</li>
 *   <li><b>Added as written.</b> A patient the write-back itself creates is added when the HIS answers 201
 *       ({@link #added}), so a later visit of the same person finds it at once, as a search would.</li>
 * </ul>
 *
 * <p>Patient data stays in this process's memory: never logged, never stored, never shown (HR-5: the read is the
 * write-back's own, approved bulk query of the matching fields; docs/writeback.md). Blocking; thread-safe: many workers ask
 * at once, one of them catches the index up while the others answer from it as it is.
 */
public final class FhirCandidateIndex implements HisPatientSearch {

    /** The five fields matching reads, and whether the HIS merged the patient into another ({@code link}). */
    static final String ELEMENTS = "identifier,name,telecom,gender,birthDate,link";
    static final int PAGE = 1_000;

    private final IGenericClient client;
    private final Function<Patient, PatientFacts> facts;
    private final Duration catchUpEvery;
    private final Duration overlap;
    private final Duration fullReadEvery;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile PatientIndex index;
    private volatile long readAtNanos;
    private volatile long caughtUpAtNanos;
    /** The newest {@code meta.lastUpdated} seen, by the HIS's clock; null when the HIS gave none. */
    private volatile Instant newestSeen;
    /** When the HIS ran the last read's search (the searchset's {@code meta.lastUpdated}, the HIS's clock); null if not said. */
    private volatile Instant lastSearchAt;
    private volatile Reads reads = new Reads(0, 0, 0, Duration.ZERO);

    /** What the index has read so far (for benchmarks and logs: counts only). */
    public record Reads(int fullReads, int catchUps, long patientsRead, Duration took, Duration fullReadTook, long dropped) {
        public Reads(int fullReads, int catchUps, long patientsRead, Duration took) {
            this(fullReads, catchUps, patientsRead, took, Duration.ZERO, 0);
        }
    }

    public FhirCandidateIndex(IGenericClient client, Function<Patient, PatientFacts> facts, Duration catchUpEvery, Duration overlap,
                              Duration fullReadEvery) {
        this.client = client;
        this.facts = facts;
        this.catchUpEvery = catchUpEvery;
        this.overlap = overlap;
        this.fullReadEvery = fullReadEvery;
    }

    /**
     * The defaults: catch up at most once a second, re-reading 2 s before the previous read (a HIS transaction in flight
     * then, stamped earlier, committed later: the stand-in HIS's transactions take well under a second); read everything
     * again after a day (the catch-ups read the HIS's patient history, so deletions and merges arrive with them; the
     * day's full read is a safety net, not the way changes arrive).
     */
    public FhirCandidateIndex(IGenericClient client, Function<Patient, PatientFacts> facts) {
        this(client, facts, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofDays(1));
    }

    @Override
    public Candidates candidates(CandidateQuery query) {
        return current().candidates(query);
    }

    @Override
    public long patientCount() {
        return current().patientCount();
    }

    /** A patient the write-back created (the HIS answered 201): a candidate from now on. */
    public void added(PatientFacts patient) {
        PatientIndex i = index;
        if (i != null) {
            i.put(patient);
        }
    }

    /** Drops the index and its counts: the next question reads the HIS's patients again (a test emptied the HIS, a run starts afresh). */
    public void forget() {
        reading.lock();
        try {
            index = null;
            newestSeen = null;
            lastSearchAt = null;
            reads = new Reads(0, 0, 0, Duration.ZERO);
        } finally {
            reading.unlock();
        }
    }

    /**
     * Catches the index up now, whatever the time since the last catch-up (a write-back run starts: a patient the HIS
     * created a moment ago is a candidate). Nothing to do while no index is held: the first question reads everything.
     * When the HIS does not answer, the next question catches up instead.
     */
    @Override
    public void catchUp() {
        reading.lock();
        try {
            if (index != null) {
                try {
                    readChanges();
                } catch (RuntimeException e) {
                    caughtUpAtNanos = 0;
                    throw e;
                }
            }
        } finally {
            reading.unlock();
        }
    }

    /** Reads the index now if it is not held yet (readiness work before an outage's write-back). */
    public void warm() {
        current();
    }

    /**
     * Readiness work while the HIS answers (the write-back service calls it every few minutes): reads the index if none
     * is held or the held one is due for its full read, and otherwise catches it up. An outage's write-back then starts
     * with the index as it was when the HIS went down, and its first catch-up reads only what changed since.
     */
    public void keepAhead() {
        reading.lock();
        try {
            if (index == null || System.nanoTime() - readAtNanos > fullReadEvery.toNanos()) {
                readAll();
            } else {
                readChanges();
            }
        } finally {
            reading.unlock();
        }
    }

    /** What was read since the index was last dropped. */
    public Reads reads() {
        return reads;
    }

    /** The index, read or caught up first when due. Throws when the HIS does not answer (the caller retries). */
    private PatientIndex current() {
        long now = System.nanoTime();
        PatientIndex i = index;
        if (i == null || now - readAtNanos > fullReadEvery.toNanos()) {
            reading.lock();
            try {
                if (index == null || System.nanoTime() - readAtNanos > fullReadEvery.toNanos()) {
                    readAll();
                }
                return index;
            } finally {
                reading.unlock();
            }
        }
        if (now - caughtUpAtNanos > catchUpEvery.toNanos() && reading.tryLock()) {
            // one worker catches up; the others answer from the index as it is (at most catchUpEvery behind)
            try {
                if (System.nanoTime() - caughtUpAtNanos > catchUpEvery.toNanos()) {
                    readChanges();
                }
            } finally {
                reading.unlock();
            }
        }
        return index;
    }

    private void readAll() {
        long t0 = System.nanoTime();
        PatientIndex fresh = new PatientIndex();
        newestSeen = null;
        lastSearchAt = null;
        long n = read("Patient?_elements=" + ELEMENTS + "&_count=" + PAGE, fresh, false);
        index = fresh;
        readAtNanos = t0;
        caughtUpAtNanos = t0;
        Reads r = reads;
        long took = System.nanoTime() - t0;
        reads = new Reads(r.fullReads() + 1, r.catchUps(), r.patientsRead() + n, r.took().plusNanos(took), r.fullReadTook().plusNanos(took),
                r.dropped());
    }

    private void readChanges() {
        // from the HIS's time of the previous read (what committed after it), else from the newest patient seen
        Instant since = lastSearchAt != null ? lastSearchAt : newestSeen;
        if (since == null) {
            // the HIS gave no time stamps (or held no patient yet): read everything again
            readAll();
            return;
        }
        long t0 = System.nanoTime();
        String from = new InstantType(Date.from(since.minus(overlap))).getValueAsString();
        long dropped0 = droppedCount;
        // the type's history, not a _lastUpdated search: it also lists the patients the HIS deleted since
        long n = read(client.getServerBase().replaceAll("/+$", "") + "/Patient/_history?_since=" + URLEncoder.encode(from, StandardCharsets.UTF_8) + "&_elements=" + ELEMENTS
                + "&_count=" + PAGE, index, true);
        caughtUpAtNanos = t0;
        Reads r = reads;
        reads = new Reads(r.fullReads(), r.catchUps() + 1, r.patientsRead() + n, r.took().plusNanos(System.nanoTime() - t0), r.fullReadTook(),
                r.dropped() + droppedCount - dropped0);
    }

    private volatile long droppedCount;

    /**
     * Reads a search or the patients' history to its last page into {@code into}; the number of patients read. A history
     * lists every version, newest first: only each patient's newest entry counts (a deletion drops the patient). A patient
     * the HIS merged into another ({@code link} of type replaced-by) is no candidate: the surviving record is.
     */
    private long read(String search, PatientIndex into, boolean history) {
        long n = 0;
        java.util.Set<String> seen = history ? new java.util.HashSet<>() : null;
        Bundle page = client.search().byUrl(search).cacheControl(new CacheControlDirective().setNoCache(true))
                .returnBundle(Bundle.class).execute();
        Instant searchedAt = page.getMeta().getLastUpdated() == null ? null : page.getMeta().getLastUpdated().toInstant();
        while (true) {
            for (Bundle.BundleEntryComponent e : page.getEntry()) {
                if (history) {
                    String ref = refOf(e);
                    if (ref == null || !seen.add(ref)) {
                        continue; // an older version of a patient whose newest entry was applied
                    }
                    if (e.hasRequest() && e.getRequest().getMethod() == Bundle.HTTPVerb.DELETE) {
                        if (into.drop(ref)) {
                            droppedCount++;
                        }
                        continue;
                    }
                }
                if (e.getResource() instanceof Patient p) {
                    n++;
                    noteUpdated(p);
                    if (mergedAway(p)) {
                        String ref = "Patient/" + p.getIdElement().getIdPart();
                        if (into.drop(ref)) {
                            droppedCount++;
                        }
                    } else {
                        into.put(facts.apply(p));
                    }
                }
            }
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                if (searchedAt != null) {
                    lastSearchAt = searchedAt;
                }
                return n;
            }
            page = client.loadPage().next(page).execute();
        }
    }

    private void noteUpdated(Patient p) {
        if (p.getMeta().getLastUpdated() != null) {
            Instant at = p.getMeta().getLastUpdated().toInstant();
            Instant seen = newestSeen;
            if (seen == null || at.isAfter(seen)) {
                newestSeen = at;
            }
        }
    }

    /** {@code Patient/<id>} of a history entry (its resource, else its full URL or request URL), or null. */
    private static String refOf(Bundle.BundleEntryComponent e) {
        if (e.getResource() != null && e.getResource().getIdElement().hasIdPart()) {
            return "Patient/" + e.getResource().getIdElement().getIdPart();
        }
        String url = e.hasFullUrl() ? e.getFullUrl() : e.hasRequest() ? e.getRequest().getUrl() : null;
        if (url == null) {
            return null;
        }
        org.hl7.fhir.r4.model.IdType id = new org.hl7.fhir.r4.model.IdType(url);
        return id.hasIdPart() ? "Patient/" + id.getIdPart() : null;
    }

    /** True when the HIS merged this patient into another: a {@code link} of type replaced-by. */
    static boolean mergedAway(Patient p) {
        return p.getLink().stream().anyMatch(l -> l.getType() == Patient.LinkType.REPLACEDBY);
    }
}
