package org.hospital.continuity.server.hisfeed.integration;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hospital.continuity.server.allergy.HisAllergies;
import org.hospital.continuity.server.integrity.VerifiedCatalogues;
import org.hospital.continuity.server.kiosk.HisReference;

/**
 * Reads the hospital's reference from the HIS over FHIR R4 (HAPI's generic client; blocking: call it on a worker):
 * <ul>
 *   <li>departments: Organization with a {@code urn:his:department} identifier;</li>
 *   <li>doctors: active PractitionerRole with its Practitioner and Organization;</li>
 *   <li>census: Encounter in progress of class IMP with its Patient, its Location (a bed, part of a ward) and its
 *   service provider (the department); 住院号 from the Encounter's (or the Patient's) inpatient-number identifier;</li>
 *   <li>outpatients of today: Encounter of class AMB whose period starts in the hospital day, not cancelled or entered in
 *   error, with its Patient, its service provider (the department) and its participant (the doctor registered with); 门诊号
 *   from the Encounter's (or the Patient's) outpatient-number identifier;</li>
 *   <li>allergies: active AllergyIntolerance of the census's patients (SNOMED 716186003: no known allergy);</li>
 *   <li>active orders: MedicationRequest in status active of the census's patients, with the prescriber;</li>
 *   <li>the MAR of the next 24 hours: MedicationAdministration of the census's patients due in the window, not yet given;</li>
 *   <li>price catalogue and drug dictionary: active ChargeItemDefinition, the code from its URL (the price list the
 *   write-back reads), a drug when its code is in {@code urn:his:drug}.</li>
 * </ul>
 * Every search reads every page. {@link #changedSince} asks the HIS whether anything of a resource type changed since
 * its own time of an earlier read ({@code _lastUpdated}), so an unchanged piece is not read again.
 */
public final class FhirReferenceReader {

    public static final String DEPARTMENT = "urn:his:department";
    public static final String PRACTITIONER = "urn:his:practitioner";
    public static final String PATIENT_ID = "urn:his:patient-id";
    public static final String INPATIENT_NUMBER = "urn:his:inpatient-number";
    public static final String OUTPATIENT_NUMBER = "urn:his:outpatient-number";
    public static final String NATIONAL_ID = "urn:oid:2.16.156.10011.1.1";
    public static final String ITEM = "urn:his:item";
    public static final String DRUG = "urn:his:drug";
    public static final String PRICE_LIST = "urn:his:price/";
    public static final String UNIT = "urn:his:extension:unit";
    public static final String SPECIFICATION = "urn:his:extension:specification";
    public static final String INSURANCE_CLASS = "urn:his:extension:insurance-class";
    public static final String CATEGORY = "urn:his:extension:category";
    public static final String NO_KNOWN_ALLERGY = "716186003";

    /** What a search read, with the HIS's own time of the answer (for later {@code _lastUpdated} questions). */
    public record Read<T>(List<T> entries, int total, Instant hisTime) {
    }

    /** The catalogue as read: the price catalogue's items and the drug dictionary's. */
    public record Catalogues(List<VerifiedCatalogues.Item> items, List<VerifiedCatalogues.Item> drugs, int total, Instant hisTime) {
    }

    /** The census, and each patient's resource reference to their HIS patient id (for the allergies). */
    public record Census(List<HisReference.Inpatient> inpatients, Map<String, String> patientIds, int total, Instant hisTime) {
    }

    private final IGenericClient client;
    private final int pageSize;

    public FhirReferenceReader(FhirContext fhir, String baseUrl, int pageSize) {
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // a busy HIS answers a whole census slowly; the write-back's link sets the same
        fhir.getRestfulClientFactory().setSocketTimeout(60_000);
        this.client = fhir.newRestfulGenericClient(baseUrl);
        this.pageSize = pageSize;
    }

