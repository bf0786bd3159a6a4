package org.hospital.continuity.server.writeback.integration;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hospital.continuity.sync.his.HisRecord;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

/**
 * The transaction Bundle of one downtime record other than a registration visit (see {@link HisRecord}), under the
 * patient and encounter write-back resolved:
 * <ul>
 *   <li>a prescription or a ward's requisition → one MedicationRequest per line (category outpatient / inpatient /
 *   discharge; the requisition's lines are ward stock, grouped by the record in {@code groupIdentifier});</li>
 *   <li>an order, a lab or exam request → ServiceRequest (active); the exam register → ServiceRequest (completed) and a
 *   ChargeItem per exam;</li>
 *   <li>a dispense → MedicationDispense per line ({@code whenHandedOver}), naming the order line it fills;</li>
 *   <li>ward and cashier charges → ChargeItem per line; a discharge settlement → Account, ChargeItems and the Invoice
 *   (total, deposit as a deduction, balance); an IOU exchange → the Invoice paid (balanced) over the charge's lines;</li>
 *   <li>an allergy noted → AllergyIntolerance (unconfirmed);</li>
 *   <li>HR-9 a void or a correction → the record's resources again with the new status (conditional update: the HIS
 *   keeps the old version readable), and a Provenance naming who and why.</li>
 * </ul>
 * Every resource is a conditional create (or update) on the kiosk's record or line id, so a replay creates nothing; one
 * Provenance (PUT on an id derived from the record, absolute {@code fullUrl}) names kiosk, operator, incident, the
 * capture time ({@code occurred}) and the write-back time ({@code recorded}). Times in the hospital's zone; quantities
 * with their unit.
 */
public final class RecordBundles {

    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/medicationrequest-category";
    private static final String PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    private final FhirIdentifiers ids;
    private final ZoneId zone;
    private final String baseUrl;
    private final InstantSource clock;

    public RecordBundles(FhirIdentifiers ids, ZoneId zone, String baseUrl, InstantSource clock) {
        this.ids = ids;
        this.zone = zone;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clock = clock;
    }

    /** The status a record's resources take: as captured, or after a void or a correction. */
    private enum State { CAPTURED, VOIDED, CORRECTED }

