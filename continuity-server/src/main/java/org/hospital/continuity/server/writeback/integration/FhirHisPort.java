package org.hospital.continuity.server.writeback.integration;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.DowntimeVisit;
import org.hospital.continuity.sync.his.HisPort;
import org.hospital.continuity.sync.his.HisRecord;
import org.hospital.continuity.sync.his.WriteOutcome;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link HisPort} over HL7 FHIR R4 with HAPI FHIR's generic client. Blocking: call it from a worker
 * thread. One transaction Bundle per downtime visit (see {@link VisitBundles}); conditional creates
 * make a replay return 200s and create nothing.
 */
public final class FhirHisPort implements HisPort {

    private final FhirContext fhir;
    private final IGenericClient client;
    private final FhirIdentifiers ids;
    private final VisitBundles bundles;
    private final RecordBundles records;
    private final ZoneId zone;
    private final Map<String, Optional<Long>> prices = new ConcurrentHashMap<>();
    private final FhirCandidateSearch search;
    private final FhirCandidateIndex index;

    public FhirHisPort(FhirContext fhir, String baseUrl, FhirIdentifiers ids, ZoneId zone) {
        this(fhir, baseUrl, ids, zone, java.time.InstantSource.system());
    }

    /** With the candidate index (the default): candidates answered from the HIS's patients read once and kept current. */
    public FhirHisPort(FhirContext fhir, String baseUrl, FhirIdentifiers ids, ZoneId zone, java.time.InstantSource clock) {
        this(fhir, baseUrl, ids, zone, clock, true);
    }

    /**
     * {@code candidateIndex}: true → candidates from {@link FhirCandidateIndex} (the HIS's patients read once, caught up
     * before each second's questions, patients the write-back creates added as it creates them); false → the HIS is
     * searched for every visit ({@link FhirCandidateSearch}: five to seven searches, every page).
     */
    public FhirHisPort(FhirContext fhir, String baseUrl, FhirIdentifiers ids, ZoneId zone, java.time.InstantSource clock,
                       boolean candidateIndex) {
        this.fhir = fhir;
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // a HIS just back from an outage is slow; a transaction must not be abandoned half-way by the client
        fhir.getRestfulClientFactory().setSocketTimeout(60_000);
        this.client = fhir.newRestfulGenericClient(baseUrl);
        this.ids = ids;
        this.zone = zone;
        this.bundles = new VisitBundles(ids, zone, baseUrl, clock);
        this.records = new RecordBundles(ids, zone, baseUrl, clock);
        this.search = new FhirCandidateSearch(client, ids, this::facts, clock);
        this.index = candidateIndex ? new FhirCandidateIndex(client, this::facts) : null;
    }

    @Override
    public void catchUp() {
        if (index != null) {
            index.catchUp();
        }
    }

    @Override
    public void keepAhead() {
        if (index != null) {
            index.keepAhead();
        }
    }

    /** The candidate index, when this port answers from one (readiness: {@code warm()}; benchmarks: {@code reads()}). */
    public Optional<FhirCandidateIndex> candidateIndex() {
        return Optional.ofNullable(index);
    }

    /** The transaction Bundle this port sends for a visit (for validation and tests). */
    public org.hl7.fhir.r4.model.Bundle bundleOf(DowntimeVisit visit) {
        return bundles.transaction(visit);
    }

    /** The client, for tests and the workbench's look-ups. */
    public IGenericClient client() {
        return client;
    }

    /**
     * Candidates by the candidate-query contract ({@link FhirCandidateSearch}): every block answered whole, every page
     * read, a capped or unnarrowable block said to be incomplete.
     */
    @Override
    public Candidates candidates(CandidateQuery query) {
        return index != null ? index.candidates(query) : search.candidates(query);
    }

    @Override
    public long patientCount() {
        return index != null ? index.patientCount() : search.patientCount();
    }

    /** Reads a HIS patient as {@link PatientFacts}. */
    public PatientFacts facts(Patient p) {
        String nationalId = p.getIdentifier().stream().filter(i -> ids.nationalId().equals(i.getSystem()))
                .map(Identifier::getValue).findFirst().orElse(null);
        String name = p.getName().isEmpty() ? null : fullName(p.getNameFirstRep());
        String phone = p.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                .map(ContactPoint::getValue).findFirst().orElse(null);
        Sex sex = p.getGender() == null ? Sex.UNKNOWN : Sex.parse(p.getGender().toCode());
        return new PatientFacts("Patient/" + p.getIdElement().getIdPart(), name, sex,
                p.getBirthDate() == null ? null : java.time.LocalDate.parse(p.getBirthDateElement().getValueAsString()),
                phone, nationalId);
    }

    private static String fullName(HumanName n) {
        if (n.hasText()) {
            return n.getText();
        }
        return (n.hasFamily() ? n.getFamily() : "") + n.getGivenAsSingleString().replace(" ", "");
    }

    @Override
    public Optional<Long> currentPriceFen(String hisCode) {
        return prices.computeIfAbsent(hisCode, code -> {
            Bundle b = client.search().forResource(ChargeItemDefinition.class)
                    .where(ChargeItemDefinition.URL.matches().value(ids.priceList() + code))
                    .returnBundle(Bundle.class).execute();
            return b.getEntry().stream().map(e -> (ChargeItemDefinition) e.getResource())
                    .flatMap(d -> d.getPropertyGroup().stream())
                    .flatMap(g -> g.getPriceComponent().stream())
                    .filter(c -> c.hasAmount())
                    .map(c -> toFen(c.getAmount()))
                    .findFirst();
        });
    }