    /** A feed wants the HIS's data as it is now, never a search result the HIS cached a minute ago. */
    private static final CacheControlDirective NO_CACHE = new CacheControlDirective().setNoCache(true);

    /** How many resources the HIS holds for a search (a deletion shows as a lower count). */
    public int count(String query) {
        Bundle b = client.search().byUrl(query + (query.contains("?") ? "&" : "?") + "_summary=count").cacheControl(NO_CACHE)
                .returnBundle(Bundle.class).execute();
        return b.getTotal();
    }

    /** True when the HIS changed any resource of these types after {@code since} (its own clock), or cannot say. */
    public boolean changedSince(Instant since, String... types) {
        for (String type : types) {
            Bundle b = client.search().byUrl(type + "?_lastUpdated=gt" + enc(since.toString()) + "&_summary=count")
                    .cacheControl(NO_CACHE).returnBundle(Bundle.class).execute();
            if (!b.hasTotal() || b.getTotal() > 0) {
                return true;
            }
        }
        return false;
    }

    public Read<HisReference.Department> departments() {
        Page page = all("Organization?identifier=" + enc(DEPARTMENT + "|"));
        List<HisReference.Department> out = new ArrayList<>();
        for (Resource r : page.matches) {
            Organization o = (Organization) r;
            identifier(o.getIdentifier(), DEPARTMENT).ifPresent(code -> out.add(new HisReference.Department(code,
                    o.hasName() ? o.getName() : code)));
        }
        return new Read<>(out, page.matches.size(), page.hisTime);
    }

    public Read<HisReference.Doctor> doctors() {
        Page page = all("PractitionerRole?active=true&_include=PractitionerRole:practitioner&_include=PractitionerRole:organization");
        Map<String, HisReference.Doctor> out = new LinkedHashMap<>();
        for (Resource r : page.matches) {
            PractitionerRole role = (PractitionerRole) r;
            Resource p = page.included(role.getPractitioner());
            Resource o = page.included(role.getOrganization());
            if (!(p instanceof Practitioner practitioner) || !(o instanceof Organization org)) {
                continue;
            }
            Optional<String> department = identifier(org.getIdentifier(), DEPARTMENT);
            if (department.isEmpty() || practitioner.getName().isEmpty()) {
                continue;
            }
            String code = identifier(practitioner.getIdentifier(), PRACTITIONER).orElse(practitioner.getIdElement().getIdPart());
            String title = role.getCode().isEmpty() ? null : text(role.getCodeFirstRep());
            out.putIfAbsent(code, new HisReference.Doctor(cut(code, 40), cut(name(practitioner.getNameFirstRep()), 100), department.get(),
                    cut(title, 40)));
        }
        return new Read<>(new ArrayList<>(out.values()), page.matches.size(), page.hisTime);
    }

