package org.hospital.continuity.server.writeback.integration;

import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.HisPatientSearch;
import org.hospital.continuity.sync.matching.PatientFacts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The candidate-query port over HL7 FHIR R4 ({@link HisPatientSearch}'s contract): one batch Bundle holds a search
 * per block (each asking for an accurate total, {@code _total=accurate}); every search is then read to its last page
 * ({@code next} links); a block over its limit is answered by its narrowed searches in a second batch. Blocking: call
 * it from a worker thread; an HIS that does not answer throws (the FHIR client's exceptions).
 *
 * <p>Searches: ID numbers {@code identifier=<system>|a,<system>|b}; phone {@code phone=}; name {@code name:exact=} (any
 * name part, so also a given name equal to the whole name: a superset, harmless); birth date {@code birthdate=}.
 * Narrowed: name + {@code birthdate=ge<year>-01-01&birthdate=le<year>-12-31} (all sexes) and name + each close date
 * of another year; birth date + {@code family=<s1>,<s2>…} (the sound-alike surnames, "starts with").
 * Birth year + sound: {@code birthdate=ge<year>-01-01&birthdate=le<year>-12-31&family=<s1>,<s2>…}.
 */
public final class FhirCandidateSearch implements HisPatientSearch {

    /** Patients per page asked of the HIS (the server may answer with fewer; every page is read anyway). */
    static final int PAGE = 200;
    private static final Duration COUNT_CACHE = Duration.ofMinutes(10);

    private final IGenericClient client;
    private final FhirIdentifiers ids;
    private final Function<Patient, PatientFacts> facts;
    private final InstantSource clock;
    private long cachedCount = -1;
    private Instant countedAt = Instant.MIN;

    public FhirCandidateSearch(IGenericClient client, FhirIdentifiers ids, Function<Patient, PatientFacts> facts, InstantSource clock) {
        this.client = client;
        this.ids = ids;
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public synchronized long patientCount() {
        Instant now = clock.instant();
        if (cachedCount < 0 || now.isAfter(countedAt.plus(COUNT_CACHE))) {
            Bundle b = client.search().forResource(Patient.class).summaryMode(SummaryEnum.COUNT).returnBundle(Bundle.class).execute();
            cachedCount = b.getTotal();
            countedAt = now;
        }
        return cachedCount;
    }

    /** Forgets the cached patient count (a new write-back run counts again). */
    public synchronized void forgetCount() {
        cachedCount = -1;
    }

    @Override
    public Candidates candidates(CandidateQuery query) {
        Map<String, PatientFacts> found = new LinkedHashMap<>();
        List<CandidateQuery.Block> blocks = query.blocks();
        List<String> first = new ArrayList<>();
        for (CandidateQuery.Block b : blocks) {
            first.add(search(b));
        }
        List<Bundle> answers = batch(first);
        List<Candidates.BlockResult> results = new ArrayList<>();
        List<String> narrowedSearches = new ArrayList<>();
        String incomplete = null;
        for (int i = 0; i < blocks.size(); i++) {
            CandidateQuery.Block b = blocks.get(i);
            Bundle page = answers.get(i);
            int limit = limit(b);
            long total = page.hasTotal() ? page.getTotal() : -1;
            if (total >= 0 && total > limit) {
                List<String> narrower = narrowed(b);
                if (narrower == null) {
                    incomplete = "a block over its limit cannot be narrowed (" + b.getClass().getSimpleName() + ")";
                }
                if (narrower != null) {
                    narrowedSearches.addAll(narrower);
                }
                results.add(new Candidates.BlockResult(b, total, true));
                continue;
            }
            int read = readAll(page, found, query.maxCandidates());
            if (read < 0) {
                incomplete = "more than " + query.maxCandidates() + " candidates";
                results.add(new Candidates.BlockResult(b, Math.max(total, 0), false));
                continue;
            }
            // without a total from the HIS the block was read to its end: what was read is the count
            results.add(new Candidates.BlockResult(b, total >= 0 ? total : read, false));
        }
        if (!narrowedSearches.isEmpty() && incomplete == null) {
            for (Bundle page : batch(narrowedSearches)) {
                if (readAll(page, found, query.maxCandidates()) < 0) {
                    incomplete = "more than " + query.maxCandidates() + " candidates";
                    break;
                }
            }
        }
        if (incomplete == null && found.size() > query.maxCandidates()) {
            incomplete = found.size() + " candidates, more than " + query.maxCandidates();
        }
        return new Candidates(new ArrayList<>(found.values()), results, incomplete == null, incomplete);
    }

    private static int limit(CandidateQuery.Block b) {
        if (b instanceof CandidateQuery.ByPhone p) {
            return p.limit();
        }
        if (b instanceof CandidateQuery.ByName n) {
            return n.limit();
        }
        if (b instanceof CandidateQuery.ByBirthDate d) {
            return d.limit();
        }
        if (b instanceof CandidateQuery.ByBirthYearAndSound y) {
            return y.limit();
        }
        return Integer.MAX_VALUE;
    }

    private String search(CandidateQuery.Block b) {
        String paging = "&_count=" + PAGE + "&_total=accurate";
        if (b instanceof CandidateQuery.ByIdNumbers i) {
            return "Patient?identifier=" + i.idNumbers().stream().sorted().map(v -> enc(ids.nationalId() + "|" + v))
                    .collect(Collectors.joining(",")) + paging;
        }
        if (b instanceof CandidateQuery.ByPhone p) {
            return "Patient?phone=" + enc(p.phone()) + paging;
        }
        if (b instanceof CandidateQuery.ByName n) {
            return "Patient?name:exact=" + enc(n.name()) + paging;
        }
        if (b instanceof CandidateQuery.ByBirthYearAndSound y) {
            return "Patient?birthdate=ge" + y.birthYear() + "-01-01&birthdate=le" + y.birthYear() + "-12-31&family="
                    + surnames(y.surnames()) + paging;
        }
        CandidateQuery.ByBirthDate d = (CandidateQuery.ByBirthDate) b;
        return "Patient?birthdate=" + d.birthDate() + paging;
    }

    /** The searches of a block's narrowed form; null when it has none (the answer is then incomplete). */
    private static List<String> narrowed(CandidateQuery.Block b) {
        String paging = "&_count=" + PAGE;
        if (b instanceof CandidateQuery.ByPhone || b instanceof CandidateQuery.ByBirthYearAndSound) {
            return List.of(); // a shared number, a crowded year: counted, not read
        }
        if (b instanceof CandidateQuery.ByName n) {
            if (n.birthYear() == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            // no gender filter: a patient whose sex the HIS does not hold must not be left out
            out.add("Patient?name:exact=" + enc(n.name()) + "&birthdate=ge" + n.birthYear() + "-01-01&birthdate=le"
                    + n.birthYear() + "-12-31" + paging);
            // one search per close date of another year (a handful, all in the same batch)
            n.nearDates().stream().sorted().forEach(d -> out.add("Patient?name:exact=" + enc(n.name()) + "&birthdate=" + d + paging));
            return out;
        }
        if (b instanceof CandidateQuery.ByBirthDate d) {
            if (d.surnames().isEmpty()) {
                return null;
            }
            return List.of("Patient?birthdate=" + d.birthDate() + "&family=" + surnames(d.surnames()) + paging);
        }
        return null;
    }

    /** One batch Bundle of searches, one round trip; the searchsets in order. */
    private List<Bundle> batch(List<String> searches) {
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        for (String q : searches) {
            batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(q);
        }
        Bundle response = client.transaction().withBundle(batch).execute();
        List<Bundle> out = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : response.getEntry()) {
            if (e.getResource() instanceof Bundle searchset) {
                out.add(searchset);
            } else {
                // a search the HIS refused inside the batch: no answer is not an empty answer
                String status = e.hasResponse() ? e.getResponse().getStatus() : "no response";
                throw new IllegalStateException("HIS search failed in batch: " + status);
            }
        }
        if (out.size() != searches.size()) {
            throw new IllegalStateException("HIS answered " + out.size() + " of " + searches.size() + " searches");
        }
        return out;
    }

    /** Reads a searchset to its last page into {@code found}; the number of patients read, or -1 past {@code cap}. */
    private int readAll(Bundle page, Map<String, PatientFacts> found, int cap) {
        int read = 0;
        Bundle current = page;
        while (true) {
            for (Bundle.BundleEntryComponent hit : current.getEntry()) {
                if (hit.getResource() instanceof Patient p) {
                    PatientFacts f = facts.apply(p);
                    found.putIfAbsent(f.ref(), f);
                    read++;
                }
            }
            if (found.size() > cap) {
                return -1;
            }
            if (current.getLink(Bundle.LINK_NEXT) == null) {
                return read;
            }
            current = client.loadPage().next(current).execute();
        }
    }

    private static String surnames(java.util.Set<String> surnames) {
        return surnames.stream().sorted().map(FhirCandidateSearch::enc).collect(Collectors.joining(","));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