    /** Forgets cached prices and the candidate index (a new write-back run reads the HIS's current list and patients again). */
    public void forgetPrices() {
        prices.clear();
        search.forgetCount();
        if (index != null) {
            index.forget();
        }
    }

    private static long toFen(Money m) {
        return m.getValue().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static Money money(long fen) {
        return new Money().setCurrency("CNY").setValue(BigDecimal.valueOf(fen, 2));
    }

    @Override
    public WriteOutcome write(DowntimeVisit visit) {
        return send(bundles.transaction(visit), visit.hisPatientRef(), null, true);
    }

    @Override
    public WriteOutcome write(HisRecord record) {
        return send(records.transaction(record), record.subject().patientRef(), record.subject().encounterRef(), false);
    }

    /** The transaction Bundle this port sends for a record (for validation and tests). */
    public Bundle bundleOf(HisRecord record) {
        return records.transaction(record);
    }

    @Override
    public Optional<HisRecord.Subject> knownPatient(String hisPatientId, String inpatientNumber) {
        if (hisPatientId == null) {
            return Optional.empty();
        }
        Bundle patients = client.search().byUrl("Patient?identifier=" + enc(ids.hisPatient() + "|" + hisPatientId) + "&_count=2")
                .returnBundle(Bundle.class).execute();
        if (patients.getEntry().size() != 1) {
            // none: the HIS does not know the patient; two: not certain which (a person decides)
            return Optional.empty();
        }
        String patientRef = "Patient/" + patients.getEntryFirstRep().getResource().getIdElement().getIdPart();
        String encounterRef = null;
        if (inpatientNumber != null) {
            Bundle encounters = client.search().byUrl("Encounter?identifier=" + enc(ids.inpatientNumber() + "|" + inpatientNumber)
                    + "&subject=" + enc(patientRef) + "&_count=2").returnBundle(Bundle.class).execute();
            if (encounters.getEntry().size() == 1) {
                encounterRef = "Encounter/" + encounters.getEntryFirstRep().getResource().getIdElement().getIdPart();
            }
        }
        return Optional.of(new HisRecord.Subject(patientRef, encounterRef));
    }

    private WriteOutcome send(Bundle tx, String knownPatientRef, String encounterRef, boolean visit) {
        Bundle response;
        try {
            response = client.transaction().withBundle(tx).execute();
        } catch (PreconditionFailedException e) {
            return new WriteOutcome.Ambiguous(brief(e));
        } catch (ResourceVersionConflictException e) {
            // Two writers created the same thing at once: the HIS kept one; the retry sees it (200).
            return new WriteOutcome.Unavailable("409 " + brief(e));
        } catch (FhirClientConnectionException e) {
            return new WriteOutcome.Unavailable("connection: " + e.getClass().getSimpleName());
        } catch (BaseServerResponseException e) {
            if (e.getStatusCode() >= 500 || e.getStatusCode() == 429 || e.getStatusCode() == 408) {
                return new WriteOutcome.Unavailable(e.getStatusCode() + " " + brief(e));
            }
            return new WriteOutcome.Refused(e.getStatusCode(), brief(e));
        }
        int created = 0;
        int existing = 0;
        List<String> refs = new ArrayList<>();
        String patientRef = knownPatientRef;
        String encounter = encounterRef;
        for (int i = 0; i < response.getEntry().size(); i++) {
            Bundle.BundleEntryResponseComponent r = response.getEntry().get(i).getResponse();
            String status = r.getStatus() == null ? "" : r.getStatus();
            if (status.startsWith("201")) {
                created++;
            } else {
                existing++;
            }
            String location = unversioned(r.getLocation());
            refs.add(location);
            Resource sent = tx.getEntry().get(i).getResource();
            if (sent instanceof Patient sentPatient) {
                patientRef = location;
                if (index != null && status.startsWith("201") && location != null) {
                    // a patient this write-back created: a candidate for the visits after it, at once
                    Patient asCreated = sentPatient.copy();
                    asCreated.setId(location);
                    index.added(facts(asCreated));
                }
            } else if (visit && sent instanceof org.hl7.fhir.r4.model.Encounter) {
                encounter = location;
            }
        }
        return new WriteOutcome.Written(created, existing, patientRef, refs, encounter);
    }

    private static String unversioned(String location) {
        if (location == null) {
            return null;
        }
        int h = location.indexOf("/_history");
        return h < 0 ? location : location.substring(0, h);
    }

    private static String brief(BaseServerResponseException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.length() > 300 ? m.substring(0, 300) : m;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The HIS's FHIR context (one per application: it is expensive to build). */
    public FhirContext context() {
        return fhir;
    }

    /** Seeds the HIS price list (test and demo data): one ChargeItemDefinition per code. */
    public void putPrice(String hisCode, long fen) {
        ChargeItemDefinition d = new ChargeItemDefinition();
        d.setId("price-" + hisCode.replaceAll("[^A-Za-z0-9\\-.]", "-"));
        d.setUrl(ids.priceList() + hisCode);
        d.setStatus(Enumerations.PublicationStatus.ACTIVE);
        d.addPropertyGroup().addPriceComponent()
                .setType(ChargeItemDefinition.ChargeItemDefinitionPriceComponentType.BASE).setAmount(money(fen));
        client.update().resource(d).execute();
        prices.remove(hisCode);
    }
}