    public Census census() {
        Page page = all("Encounter?status=in-progress&class=IMP&_include=Encounter:subject&_include=Encounter:location"
                + "&_include=Encounter:service-provider&_include:iterate=Location:partof&_include:iterate=Location:organization");
        Map<String, HisReference.Inpatient> out = new LinkedHashMap<>();
        Map<String, String> patientIds = new HashMap<>();
        for (Resource r : page.matches) {
            Encounter e = (Encounter) r;
            if (!(page.included(e.getSubject()) instanceof Patient patient)) {
                continue;
            }
            String patientId = identifier(patient.getIdentifier(), PATIENT_ID).orElse(patient.getIdElement().getIdPart());
            Location bed = null;
            Location ward = null;
            for (Encounter.EncounterLocationComponent l : e.getLocation()) {
                if (l.getStatus() == Encounter.EncounterLocationStatus.COMPLETED) {
                    continue;
                }
                if (page.included(l.getLocation()) instanceof Location loc) {
                    if (isType(loc, "wa")) {
                        ward = loc;
                    } else {
                        bed = loc;
                    }
                }
            }
            if (ward == null && bed != null && page.included(bed.getPartOf()) instanceof Location parent) {
                ward = parent;
            }
            String department = page.included(e.getServiceProvider()) instanceof Organization o ? identifier(o.getIdentifier(), DEPARTMENT).orElse(null)
                    : null;
            if (department == null && ward != null && page.included(ward.getManagingOrganization()) instanceof Organization o) {
                department = identifier(o.getIdentifier(), DEPARTMENT).orElse(null);
            }
            if (department == null) {
                continue;
            }
            String inpatientNumber = identifier(e.getIdentifier(), INPATIENT_NUMBER)
                    .or(() -> identifier(patient.getIdentifier(), INPATIENT_NUMBER)).orElse(null);
            String phone = patient.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                    .map(ContactPoint::getValue).findFirst().orElse(null);
            String sex = patient.getGender() == null ? null : switch (patient.getGender()) {
                case MALE -> "M";
                case FEMALE -> "F";
                default -> null;
            };
            LocalDate birth = patient.hasBirthDate() ? LocalDate.parse(patient.getBirthDateElement().getValueAsString().substring(0, 10)) : null;
            patientIds.put(ref(patient), patientId);
            out.put(patientId, new HisReference.Inpatient(cut(patientId, 40), cut(inpatientNumber, 40),
                    cut(patient.getName().isEmpty() ? patientId : name(patient.getNameFirstRep()), 100), sex, birth,
                    identifier(patient.getIdentifier(), NATIONAL_ID).filter(v -> v.length() <= 18).orElse(null), cut(phone, 20), department,
                    ward == null ? null : cut(ward.getName(), 40), bed == null ? null : cut(bed.getName(), 20)));
        }
        return new Census(new ArrayList<>(out.values()), patientIds, page.matches.size(), page.hisTime);
    }

    /** The search of the outpatient encounters registered in [{@code from}, {@code to}) (the hospital day). */
    public static String outpatientQuery(Instant from, Instant to) {
        return "Encounter?class=AMB&date=ge" + enc(from.toString()) + "&date=lt" + enc(to.toString());
    }

    /**
     * Today's outpatients: the registrations (Encounter class AMB) whose period starts in [{@code from}, {@code to}), not
     * cancelled or entered in error, with the patient, the department and the doctor (the first participant that is a
     * Practitioner; none for a department registration). A registration whose department is unknown is skipped.
     */
    public Read<HisReference.Outpatient> outpatients(Instant from, Instant to) {
        Page page = all(outpatientQuery(from, to) + "&_include=Encounter:subject&_include=Encounter:service-provider&_include=Encounter:participant");
        List<HisReference.Outpatient> out = new ArrayList<>();
        for (Resource r : page.matches) {
            Encounter e = (Encounter) r;
            if (e.getStatus() == Encounter.EncounterStatus.CANCELLED || e.getStatus() == Encounter.EncounterStatus.ENTEREDINERROR) {
                continue;
            }
            Instant start = e.hasPeriod() && e.getPeriod().hasStart() ? e.getPeriod().getStart().toInstant() : null;
            if (start == null || start.isBefore(from) || !start.isBefore(to)) {
                continue;
            }
            if (!(page.included(e.getSubject()) instanceof Patient patient)) {
                continue;
            }
            String department = page.included(e.getServiceProvider()) instanceof Organization o ? identifier(o.getIdentifier(), DEPARTMENT).orElse(null)
                    : null;
            if (department == null) {
                continue;
            }
            Practitioner doctor = null;
            for (Encounter.EncounterParticipantComponent p : e.getParticipant()) {
                if (page.included(p.getIndividual()) instanceof Practitioner d) {
                    doctor = d;
                    break;
                }
            }
            String patientId = identifier(patient.getIdentifier(), PATIENT_ID).orElse(patient.getIdElement().getIdPart());
            String number = identifier(e.getIdentifier(), OUTPATIENT_NUMBER).or(() -> identifier(patient.getIdentifier(), OUTPATIENT_NUMBER))
                    .orElse(null);
            String doctorCode = doctor == null ? null : identifier(doctor.getIdentifier(), PRACTITIONER).orElse(doctor.getIdElement().getIdPart());
            String doctorName = doctor == null || doctor.getName().isEmpty() ? null : name(doctor.getNameFirstRep());
            out.add(new HisReference.Outpatient(cut("Encounter/" + e.getIdElement().getIdPart(), 64), cut(patientId, 40), cut(number, 40),
                    cut(patient.getName().isEmpty() ? patientId : name(patient.getNameFirstRep()), 100), sex(patient), birth(patient),
                    identifier(patient.getIdentifier(), NATIONAL_ID).filter(v -> v.length() <= 18).orElse(null), cut(phone(patient), 20),
                    department, cut(doctorCode, 40), cut(doctorName, 100), start));
        }
        return new Read<>(out, page.matches.size(), page.hisTime);
    }

