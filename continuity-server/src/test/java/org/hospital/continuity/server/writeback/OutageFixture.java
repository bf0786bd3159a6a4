package org.hospital.continuity.server.writeback;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.integration.FhirHisPort;
import org.hospital.continuity.server.writeback.integration.FhirIdentifiers;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;
import org.hospital.continuity.sync.simulation.OutageDataSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Turns a generated {@link OutageDataSet} into a seeded FHIR HIS and downtime visit drafts. */
public final class OutageFixture {

    /** Codes of the kiosk catalogue used by the drafts, with the price charged during the outage. */
    public static final String[][] CATALOGUE = {
            {"FEE", "REG-01", "普通门诊挂号", "1000"},
            {"ITEM", "LAB-CBC", "血常规", "2500"},
            {"ITEM", "LAB-CRP", "C反应蛋白", "3000"},
            {"ITEM", "RAD-CXR", "胸部正位片", "8000"},
            {"DRUG", "DRUG-AMOX", "阿莫西林胶囊", "1850"},
            {"DRUG", "DRUG-IBU", "布洛芬缓释胶囊", "2200"},
            {"DRUG", "DRUG-NS500", "氯化钠注射液500ml", "450"}};

    public final OutageDataSet data;
    public final List<VisitDraft> drafts = new ArrayList<>();
    /** visit id → the capture (ground truth). */
    public final Map<UUID, OutageDataSet.Capture> truth = new HashMap<>();

    public OutageFixture(OutageDataSet data, String incident) {
        this.data = data;
        Random rnd = new Random(7);
        String[] departments = {"0301", "0302", "0401", "0502"};
        for (OutageDataSet.Capture c : data.captures()) {
            UUID visitId = UUID.nameUUIDFromBytes(("visit:" + c.ref()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            List<VisitDraft.Line> lines = new ArrayList<>();
            lines.add(line(visitId, 0, CATALOGUE[0], 1, false));
            int n = rnd.nextInt(3);
            for (int i = 0; i < n; i++) {
                String[] item = CATALOGUE[1 + rnd.nextInt(CATALOGUE.length - 1)];
                lines.add(line(visitId, i + 1, item, "DRUG".equals(item[0]) ? 1 + rnd.nextInt(3) : 1, "DRUG".equals(item[0])));
            }
            PatientFacts f = c.facts();
            VisitDraft d = new VisitDraft(visitId, incident, c.kioskId(), c.downtimeNumber(),
                    new PatientFacts(visitId.toString(), f.name(), f.sex(), f.birthDate(), f.phone(), f.nationalId()),
                    departments[rnd.nextInt(departments.length)], null, c.at(), "acct-" + c.kioskId(),
                    "PF-" + c.downtimeNumber(), lines);
            drafts.add(d);
            truth.put(visitId, c);
        }
    }

    private static VisitDraft.Line line(UUID visit, int i, String[] item, int qty, boolean dispensed) {
        return new VisitDraft.Line(UUID.nameUUIDFromBytes((visit + ":" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                item[0], item[1], item[2], qty, Long.parseLong(item[3]), dispensed);
    }

    /** Loads the HIS population (ids {@code his-<person>}) and the price list; RAD-CXR costs more now. */
    public void seed(FhirHisPort his, FhirIdentifiers ids) {
        List<OutageDataSet.HisPatient> all = data.his();
        for (int from = 0; from < all.size(); from += 200) {
            Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            for (OutageDataSet.HisPatient h : all.subList(from, Math.min(all.size(), from + 200))) {
                PatientFacts f = h.facts();
                Patient p = new Patient();
                String id = f.ref().substring("Patient/".length());
                p.setId(id);
                if (f.nationalId() != null) {
                    p.addIdentifier(new Identifier().setSystem(ids.nationalId()).setValue(f.nationalId()));
                }
                p.addName().setText(f.name()).setFamily(f.name().substring(0, 1)).addGiven(f.name().substring(1));
                p.setGender(f.sex() == Sex.MALE ? Enumerations.AdministrativeGender.MALE : Enumerations.AdministrativeGender.FEMALE);
                p.setBirthDateElement(new DateType(f.birthDate().toString()));
                p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(f.phone());
                tx.addEntry().setResource(p).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient/" + id);
            }
            his.client().transaction().withBundle(tx).execute();
        }
        for (String[] item : CATALOGUE) {
            his.putPrice(item[1], "RAD-CXR".equals(item[1]) ? 8500 : Long.parseLong(item[3]));
        }
    }

    /** The person behind a HIS patient reference ({@code Patient/his-<id>}), or -1 for one write-back created. */
    public static int personOf(String hisPatientRef) {
        return hisPatientRef.startsWith("Patient/his-") ? Integer.parseInt(hisPatientRef.substring("Patient/his-".length())) : -1;
    }
}
