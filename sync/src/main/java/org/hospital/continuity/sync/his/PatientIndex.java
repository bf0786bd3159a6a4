package org.hospital.continuity.sync.his;

import org.hospital.continuity.sync.matching.PatientFacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * HIS patients held in memory (only the fields matching reads: {@link PatientFacts}), answering candidate queries
 * exactly as {@link HisPatientSearch}'s contract says: every block whole, exact holder counts, limits that narrow,
 * an incomplete answer said so. It is the one implementation of the contract's answers in memory: the reference HIS
 * of the matching tests ({@code simulation.InMemoryHis}) and the write-back's candidate index over a real HIS (the
 * FHIR link reads the HIS's patients into one and keeps it current) are both this class, so the write-back decides
 * exactly as the in-memory matching tests do.
 *
 * <p>Thread-safe: many workers ask at once while one catches the index up ({@link #put}); a patient is either wholly
 * in its old or wholly in its new form for a query.
 */
public final class PatientIndex implements HisPatientSearch {

    private final Map<String, PatientFacts> byRef = new LinkedHashMap<>();
    private final Map<String, Map<String, PatientFacts>> byId = new HashMap<>();
    private final Map<String, Map<String, PatientFacts>> byPhone = new HashMap<>();
    private final Map<String, Map<String, PatientFacts>> byName = new HashMap<>();
    private final Map<LocalDate, Map<String, PatientFacts>> byBirthDate = new HashMap<>();
    private final Map<Integer, Map<String, PatientFacts>> byBirthYear = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public PatientIndex() {
    }

    public PatientIndex(Collection<PatientFacts> patients) {
        patients.forEach(this::put);
    }

    /** Adds a patient, or replaces the one held under the same {@code ref} (the HIS changed it); true when it was new. */
    public boolean put(PatientFacts p) {
        lock.writeLock().lock();
        try {
            PatientFacts old = byRef.get(p.ref());
            if (old != null) {
                unindex(old);
            }
            byRef.put(p.ref(), p);
            index(p);
            return old == null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Drops the patient held under {@code ref} (the HIS deleted it, or merged it into another); true when one was held. */
    public boolean drop(String ref) {
        lock.writeLock().lock();
        try {
            PatientFacts old = byRef.remove(ref);
            if (old != null) {
                unindex(old);
            }
            return old != null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether a patient is held under {@code ref}. */
    public boolean holds(String ref) {
        lock.readLock().lock();
        try {
            return byRef.containsKey(ref);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many patients are held. */
    public int size() {
        lock.readLock().lock();
        try {
            return byRef.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void index(PatientFacts p) {
        if (p.nationalId() != null) {
            byId.computeIfAbsent(p.nationalId(), k -> new LinkedHashMap<>()).put(p.ref(), p);
        }
        if (p.phone() != null) {
            byPhone.computeIfAbsent(p.phone(), k -> new LinkedHashMap<>()).put(p.ref(), p);
        }
        if (p.name() != null) {
            byName.computeIfAbsent(p.name(), k -> new LinkedHashMap<>()).put(p.ref(), p);
        }
        if (p.birthDate() != null) {
            byBirthDate.computeIfAbsent(p.birthDate(), k -> new LinkedHashMap<>()).put(p.ref(), p);
            byBirthYear.computeIfAbsent(p.birthDate().getYear(), k -> new LinkedHashMap<>()).put(p.ref(), p);
        }
    }

    private void unindex(PatientFacts p) {
        remove(byId, p.nationalId(), p.ref());
        remove(byPhone, p.phone(), p.ref());
        remove(byName, p.name(), p.ref());
        if (p.birthDate() != null) {
            remove(byBirthDate, p.birthDate(), p.ref());
            remove(byBirthYear, p.birthDate().getYear(), p.ref());
        }
    }

    private static <K> void remove(Map<K, Map<String, PatientFacts>> m, K key, String ref) {
        if (key == null) {
            return;
        }
        Map<String, PatientFacts> holders = m.get(key);
        if (holders != null) {
            holders.remove(ref);
            if (holders.isEmpty()) {
                m.remove(key);
            }
        }
    }

    private static <K> Collection<PatientFacts> holders(Map<K, Map<String, PatientFacts>> m, K key) {
        Map<String, PatientFacts> h = m.get(key);
        return h == null ? List.of() : h.values();
    }

    @Override
    public long patientCount() {
        return size();
    }

    @Override
    public Candidates candidates(CandidateQuery query) {
        lock.readLock().lock();
        try {
            return answer(query);
        } finally {
            lock.readLock().unlock();
        }
    }

    private Candidates answer(CandidateQuery query) {
        Map<String, PatientFacts> found = new LinkedHashMap<>();
        List<Candidates.BlockResult> results = new ArrayList<>();
        String incomplete = null;
        for (CandidateQuery.Block b : query.blocks()) {
            if (b instanceof CandidateQuery.ByIdNumbers ids) {
                int n = 0;
                for (String id : ids.idNumbers()) {
                    for (PatientFacts p : holders(byId, id)) {
                        found.putIfAbsent(p.ref(), p);
                        n++;
                    }
                }
                results.add(new Candidates.BlockResult(b, n, false));
            } else if (b instanceof CandidateQuery.ByPhone ph) {
                Collection<PatientFacts> holders = holders(byPhone, ph.phone());
                boolean narrowed = holders.size() > ph.limit();
                if (!narrowed) {
                    holders.forEach(p -> found.putIfAbsent(p.ref(), p));
                }
                results.add(new Candidates.BlockResult(b, holders.size(), narrowed));
            } else if (b instanceof CandidateQuery.ByName nm) {
                Collection<PatientFacts> holders = holders(byName, nm.name());
                boolean narrowed = holders.size() > nm.limit();
                if (!narrowed) {
                    holders.forEach(p -> found.putIfAbsent(p.ref(), p));
                } else if (nm.birthYear() == null) {
                    incomplete = "name held by " + holders.size() + " patients and no birth year to narrow by";
                } else {
                    for (PatientFacts p : holders) {
                        LocalDate d = p.birthDate();
                        if (d != null && (d.getYear() == nm.birthYear() || nm.nearDates().contains(d))) {
                            found.putIfAbsent(p.ref(), p);
                        }
                    }
                }
                results.add(new Candidates.BlockResult(b, holders.size(), narrowed));
            } else if (b instanceof CandidateQuery.ByBirthDate bd) {
                Collection<PatientFacts> holders = holders(byBirthDate, bd.birthDate());
                boolean narrowed = holders.size() > bd.limit();
                for (PatientFacts p : holders) {
                    if (!narrowed || p.name() != null && bd.surnames().stream().anyMatch(s -> p.name().startsWith(s))) {
                        found.putIfAbsent(p.ref(), p);
                    }
                }
                results.add(new Candidates.BlockResult(b, holders.size(), narrowed));
            } else if (b instanceof CandidateQuery.ByBirthYearAndSound ys) {
                List<PatientFacts> holders = holders(byBirthYear, ys.birthYear()).stream()
                        .filter(p -> p.name() != null && ys.surnames().stream().anyMatch(s -> p.name().startsWith(s))).toList();
                boolean narrowed = holders.size() > ys.limit();
                if (!narrowed) {
                    holders.forEach(p -> found.putIfAbsent(p.ref(), p));
                }
                results.add(new Candidates.BlockResult(b, holders.size(), narrowed));
            }
        }
        if (incomplete == null && found.size() > query.maxCandidates()) {
            incomplete = found.size() + " candidates, more than " + query.maxCandidates();
        }
        return new Candidates(new ArrayList<>(found.values()), results, incomplete == null, incomplete);
    }
}