    private static String sex(Patient patient) {
        return patient.getGender() == null ? null : switch (patient.getGender()) {
            case MALE -> "M";
            case FEMALE -> "F";
            default -> null;
        };
    }

    private static LocalDate birth(Patient patient) {
        return patient.hasBirthDate() ? LocalDate.parse(patient.getBirthDateElement().getValueAsString().substring(0, 10)) : null;
    }

    private static String phone(Patient patient) {
        return patient.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                .map(ContactPoint::getValue).findFirst().orElse(null);
    }

    /** The active allergies of these patients (resource reference → HIS patient id), asked 50 patients at a time. */
    public Read<HisAllergies.Entry> allergies(Map<String, String> patientIds) {
        List<HisAllergies.Entry> out = new ArrayList<>();
        List<String> refs = new ArrayList<>(patientIds.keySet());
        Instant hisTime = null;
        int total = 0;
        for (int from = 0; from < refs.size(); from += 50) {
            Page page = all("AllergyIntolerance?patient=" + enc(String.join(",", refs.subList(from, Math.min(refs.size(), from + 50)))));
            hisTime = hisTime == null ? page.hisTime : hisTime;
            total += page.matches.size();
            for (Resource r : page.matches) {
                AllergyIntolerance a = (AllergyIntolerance) r;
                if (a.hasClinicalStatus() && !"active".equals(a.getClinicalStatus().getCodingFirstRep().getCode())) {
                    continue;
                }
                if (a.hasVerificationStatus() && "entered-in-error".equals(a.getVerificationStatus().getCodingFirstRep().getCode())) {
                    continue;
                }
                String patientId = patientIds.get(normal(a.getPatient().getReference()));
                if (patientId == null) {
                    continue;
                }
                Coding coding = a.getCode().getCodingFirstRep();
                if (NO_KNOWN_ALLERGY.equals(coding.getCode())) {
                    out.add(new HisAllergies.Entry(patientId, null, null, null, "NONE"));
                    continue;
                }
                String reaction = a.getReaction().isEmpty() || a.getReactionFirstRep().getManifestation().isEmpty() ? null
                        : text(a.getReactionFirstRep().getManifestationFirstRep());
                out.add(new HisAllergies.Entry(patientId, cut(coding.getCode(), 40), cut(text(a.getCode()), 100), cut(reaction, 200), severity(a)));
            }
        }
        return new Read<>(out, total, hisTime);
    }