    /** The transaction for {@code record}. */
    public Bundle transaction(HisRecord record) {
        Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        List<Reference> targets = new ArrayList<>();
        Provenance prov = new Provenance();
        if (record instanceof HisRecord.Amendment a) {
            State state = a.kind() == HisRecord.AmendmentKind.VOIDED ? State.VOIDED : State.CORRECTED;
            resources(tx, a.original(), state, targets, true);
            prov.setActivity(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "UPDATE",
                    "revise")).setText(state == State.VOIDED ? "downtime record voided" : "downtime record corrected"));
            prov.addReason().setText(a.reason());
            if (a.correctedBy() != null) {
                prov.addEntity().setRole(Provenance.ProvenanceEntityRole.REVISION)
                        .setWhat(new Reference().setIdentifier(id(ids.record(), a.correctedBy().toString())));
            }
        } else {
            resources(tx, record, State.CAPTURED, targets, false);
            prov.setActivity(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "CREATE",
                    "create")).setText("downtime back-entry"));
            UUID replaces = replaces(record);
            if (replaces != null) {
                prov.addEntity().setRole(Provenance.ProvenanceEntityRole.REVISION)
                        .setWhat(new Reference().setIdentifier(id(ids.record(), replaces.toString())));
            }
        }
        HisRecord.Source src = record.source();
        prov.setTarget(targets);
        prov.setRecordedElement(new InstantType(Date.from(clock.instant()), TemporalPrecisionEnum.MILLI, TimeZone.getTimeZone(zone)));
        prov.setOccurred(time(src.capturedAt()));
        if (src.breakpoint() != null) {
            prov.addPolicy("urn:hospital-continuity:breakpoint:" + src.breakpoint());
        }
        agent(prov, "enterer", "Enterer", ids.staff(), src.operator());
        agent(prov, "assembler", "Assembler", ids.kiosk(), src.kioskId());
        String provId = "dt-" + (record instanceof HisRecord.Amendment ? src.entryId() : record.recordId());
        prov.setId(provId); // a PUT's resource carries the id its absolute fullUrl names
        tx.addEntry().setFullUrl(baseUrl + "/Provenance/" + provId).setResource(prov).getRequest()
                .setMethod(Bundle.HTTPVerb.PUT).setUrl("Provenance/" + provId);
        return tx;
    }

    private static UUID replaces(HisRecord r) {
        if (r instanceof HisRecord.MedicationOrder m) {
            return m.replaces();
        }
        if (r instanceof HisRecord.ServiceOrder s) {
            return s.replaces();
        }
        if (r instanceof HisRecord.ExamsDone e) {
            return e.replaces();
        }
        if (r instanceof HisRecord.Dispense d) {
            return d.replaces();
        }
        if (r instanceof HisRecord.Charges c) {
            return c.replaces();
        }
        return null;
    }

    /** Adds the resources of {@code r} in {@code state}; an amendment updates them in place (conditional update). */
    private void resources(Bundle tx, HisRecord r, State state, List<Reference> targets, boolean update) {
        Reference subject = new Reference(r.subject().patientRef());
        Reference encounter = r.subject().encounterRef() == null ? null : new Reference(r.subject().encounterRef());
        DateTimeType at = time(r.source().capturedAt());
        Reference operator = new Reference().setIdentifier(id(ids.staff(), r.source().operator())).setDisplay(r.source().operator());
        if (r instanceof HisRecord.MedicationOrder m) {
            for (HisRecord.DrugOrderLine l : m.lines()) {
                MedicationRequest mr = new MedicationRequest();
                mr.addIdentifier(id(ids.line(), l.lineId().toString()));
                mr.setGroupIdentifier(id(ids.record(), m.recordId().toString()));
                mr.setStatus(state == State.VOIDED ? MedicationRequest.MedicationRequestStatus.ENTEREDINERROR
                        : state == State.CORRECTED ? MedicationRequest.MedicationRequestStatus.CANCELLED
                        : MedicationRequest.MedicationRequestStatus.ACTIVE);
                mr.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
                String category = switch (m.setting()) {
                    case INPATIENT -> "inpatient";
                    case DISCHARGE -> "discharge";
                    case OUTPATIENT -> "outpatient";
                };
                mr.addCategory(new CodeableConcept(new Coding(CATEGORY, category, null)));
                mr.setMedication(code(ids.drug(), l.hisCode(), l.name()));
                mr.setSubject(subject);
                mr.setEncounter(encounter);
                mr.setAuthoredOnElement(at);
                mr.setRequester(operator);
                if (m.diagnosis() != null) {
                    mr.addReasonCode().setText(m.diagnosis());
                }
                if (l.dose() != null || l.route() != null || l.frequency() != null) {
                    Dosage d = mr.addDosageInstruction().setText(String.join(" ", nonNull(l.dose(), l.route(), l.frequency())));
                    if (l.route() != null) {
                        d.setRoute(new CodeableConcept().setText(l.route()));
                    }
                }
                MedicationRequest.MedicationRequestDispenseRequestComponent dr = mr.getDispenseRequest().setQuantity(quantity(l.quantity(), l.unit()));
                if (l.days() != null) {
                    dr.setExpectedSupplyDuration((Duration) new Duration().setValue(l.days()).setUnit("d")
                            .setSystem("http://unitsofmeasure.org").setCode("d"));
                }
                targets.add(add(tx, mr, "MedicationRequest", ids.line(), l.lineId(), update));
            }
        } else if (r instanceof HisRecord.ServiceOrder s) {
            ServiceRequest sr = serviceRequest(s.recordId(), subject, encounter, at, operator);
            sr.setStatus(status(state, ServiceRequest.ServiceRequestStatus.ACTIVE));
            sr.addCategory().setText(switch (s.kind()) {
                case LAB -> "检验申请";
                case EXAM -> "检查申请";
                case ORDER -> "医嘱";
            });
            sr.setCode(new CodeableConcept().setText(s.content()));
            if (s.dischargeMark() != null && !"NONE".equals(s.dischargeMark())) {
                sr.addNote(new Annotation().setText("DISCHARGED".equals(s.dischargeMark()) ? "患者已出院" : "患者即将出院"));
            }
            targets.add(add(tx, sr, "ServiceRequest", ids.record(), s.recordId(), update));
        } else if (r instanceof HisRecord.ExamsDone e) {
            for (HisRecord.ChargeLine l : e.exams()) {
                ServiceRequest sr = serviceRequest(null, subject, encounter, at, operator);
                sr.addIdentifier(id(ids.line(), l.lineId().toString()));
                sr.setRequisition(id(ids.paperForm(), e.stubNumber()));
                sr.setStatus(status(state, ServiceRequest.ServiceRequestStatus.COMPLETED));
                sr.setCode(l.hisCode() == null ? new CodeableConcept().setText(l.name()) : code(ids.item(), l.hisCode(), l.name()));
                Reference req = add(tx, sr, "ServiceRequest", ids.line(), l.lineId(), update);
                targets.add(req);
                targets.add(chargeItem(tx, l, subject, encounter, at, state, update, req, null));
            }
        } else if (r instanceof HisRecord.Dispense d) {
            for (HisRecord.DispenseLine dl : d.lines()) {
                HisRecord.ChargeLine l = dl.line();
                MedicationDispense md = new MedicationDispense();
                md.addIdentifier(id(ids.line(), l.lineId().toString()));
                md.setStatus(state == State.CAPTURED ? MedicationDispense.MedicationDispenseStatus.COMPLETED
                        : MedicationDispense.MedicationDispenseStatus.ENTEREDINERROR);
                md.setMedication(code(ids.drug(), l.hisCode(), l.name()));
                md.setSubject(subject);
                md.setContext(encounter);
                md.setQuantity(quantity(l.quantity(), l.unit()));
                md.setWhenHandedOverElement(at);
                md.addPerformer().setActor(operator);
                if (dl.fillsLine() != null) {
                    // a logical reference: the order line this fills, by its identifier (written from another kiosk's record)
                    md.addAuthorizingPrescription(new Reference().setType("MedicationRequest").setIdentifier(id(ids.line(),
                            dl.fillsLine().toString())));
                }
                Reference disp = add(tx, md, "MedicationDispense", ids.line(), l.lineId(), update);
                targets.add(disp);
                targets.add(chargeItem(tx, l, subject, encounter, at, state, update, null, disp));
            }
        } else if (r instanceof HisRecord.Charges c) {
            for (HisRecord.ChargeLine l : c.lines()) {
                targets.add(chargeItem(tx, l, subject, encounter, at, state, update, null, null));
            }
        } else if (r instanceof HisRecord.Settlement s) {
            Account account = new Account();
            account.addIdentifier(id(ids.record(), s.recordId().toString()));
            if (s.inpatientNumber() != null) {
                account.addIdentifier(id(ids.inpatientNumber(), s.inpatientNumber()));
            }
            account.setStatus(state == State.CAPTURED ? Account.AccountStatus.INACTIVE : Account.AccountStatus.ENTEREDINERROR);
            account.setName("出院结算 " + (s.inpatientNumber() == null ? "" : s.inpatientNumber())).addSubject(subject);
            account.setServicePeriod(new Period().setEndElement(at));
            Reference acc = add(tx, account, "Account", ids.record(), s.recordId(), update);
            targets.add(acc);
            Invoice inv = invoice(s.invoiceNo(), s.recordId(), subject, at, state, Invoice.InvoiceStatus.ISSUED);
            inv.setAccount(acc);
            int seq = 1;
            for (HisRecord.ChargeLine l : s.lines()) {
                Reference ci = chargeItem(tx, l, subject, encounter, at, state, update, null, null);
                targets.add(ci);
                inv.addLineItem().setSequence(seq++).setChargeItem(ci);
            }
            inv.setTotalGross(FhirHisPort.money(s.totalFen()));
            inv.addTotalPriceComponent().setType(Invoice.InvoicePriceComponentType.DEDUCTION).setCode(new CodeableConcept().setText("预交金"))
                    .setAmount(FhirHisPort.money(s.depositFen()));
            inv.setTotalNet(FhirHisPort.money(s.balanceFen()));
            targets.add(add(tx, inv, "Invoice", ids.record(), s.recordId(), update));
        } else if (r instanceof HisRecord.IouExchange x) {
            Invoice inv = invoice(x.formalInvoiceNo(), x.recordId(), subject, at, state, Invoice.InvoiceStatus.BALANCED);
            int seq = 1;
            for (UUID line : x.chargeLines()) {
                inv.addLineItem().setSequence(seq++).setChargeItem(new Reference().setType("ChargeItem").setIdentifier(id(ids.line(),
                        line.toString())));
            }
            inv.setTotalGross(FhirHisPort.money(x.amountFen())).setTotalNet(FhirHisPort.money(x.amountFen()));
            inv.setPaymentTerms("白条换开正式发票（停机期间欠款已结清）");
            targets.add(add(tx, inv, "Invoice", ids.record(), x.recordId(), update));
        } else if (r instanceof HisRecord.AllergyNoted a) {
            AllergyIntolerance ai = new AllergyIntolerance();
            ai.addIdentifier(id(ids.record(), a.recordId().toString()));
            if (state == State.CAPTURED) {
                ai.setClinicalStatus(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active")));
                ai.setVerificationStatus(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "unconfirmed", "Unconfirmed")));
            } else {
                ai.setVerificationStatus(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "entered-in-error", "Entered in Error")));
            }
            ai.setCode(a.allergenCode() == null ? new CodeableConcept().setText(a.allergen())
                    : code(ids.drug(), a.allergenCode(), a.allergen()));
            ai.setPatient(subject);
            ai.setEncounter(encounter);
            ai.setRecordedDateElement(at);
            ai.setRecorder(operator);
            ai.setCriticality(switch (a.severity() == null ? "UNKNOWN" : a.severity()) {
                case "SEVERE" -> AllergyIntolerance.AllergyIntoleranceCriticality.HIGH;
                case "MILD", "MODERATE" -> AllergyIntolerance.AllergyIntoleranceCriticality.LOW;
                default -> AllergyIntolerance.AllergyIntoleranceCriticality.UNABLETOASSESS;
            });
            if (a.reaction() != null) {
                ai.addReaction().addManifestation().setText(a.reaction());
            }
            targets.add(add(tx, ai, "AllergyIntolerance", ids.record(), a.recordId(), update));
        } else if (r instanceof HisRecord.Amendment nested) {
            resources(tx, nested.original(), state, targets, true);
        }
    }

    private ServiceRequest serviceRequest(UUID record, Reference subject, Reference encounter, DateTimeType at, Reference operator) {
        ServiceRequest sr = new ServiceRequest();
        if (record != null) {
            sr.addIdentifier(id(ids.record(), record.toString()));
        }
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.setSubject(subject);
        sr.setEncounter(encounter);
        sr.setAuthoredOnElement(at);
        sr.setRequester(operator);
        return sr;
    }

    private static ServiceRequest.ServiceRequestStatus status(State state, ServiceRequest.ServiceRequestStatus captured) {
        return switch (state) {
            case CAPTURED -> captured;
            case VOIDED -> ServiceRequest.ServiceRequestStatus.ENTEREDINERROR;
            case CORRECTED -> ServiceRequest.ServiceRequestStatus.REVOKED;
        };
    }

    private Invoice invoice(String number, UUID record, Reference subject, DateTimeType at, State state, Invoice.InvoiceStatus status) {
        Invoice inv = new Invoice();
        inv.addIdentifier(id(ids.record(), record.toString()));
        if (number != null) {
            inv.addIdentifier(id(ids.invoice(), number));
        }
        inv.setStatus(state == State.CAPTURED ? status : Invoice.InvoiceStatus.ENTEREDINERROR);
        inv.setSubject(subject);
        inv.setDateElement(at);
        return inv;
    }

    private Reference chargeItem(Bundle tx, HisRecord.ChargeLine l, Reference subject, Reference encounter, DateTimeType at, State state,
                                 boolean update, Reference request, Reference dispense) {
        ChargeItem ci = new ChargeItem();
        ci.addIdentifier(id(ids.line(), l.lineId().toString()));
        ci.setStatus(state == State.CAPTURED ? ChargeItem.ChargeItemStatus.BILLABLE : ChargeItem.ChargeItemStatus.ENTEREDINERROR);
        ci.setCode(l.hisCode() == null ? new CodeableConcept().setText(l.name()) : code(l.drug() ? ids.drug() : ids.item(), l.hisCode(), l.name()));
        ci.setSubject(subject);
        ci.setContext(encounter);
        ci.setQuantity(quantity(l.quantity(), l.unit()));
        // the price as charged during the outage; a difference to the HIS's current price is flagged, not repriced
        ci.setPriceOverride(FhirHisPort.money(l.amountFen()));
        ci.setEnteredDateElement(at);
        if (dispense != null) {
            ci.addService(dispense);
        }
        if (request != null) {
            // R4's ChargeItem.service names what was performed (a procedure, an observation …), not a request: the exam
            // request this charge is for is supporting information
            ci.addSupportingInformation(request);
        }
        return add(tx, ci, "ChargeItem", ids.line(), l.lineId(), update);
    }

    private void agent(Provenance prov, String code, String display, String system, String value) {
        if (value == null) {
            return;
        }
        Provenance.ProvenanceAgentComponent a = prov.addAgent();
        a.setType(new CodeableConcept(new Coding(PARTICIPANT, code, display)));
        a.setWho(new Reference().setIdentifier(id(system, value)).setDisplay(value));
    }

    /** A conditional create on the business identifier, or (amendment) a conditional update of the resource it names. */
    private static Reference add(Bundle tx, Resource r, String type, String system, UUID value, boolean update) {
        String fullUrl = "urn:uuid:" + UUID.randomUUID();
        String condition = "identifier=" + URLEncoder.encode(system + "|" + value, StandardCharsets.UTF_8);
        Bundle.BundleEntryRequestComponent req = tx.addEntry().setFullUrl(fullUrl).setResource(r).getRequest();
        if (update) {
            req.setMethod(Bundle.HTTPVerb.PUT).setUrl(type + "?" + condition);
        } else {
            req.setMethod(Bundle.HTTPVerb.POST).setUrl(type).setIfNoneExist(type + "?" + condition);
        }
        return new Reference(fullUrl);
    }

    private DateTimeType time(Instant at) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(zone));
    }

    private static Quantity quantity(int value, String unit) {
        Quantity q = new Quantity().setValue(value);
        if (unit != null && !unit.isBlank()) {
            q.setUnit(unit);
        }
        return q;
    }

    private static CodeableConcept code(String system, String code, String name) {
        return new CodeableConcept(new Coding(system, code, name)).setText(name);
    }

    private static Identifier id(String system, String value) {
        return new Identifier().setSystem(system).setValue(value);
    }

    private static List<String> nonNull(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                out.add(p);
            }
        }
        return out;
    }
}
