package org.hospital.continuity.server.writeback.integration;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hospital.continuity.sync.his.ChineseNames;
import org.hospital.continuity.sync.his.DowntimeVisit;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.TimeZone;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Builds the transaction Bundle of one downtime visit: Patient (conditional create on the resident ID
 * number, else on the downtime number — or a reference to the HIS patient matching chose), Encounter,
 * per line a MedicationRequest (+ MedicationDispense when dispensed) or ServiceRequest, a ChargeItem,
 * and one Provenance naming kiosk, operator, breakpoint and paper form. Times go out in the hospital's zone, quantities
 * with their unit, a compound surname (欧阳, 司马 …) is kept whole; {@code Provenance.recorded} is the write-back time,
 * {@code occurred} the capture time; the Provenance entry's {@code fullUrl} is its absolute URL on the HIS. Every resource but the
 * Provenance is a conditional create on a business identifier; the Provenance is a PUT on an id derived
 * from the visit. Replaying the same visit therefore creates nothing.
 */
public final class VisitBundles {

    private final FhirIdentifiers ids;
    private final ZoneId zone;
    private final String baseUrl;
    private final InstantSource clock;

    /**
     * @param baseUrl the HIS's FHIR base (a resource written with PUT has its absolute URL as {@code fullUrl})
     * @param zone    the hospital's zone: every time goes out with its offset
     * @param clock   the write-back's clock ({@code Provenance.recorded} is when the record reached the HIS)
     */
    public VisitBundles(FhirIdentifiers ids, ZoneId zone, String baseUrl, InstantSource clock) {
        this.ids = ids;
        this.zone = zone;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clock = clock;
    }

    /** The transaction for {@code visit}. */
    public Bundle transaction(DowntimeVisit visit) {
        Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        List<Reference> targets = new ArrayList<>();

        Reference subject;
        if (visit.hisPatientRef() != null) {
            subject = new Reference(visit.hisPatientRef());
        } else {
            Patient p = patient(visit);
            String condition = visit.patient().validNationalId() != null
                    ? "identifier=" + enc(ids.nationalId() + "|" + visit.patient().validNationalId())
                    : "identifier=" + enc(ids.downtimeNumber() + "|" + visit.downtimeNumber());
            subject = add(tx, p, "Patient", condition);
            targets.add(subject);
        }

        Encounter enc = new Encounter();
        enc.addIdentifier(id(ids.visit(), visit.visitId().toString()));
        enc.setStatus(Encounter.EncounterStatus.FINISHED);
        enc.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
        enc.setServiceType(new CodeableConcept(new Coding(ids.department(), visit.departmentCode(), null)));
        enc.setSubject(subject);
        enc.setPeriod(new Period().setStartElement(time(visit.registeredAt())));
        Reference encounter = add(tx, enc, "Encounter", "identifier=" + enc(ids.visit() + "|" + visit.visitId()));
        targets.add(encounter);

        for (DowntimeVisit.Line line : visit.lines()) {
            String lineCondition = "identifier=" + enc(ids.line() + "|" + line.lineId());
            Reference request = null;
            Reference dispense = null;
            if (line.kind() == DowntimeVisit.Kind.DRUG) {
                MedicationRequest mr = new MedicationRequest();
                mr.addIdentifier(id(ids.line(), line.lineId().toString()));
                mr.setStatus(MedicationRequest.MedicationRequestStatus.COMPLETED);
                mr.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
                mr.setMedication(code(ids.drug(), line));
                mr.setSubject(subject);
                mr.setEncounter(encounter);
                mr.setAuthoredOnElement(time(visit.registeredAt()));
                mr.getDispenseRequest().setQuantity(quantity(line));
                request = add(tx, mr, "MedicationRequest", lineCondition);
                targets.add(request);
                if (line.dispensed()) {
                    MedicationDispense md = new MedicationDispense();
                    md.addIdentifier(id(ids.line(), line.lineId().toString()));
                    md.setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED);
                    md.setMedication(code(ids.drug(), line));
                    md.setSubject(subject);
                    md.setContext(encounter);
                    md.addAuthorizingPrescription(request);
                    md.setQuantity(quantity(line));
                    md.setWhenHandedOverElement(time(visit.registeredAt()));
                    dispense = add(tx, md, "MedicationDispense", lineCondition);
                    targets.add(dispense);
                }
            } else if (line.kind() == DowntimeVisit.Kind.ITEM) {
                ServiceRequest sr = new ServiceRequest();
                sr.addIdentifier(id(ids.line(), line.lineId().toString()));
                sr.setStatus(ServiceRequest.ServiceRequestStatus.COMPLETED);
                sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
                sr.setCode(code(ids.item(), line));
                sr.setSubject(subject);
                sr.setEncounter(encounter);
                sr.setAuthoredOnElement(time(visit.registeredAt()));
                request = add(tx, sr, "ServiceRequest", lineCondition);
                targets.add(request);
            }
            ChargeItem ci = new ChargeItem();
            ci.addIdentifier(id(ids.line(), line.lineId().toString()));
            ci.setStatus(ChargeItem.ChargeItemStatus.BILLABLE);
            ci.setCode(code(line.kind() == DowntimeVisit.Kind.DRUG ? ids.drug() : ids.item(), line));
            ci.setSubject(subject);
            ci.setContext(encounter);
            ci.setQuantity(quantity(line));
            // The price as charged during the outage; a difference to the HIS's current price is flagged, not repriced.
            ci.setPriceOverride(FhirHisPort.money(line.amountFen()));
            ci.setEnteredDateElement(time(visit.registeredAt()));
            if (dispense != null) {
                ci.addService(dispense); // R4 ChargeItem.service names what was delivered
            }
            if (request != null) {
                ci.addSupportingInformation(request);
            }
            targets.add(add(tx, ci, "ChargeItem", lineCondition));
        }