    /**
     * The active medication orders (MedicationRequest, status active) of these patients (resource reference → HIS patient
     * id), asked 50 patients at a time: the drug, dose, route, frequency, when and by whom it was ordered.
     */
    public Read<HisReference.Order> orders(Map<String, String> patientIds) {
        List<HisReference.Order> out = new ArrayList<>();
        List<String> refs = new ArrayList<>(patientIds.keySet());
        Instant hisTime = null;
        int total = 0;
        for (int from = 0; from < refs.size(); from += 50) {
            Page page = all("MedicationRequest?status=active&patient=" + enc(String.join(",", refs.subList(from, Math.min(refs.size(), from + 50))))
                    + "&_include=MedicationRequest:requester");
            hisTime = hisTime == null ? page.hisTime : hisTime;
            total += page.matches.size();
            for (Resource r : page.matches) {
                MedicationRequest m = (MedicationRequest) r;
                String patientId = patientIds.get(normal(m.getSubject().getReference()));
                String drug = m.hasMedicationCodeableConcept() ? text(m.getMedicationCodeableConcept()) : null;
                if (patientId == null || drug == null) {
                    continue;
                }
                Dosage d = m.getDosageInstruction().isEmpty() ? null : m.getDosageInstructionFirstRep();
                String prescriber = page.included(m.getRequester()) instanceof Practitioner p && !p.getName().isEmpty()
                        ? name(p.getNameFirstRep()) : m.getRequester().getDisplay();
                String note = m.getNote().isEmpty() ? null : m.getNoteFirstRep().getText();
                out.add(new HisReference.Order(cut("MedicationRequest/" + m.getIdElement().getIdPart(), 64), patientId, cut(drug, 200),
                        cut(dose(d), 100), cut(d == null || !d.hasRoute() ? null : text(d.getRoute()), 60), cut(frequency(d), 100),
                        m.hasAuthoredOn() ? m.getAuthoredOn().toInstant() : null, cut(prescriber, 100), cut(note, 300)));
            }
        }
        return new Read<>(out, total, hisTime);
    }

    /**
     * The MAR of the next 24 hours: administrations of these patients planned in [{@code from}, {@code to}]
     * (MedicationAdministration whose effective time falls in the window and that is not yet given: R4 has no "planned"
     * status, so in-progress, on-hold and unknown count as planned; completed, not-done, stopped and entered-in-error do not).
     */
    public Read<HisReference.Administration> administrations(Map<String, String> patientIds, Instant from, Instant to) {
        List<HisReference.Administration> out = new ArrayList<>();
        List<String> refs = new ArrayList<>(patientIds.keySet());
        Instant hisTime = null;
        int total = 0;
        for (int at = 0; at < refs.size(); at += 50) {
            Page page = all("MedicationAdministration?patient=" + enc(String.join(",", refs.subList(at, Math.min(refs.size(), at + 50))))
                    + "&effective-time=ge" + enc(from.toString()) + "&effective-time=le" + enc(to.toString())
                    + "&_include=MedicationAdministration:request");
            hisTime = hisTime == null ? page.hisTime : hisTime;
            total += page.matches.size();
            for (Resource r : page.matches) {
                MedicationAdministration a = (MedicationAdministration) r;
                String status = a.hasStatus() ? a.getStatus().toCode() : "unknown";
                if (!List.of("in-progress", "on-hold", "unknown").contains(status)) {
                    continue;
                }
                String patientId = patientIds.get(normal(a.getSubject().getReference()));
                Instant due = a.hasEffectiveDateTimeType() ? a.getEffectiveDateTimeType().getValue().toInstant()
                        : a.hasEffectivePeriod() && a.getEffectivePeriod().hasStart() ? a.getEffectivePeriod().getStart().toInstant() : null;
                MedicationRequest order = page.included(a.getRequest()) instanceof MedicationRequest m ? m : null;
                String drug = a.hasMedicationCodeableConcept() ? text(a.getMedicationCodeableConcept())
                        : order != null && order.hasMedicationCodeableConcept() ? text(order.getMedicationCodeableConcept()) : null;
                if (patientId == null || due == null || drug == null || due.isBefore(from) || due.isAfter(to)) {
                    continue;
                }
                Dosage od = order == null || order.getDosageInstruction().isEmpty() ? null : order.getDosageInstructionFirstRep();
                MedicationAdministration.MedicationAdministrationDosageComponent ad = a.hasDosage() ? a.getDosage() : null;
                String dose = ad != null && ad.hasDose() ? quantity(ad.getDose()) : ad != null && ad.hasText() ? ad.getText() : dose(od);
                String route = ad != null && ad.hasRoute() ? text(ad.getRoute()) : od != null && od.hasRoute() ? text(od.getRoute()) : null;
                String orderId = a.hasRequest() && a.getRequest().hasReference() ? normal(a.getRequest().getReference()) : null;
                out.add(new HisReference.Administration(cut("MedicationAdministration/" + a.getIdElement().getIdPart(), 64), patientId,
                        cut(orderId, 64), cut(drug, 200), cut(dose, 100), cut(route, 60), due));
            }
        }
        return new Read<>(out, total, hisTime);
    }

