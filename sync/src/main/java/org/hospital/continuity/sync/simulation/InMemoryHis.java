package org.hospital.continuity.sync.simulation;

import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.HisPatientSearch;
import org.hospital.continuity.sync.matching.PatientFacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A HIS patient index held in memory that answers candidate queries exactly as {@link HisPatientSearch}'s
 * contract says: the reference the FHIR and HL7 v2 links are tested against, and the HIS of the library's
 * matching tests. Not thread-safe.
 */
public final class InMemoryHis implements HisPatientSearch {

    private final Map<String, PatientFacts> byRef = new LinkedHashMap<>();
    private final Map<String, List<PatientFacts>> byId = new HashMap<>();
    private final Map<String, List<PatientFacts>> byPhone = new HashMap<>();
    private final Map<String, List<PatientFacts>> byName = new HashMap<>();
    private final Map<LocalDate, List<PatientFacts>> byBirthDate = new HashMap<>();
    private final Map<Integer, List<PatientFacts>> byBirthYear = new HashMap<>();
    private int queries;

    public InMemoryHis(Collection<PatientFacts> patients) {
        patients.forEach(this::add);
    }

    /** Adds a patient (write-back created one). */
    public void add(PatientFacts p) {
        if (byRef.putIfAbsent(p.ref(), p) != null) {
            throw new IllegalArgumentException("already held: " + p.ref());
        }
        if (p.nationalId() != null) {
            byId.computeIfAbsent(p.nationalId(), k -> new ArrayList<>()).add(p);
        }
        if (p.phone() != null) {
            byPhone.computeIfAbsent(p.phone(), k -> new ArrayList<>()).add(p);
        }
        if (p.name() != null) {
            byName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
        }
        if (p.birthDate() != null) {
            byBirthDate.computeIfAbsent(p.birthDate(), k -> new ArrayList<>()).add(p);
            byBirthYear.computeIfAbsent(p.birthDate().getYear(), k -> new ArrayList<>()).add(p);
        }
    }

    /** Candidate queries answered so far. */
    public int queries() {
        return queries;
    }

    @Override
    public long patientCount() {
        return byRef.size();
    }

    @Override
    public Candidates candidates(CandidateQuery query) {
        queries++;
        Map<String, PatientFacts> found = new LinkedHashMap<>();
        List<Candidates.BlockResult> results = new ArrayList<>();
        String incomplete = null;
        for (CandidateQuery.Block b : query.blocks()) {
            if (b instanceof CandidateQuery.ByIdNumbers ids) {
                int n = 0;
                for (String id : ids.idNumbers()) {
                    for (PatientFacts p : byId.getOrDefault(id, List.of())) {
                        found.putIfAbsent(p.ref(), p);
                        n++;
                    }
                }
                results.add(new Candidates.BlockResult(b, n, false));
            } else if (b instanceof CandidateQuery.ByPhone ph) {
                List<PatientFacts> holders = byPhone.getOrDefault(ph.phone(), List.of());
                boolean narrowed = holders.size() > ph.limit();
                if (!narrowed) {
                    holders.forEach(p -> found.putIfAbsent(p.ref(), p));
                }
                results.add(new Candidates.BlockResult(b, holders.size(), narrowed));
            } else if (b instanceof CandidateQuery.ByName nm) {
                List<PatientFacts> holders = byName.getOrDefault(nm.name(), List.of());
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
                List<PatientFacts> holders = byBirthDate.getOrDefault(bd.birthDate(), List.of());
                boolean narrowed = holders.size() > bd.limit();
                for (PatientFacts p : holders) {
                    if (!narrowed || p.name() != null && bd.surnames().stream().anyMatch(s -> p.name().startsWith(s))) {
                        found.putIfAbsent(p.ref(), p);
                    }
                }
                results.add(new Candidates.BlockResult(b, holders.size(), narrowed));
            } else if (b instanceof CandidateQuery.ByBirthYearAndSound ys) {
                List<PatientFacts> holders = byBirthYear.getOrDefault(ys.birthYear(), List.of()).stream()
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