        Provenance prov = new Provenance();
        prov.setId("dt-" + visit.visitId());
        prov.setTarget(targets);
        // recorded: when the record reached the HIS; occurred: when it was captured at the kiosk
        prov.setRecordedElement(new InstantType(Date.from(clock.instant()), TemporalPrecisionEnum.MILLI, TimeZone.getTimeZone(zone)));
        prov.setOccurred(time(visit.registeredAt()));
        if (visit.breakpoint() != null) {
            prov.addPolicy("urn:hospital-continuity:breakpoint:" + visit.breakpoint());
        }
        prov.setActivity(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-DataOperation",
                "CREATE", "create")).setText("downtime back-entry"));
        Provenance.ProvenanceAgentComponent operator = prov.addAgent();
        operator.setType(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "enterer", "Enterer")));
        operator.setWho(new Reference().setIdentifier(id(ids.staff(), visit.operator())).setDisplay(visit.operator()));
        Provenance.ProvenanceAgentComponent kiosk = prov.addAgent();
        kiosk.setType(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler", "Assembler")));
        kiosk.setWho(new Reference().setIdentifier(id(ids.kiosk(), visit.kioskId())).setDisplay(visit.kioskId()));
        if (visit.paperFormId() != null) {
            prov.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
                    .setWhat(new Reference().setIdentifier(id(ids.paperForm(), visit.paperFormId())));
        }
        tx.addEntry().setFullUrl(baseUrl + "/Provenance/dt-" + visit.visitId()).setResource(prov).getRequest()
                .setMethod(Bundle.HTTPVerb.PUT).setUrl("Provenance/dt-" + visit.visitId());
        return tx;
    }

    private Patient patient(DowntimeVisit visit) {
        PatientFacts f = visit.patient();
        Patient p = new Patient();
        if (f.validNationalId() != null) {
            p.addIdentifier(id(ids.nationalId(), f.validNationalId()));
        }
        p.addIdentifier(id(ids.downtimeNumber(), visit.downtimeNumber()));
        if (f.name() != null) {
            HumanName name = p.addName().setText(f.name());
            ChineseNames.Split split = ChineseNames.split(f.name());
            if (split != null) {
                name.setFamily(split.family());
                if (!split.given().isEmpty()) {
                    name.addGiven(split.given());
                }
            }
        }
        p.setGender(f.sex() == Sex.MALE ? Enumerations.AdministrativeGender.MALE
                : f.sex() == Sex.FEMALE ? Enumerations.AdministrativeGender.FEMALE : Enumerations.AdministrativeGender.UNKNOWN);
        if (f.birthDate() != null) {
            p.setBirthDateElement(new DateType(f.birthDate().toString()));
        }
        if (f.phone() != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(f.phone());
        }
        return p;
    }

    /** A time in the hospital's zone, to the second. */
    private DateTimeType time(java.time.Instant at) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(zone));
    }

    /** A quantity with the unit it counts (盒, 次 …) when the line has one. */
    private static Quantity quantity(DowntimeVisit.Line line) {
        Quantity q = new Quantity().setValue(line.quantity());
        if (line.unit() != null && !line.unit().isBlank()) {
            q.setUnit(line.unit());
        }
        return q;
    }

    private static Reference add(Bundle tx, Resource r, String type, String condition) {
        String fullUrl = "urn:uuid:" + UUID.randomUUID();
        tx.addEntry().setFullUrl(fullUrl).setResource(r).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl(type).setIfNoneExist(type + "?" + condition);
        return new Reference(fullUrl);
    }

    private static CodeableConcept code(String system, DowntimeVisit.Line line) {
        return new CodeableConcept(new Coding(system, line.hisCode(), line.name())).setText(line.name());
    }

    private static Identifier id(String system, String value) {
        return new Identifier().setSystem(system).setValue(value);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