    private static String dose(Dosage d) {
        if (d == null) {
            return null;
        }
        for (Dosage.DosageDoseAndRateComponent dr : d.getDoseAndRate()) {
            if (dr.hasDoseQuantity()) {
                return quantity(dr.getDoseQuantity());
            }
        }
        return d.hasText() ? d.getText() : null;
    }

    private static String quantity(org.hl7.fhir.r4.model.Quantity q) {
        if (!q.hasValue()) {
            return null;
        }
        return q.getValue().stripTrailingZeros().toPlainString() + (q.hasUnit() ? q.getUnit() : q.hasCode() ? q.getCode() : "");
    }

    /** The frequency as the HIS wrote it (timing code text, e.g. 每日两次), else its repeat in words. */
    private static String frequency(Dosage d) {
        if (d == null || !d.hasTiming()) {
            return d != null && d.hasText() ? d.getText() : null;
        }
        var t = d.getTiming();
        if (t.hasCode()) {
            return text(t.getCode());
        }
        if (t.hasRepeat() && t.getRepeat().hasFrequency() && t.getRepeat().hasPeriod() && t.getRepeat().hasPeriodUnit()) {
            String unit = switch (t.getRepeat().getPeriodUnit()) {
                case H -> "小时";
                case D -> "日";
                case WK -> "周";
                default -> null;
            };
            if (unit != null) {
                String period = t.getRepeat().getPeriod().stripTrailingZeros().toPlainString();
                return ("1".equals(period) ? "每" : "每" + period) + unit + t.getRepeat().getFrequency() + "次";
            }
        }
        return d.hasText() ? d.getText() : null;
    }

    public Catalogues catalogues() {
        Page page = all("ChargeItemDefinition?status=active");
        Map<String, VerifiedCatalogues.Item> items = new LinkedHashMap<>();
        Map<String, VerifiedCatalogues.Item> drugs = new LinkedHashMap<>();
        for (Resource r : page.matches) {
            ChargeItemDefinition d = (ChargeItemDefinition) r;
            if (!d.hasUrl() || !d.getUrl().startsWith(PRICE_LIST)) {
                continue;
            }
            String code = d.getUrl().substring(PRICE_LIST.length());
            Optional<Long> fen = d.getPropertyGroup().stream().flatMap(g -> g.getPriceComponent().stream())
                    .filter(c -> c.hasAmount() && c.getAmount().hasValue())
                    .map(c -> c.getAmount().getValue().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact()).findFirst();
            if (code.isBlank() || code.length() > 40 || fen.isEmpty()) {
                continue;
            }
            boolean drug = d.getCode().getCoding().stream().anyMatch(c -> DRUG.equals(c.getSystem()));
            String name = d.hasTitle() ? d.getTitle() : d.hasCode() ? text(d.getCode()) : code;
            VerifiedCatalogues.Item item = new VerifiedCatalogues.Item(code, cut(name, 200), cut(extension(d, SPECIFICATION), 200),
                    cut(Optional.ofNullable(extension(d, UNIT)).orElse(drug ? "个" : "次"), 40), fen.get(), cut(extension(d, INSURANCE_CLASS), 20),
                    cut(extension(d, CATEGORY), 100));
            (drug ? drugs : items).putIfAbsent(code, item);
        }
        return new Catalogues(new ArrayList<>(items.values()), new ArrayList<>(drugs.values()), page.matches.size(), page.hisTime);
    }

    private static String severity(AllergyIntolerance a) {
        for (AllergyIntolerance.AllergyIntoleranceReactionComponent r : a.getReaction()) {
            if (r.hasSeverity()) {
                return switch (r.getSeverity()) {
                    case MILD -> "MILD";
                    case MODERATE -> "MODERATE";
                    case SEVERE -> "SEVERE";
                    default -> "UNKNOWN";
                };
            }
        }
        if (a.hasCriticality()) {
            return switch (a.getCriticality()) {
                case HIGH -> "SEVERE";
                case LOW -> "MILD";
                default -> "UNKNOWN";
            };
        }
        return "UNKNOWN";
    }

    private static boolean isType(Location l, String code) {
        return l.getPhysicalType().getCoding().stream().anyMatch(c -> code.equals(c.getCode()));
    }

    private static String extension(ChargeItemDefinition d, String url) {
        Extension e = d.getExtensionByUrl(url);
        return e == null || e.getValue() == null ? null : e.getValue().primitiveValue();
    }

    private static Optional<String> identifier(List<Identifier> ids, String system) {
        return ids.stream().filter(i -> system.equals(i.getSystem()) && i.hasValue()).map(Identifier::getValue).findFirst();
    }

    private static String text(CodeableConcept c) {
        if (c.hasText()) {
            return c.getText();
        }
        return c.getCoding().stream().map(x -> x.hasDisplay() ? x.getDisplay() : x.getCode()).filter(x -> x != null).findFirst().orElse(null);
    }

    private static String name(HumanName n) {
        if (n.hasText()) {
            return n.getText();
        }
        return (n.hasFamily() ? n.getFamily() : "") + n.getGivenAsSingleString().replace(" ", "");
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }

    private static String ref(Resource r) {
        return r.fhirType() + "/" + r.getIdElement().getIdPart();
    }

    /** "Patient/12" from a relative or absolute reference, without its version. */
    static String normal(String reference) {
        if (reference == null) {
            return null;
        }
        String s = reference;
        int h = s.indexOf("/_history");
        if (h >= 0) {
            s = s.substring(0, h);
        }
        String[] parts = s.split("/");
        return parts.length < 2 ? s : parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every page of a search: its matches, its included resources by reference, and the HIS's time of the first page. */
    private Page all(String query) {
        Bundle b = client.search().byUrl(query + (query.contains("?") ? "&" : "?") + "_count=" + pageSize).cacheControl(NO_CACHE)
                .returnBundle(Bundle.class).execute();
        Page page = new Page(b.getMeta().hasLastUpdated() ? b.getMeta().getLastUpdated().toInstant() : Instant.now());
        while (true) {
            for (Bundle.BundleEntryComponent e : b.getEntry()) {
                Resource r = e.getResource();
                if (r == null) {
                    continue;
                }
                if (e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE) {
                    page.included.put(ref(r), r);
                } else {
                    page.matches.add(r);
                    page.included.put(ref(r), r);
                }
            }
            if (b.getLink(Bundle.LINK_NEXT) == null) {
                return page;
            }
            b = client.loadPage().next(b).execute();
        }
    }

    private static final class Page {
        final List<Resource> matches = new ArrayList<>();
        final Map<String, Resource> included = new HashMap<>();
        final Instant hisTime;

        Page(Instant hisTime) {
            this.hisTime = hisTime;
        }

        Resource included(Reference reference) {
            return reference == null || !reference.hasReference() ? null : included.get(normal(reference.getReference()));
        }
    }
}
