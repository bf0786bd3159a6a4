package org.hospital.continuity.sync.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hospital.continuity.sync.contract.DowntimeRecord.AllergyNoted;
import org.hospital.continuity.sync.contract.DowntimeRecord.ChargeRecorded;
import org.hospital.continuity.sync.contract.DowntimeRecord.ChargesExecuted;
import org.hospital.continuity.sync.contract.DowntimeRecord.ClinicalFormCorrected;
import org.hospital.continuity.sync.contract.DowntimeRecord.ClinicalFormVoided;
import org.hospital.continuity.sync.contract.DowntimeRecord.DischargeSettled;
import org.hospital.continuity.sync.contract.DowntimeRecord.Dispensed;
import org.hospital.continuity.sync.contract.DowntimeRecord.DowntimeEntered;
import org.hospital.continuity.sync.contract.DowntimeRecord.DowntimeLeft;
import org.hospital.continuity.sync.contract.DowntimeRecord.InstructionAcknowledged;
import org.hospital.continuity.sync.contract.DowntimeRecord.ExamsRegistered;
import org.hospital.continuity.sync.contract.DowntimeRecord.InvoiceNumberSpoiled;
import org.hospital.continuity.sync.contract.DowntimeRecord.InvoiceVoided;
import org.hospital.continuity.sync.contract.DowntimeRecord.IouExchanged;
import org.hospital.continuity.sync.contract.DowntimeRecord.IouIssued;
import org.hospital.continuity.sync.contract.DowntimeRecord.OrderWritten;
import org.hospital.continuity.sync.contract.DowntimeRecord.PatientRegistered;
import org.hospital.continuity.sync.contract.DowntimeRecord.PrescriptionWritten;
import org.hospital.continuity.sync.contract.DowntimeRecord.RequisitionIssued;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.envelope.Utf8Text;

/**
 * The registry of {@link DowntimeRecord} kinds: which event type is which record type, on which streams, at which
 * position of its stream, and in which schema versions. Writes a record as the canonical JSON the content hash is
 * taken over (keys sorted, no insignificant white space, dates as ISO-8601, nulls written) and reads a journal
 * entry's payload back into its type, refusing what the contract does not hold with violations naming the field.
 */
public final class Contract {

    /** The clinical streams (one per form); voids and corrections may come on any of them. */
    public static final Set<String> CLINICAL_STREAMS = Set.of("prescription", "clinical-order", "requisition", "charge-execution",
            "exam-register", "dispense", "allergy");

    /** Where an event stands in its stream (HR-9: the first entry opens the record, later ones amend it). */
    public enum Position {
        /** Opens the record: stream version 1. */
        FIRST,
        /** The second entry exactly (an IOU's exchange, the end of a downtime episode). */
        SECOND,
        /** Any amendment: stream version 2 or later. */
        LATER
    }

    /**
     * One kind of record.
     *
     * @param eventType      the journal entry's {@code eventType}
     * @param streamTypes    the streams it may be written on
     * @param type           its record type (the newest version's shape; a {@link DowntimeRecord} for the kiosks' kinds)
     * @param position       where it stands in its stream
     * @param currentVersion the schema version a kiosk writes now
     * @param fieldsSince    fields added after version 1 and the version that added them (absent in older versions)
     */
    public record Kind(String eventType, Set<String> streamTypes, Class<? extends Record> type, Position position,
                       int currentVersion, Map<String, Integer> fieldsSince) {

        public Kind {
            streamTypes = Set.copyOf(streamTypes);
            fieldsSince = Map.copyOf(fieldsSince);
        }

        static <T extends Record & DowntimeRecord> Kind v1(String eventType, Class<T> type, Position position, String... streams) {
            return new Kind(eventType, Set.of(streams), type, position, 1, Map.of());
        }

        /** The payload's top-level fields in {@code version}. */
        public Set<String> fields(int version) {
            return Arrays.stream(type.getRecordComponents()).map(c -> c.getName())
                    .filter(f -> fieldsSince.getOrDefault(f, 1) <= version)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        /** The first stream type it may be written on (the only one, except for voids and corrections). */
        public String streamType() {
            return streamTypes.size() == 1 ? streamTypes.iterator().next() : null;
        }
    }

    /** What reading one entry gave. */
    public sealed interface Read {
    }

    /** The payload is a record of the contract. */
    public record Readable(Kind kind, Record value) implements Read {

        /** The record, for the kiosks' kinds. */
        public DowntimeRecord record() {
            return (DowntimeRecord) value;
        }
    }

    /** The payload cannot be read as the contract says: the violations name the fields. */
    public record Unreadable(List<Violation> violations) implements Read {
        public Unreadable {
            violations = List.copyOf(violations);
        }

        /** The violations in one line (for a workbench detail or a log). */
        public String summary() {
            return violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        }
    }

    /** The fields version 2 of the breakpoint records added (EP-6.1: who switched, who confirmed a phoned instruction). */
    private static final Map<String, Integer> MODE_V2 = Map.of("instructionNumber", 2, "requestedByName", 2, "confirmedBy", 2,
            "confirmedByName", 2, "itReview", 2);

    /** Every kind the kiosks write today. */
    public static final Contract CURRENT = new Contract(List.of(
            // version 2: the guardian of a child under 14 and the earlier registration it was filled from
            new Kind("PatientRegistered", Set.of("registration"), PatientRegistered.class, Position.FIRST, 2,
                    Map.of("guardianName", 2, "guardianPhone", 2, "previousRegistrationId", 2)),
            // version 2: the IOU slip's short number and the patient's insurance kept on the charge
            new Kind("ChargeRecorded", Set.of("charge"), ChargeRecorded.class, Position.FIRST, 2,
                    Map.of("iouNumber", 2, "insuranceType", 2, "insuranceCard", 2)),
            // version 2 (HR-9): the second person (a cashier lead) who approved the void at the kiosk, by account and name
            new Kind("InvoiceVoided", Set.of("charge"), InvoiceVoided.class, Position.LATER, 2,
                    Map.of("approvedBy", 2, "approvedByName", 2)),
            // version 2 (HR-9): the second person (a cashier lead) who approved spoiling the blank invoice, by account and name
            new Kind("InvoiceNumberSpoiled", Set.of("invoice-register"), InvoiceNumberSpoiled.class, Position.FIRST, 2,
                    Map.of("approvedBy", 2, "approvedByName", 2)),
            // version 2: the slip's short number (EP-4.4) and the patient's insurance
            new Kind("IouIssued", Set.of("iou"), IouIssued.class, Position.FIRST, 2,
                    Map.of("number", 2, "insuranceType", 2, "insuranceCard", 2)),
            Kind.v1("IouExchanged", IouExchanged.class, Position.SECOND, "iou"),
            Kind.v1("DischargeSettled", DischargeSettled.class, Position.FIRST, "discharge-settlement"),
            Kind.v1("PrescriptionWritten", PrescriptionWritten.class, Position.FIRST, "prescription"),
            Kind.v1("OrderWritten", OrderWritten.class, Position.FIRST, "clinical-order"),
            Kind.v1("RequisitionIssued", RequisitionIssued.class, Position.FIRST, "requisition"),
            Kind.v1("ChargesExecuted", ChargesExecuted.class, Position.FIRST, "charge-execution"),
            Kind.v1("ExamsRegistered", ExamsRegistered.class, Position.FIRST, "exam-register"),
            Kind.v1("Dispensed", Dispensed.class, Position.FIRST, "dispense"),
            Kind.v1("AllergyNoted", AllergyNoted.class, Position.FIRST, "allergy"),
            // version 2 (HR-9): the second person (a supervisor of the form's discipline) who approved the void or correction
            new Kind("ClinicalFormVoided", CLINICAL_STREAMS, ClinicalFormVoided.class, Position.LATER, 2,
                    Map.of("approvedBy", 2, "approvedByName", 2)),
            new Kind("ClinicalFormCorrected", CLINICAL_STREAMS, ClinicalFormCorrected.class, Position.LATER, 2,
                    Map.of("approvedBy", 2, "approvedByName", 2)),
            new Kind("DowntimeEntered", Set.of("mode"), DowntimeEntered.class, Position.FIRST, 2, MODE_V2),
            new Kind("DowntimeLeft", Set.of("mode"), DowntimeLeft.class, Position.SECOND, 2, MODE_V2),
            // EP-6.1: the acknowledgement given at the kiosk, journaled before the mode change (the server keeps it)
            Kind.v1("InstructionAcknowledged", InstructionAcknowledged.class, Position.FIRST, "instruction")));

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private final List<Kind> kinds;

    public Contract(List<Kind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    public List<Kind> kinds() {
        return kinds;
    }

    /** The kind of an event type. */
    public Optional<Kind> kind(String eventType) {
        return kinds.stream().filter(k -> k.eventType().equals(eventType)).findFirst();
    }

    /** The kind of a record type. */
    public Kind kindOf(DowntimeRecord record) {
        return kinds.stream().filter(k -> k.type() == record.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a kind of the contract: " + record.getClass().getSimpleName()));
    }

    /** The event type a kiosk journals {@code record} under. */
    public String eventType(DowntimeRecord record) {
        return kindOf(record).eventType();
    }

    /** The schema version a kiosk journals {@code record} with. */
    public int schemaVersion(DowntimeRecord record) {
        return kindOf(record).currentVersion();
    }

    /** The canonical JSON of a record (the text the content hash is taken over). */
    public static String write(Object record) {
        try {
            // through a tree so that nested maps are sorted too
            JsonNode tree = MAPPER.valueToTree(record);
            return MAPPER.writeValueAsString(MAPPER.treeToValue(tree, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The canonical JSON of a record as schema version {@code schemaVersion} of its kind holds it: the fields added in
     * later versions left out (for an entry journalled in an older version). Refuses a record whose later fields hold a
     * value, which that version cannot carry.
     */
    public String write(DowntimeRecord record, int schemaVersion) {
        Kind kind = kindOf(record);
        if (schemaVersion < 1 || schemaVersion > kind.currentVersion()) {
            throw new IllegalArgumentException(kind.eventType() + " has schema versions 1 to " + kind.currentVersion());
        }
        ObjectNode tree = MAPPER.valueToTree(record);
        kind.fieldsSince().forEach((field, since) -> {
            if (since > schemaVersion) {
                JsonNode value = tree.remove(field);
                if (value != null && !value.isNull()) {
                    throw new IllegalArgumentException(kind.eventType() + " version " + schemaVersion + " has no field " + field);
                }
            }
        });
        try {
            return MAPPER.writeValueAsString(MAPPER.treeToValue(tree, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The canonical form of any JSON text (golden files are compared in it). */
    public static String canonical(String json) {
        try {
            return MAPPER.writeValueAsString(MAPPER.treeToValue(MAPPER.readTree(json), Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /** The canonical mapper (for apps that write other journal payloads the same way). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads a journal entry (as stored) into its record, or says why it cannot be read. Never throws. */
    public Read read(JournalEntry e) {
        return read(e.streamType(), e.streamVersion(), e.eventType(), e.schemaVersion(), Utf8Text.of(e.payload()));
    }

    /**
     * Reads a payload into its record: the kind must be known, on one of its streams, at its position in the stream,
     * in a version this contract knows; the payload a JSON object with only the fields of that version, each of its type.
     * Never throws.
     */
    public Read read(String streamType, int streamVersion, String eventType, int schemaVersion, Utf8Text payload) {
        Optional<Kind> found = kind(eventType);
        if (found.isEmpty()) {
            return new Unreadable(List.of(new Violation("eventType", "not a kind of record this server knows: " + eventType)));
        }
        Kind kind = found.get();
        List<Violation> v = new ArrayList<>();
        if (!kind.streamTypes().contains(streamType)) {
            v.add(new Violation("streamType", eventType + " is written on " + String.join(" or ", kind.streamTypes().stream().sorted()
                    .toList()) + ", not " + streamType));
        }
        switch (kind.position()) {
            case FIRST -> {
                if (streamVersion != 1) {
                    v.add(new Violation("streamVersion", eventType + " opens its record: stream version 1"));
                }
            }
            case SECOND -> {
                if (streamVersion != 2) {
                    v.add(new Violation("streamVersion", eventType + " is the second entry of its record: stream version 2"));
                }
            }
            case LATER -> {
                if (streamVersion < 2) {
                    v.add(new Violation("streamVersion", eventType + " amends a record: stream version 2 or later"));
                }
            }
        }
        if (schemaVersion < 1 || schemaVersion > kind.currentVersion()) {
            v.add(new Violation("schemaVersion", eventType + " has schema versions 1 to " + kind.currentVersion()));
            return new Unreadable(v);
        }
        JsonNode tree;
        try {
            tree = payload.hasUtf8() ? MAPPER.readTree(payload.utf8()) : MAPPER.readTree(payload.toString());
        } catch (IOException ex) {
            v.add(new Violation("payload", "not JSON"));
            return new Unreadable(v);
        }
        if (tree == null || !tree.isObject()) {
            v.add(new Violation("payload", "must be a JSON object"));
            return new Unreadable(v);
        }
        Set<String> allowed = kind.fields(schemaVersion);
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                v.add(new Violation("payload." + name, "not a field of " + eventType + " version " + schemaVersion));
            }
        }
        for (java.lang.reflect.RecordComponent c : kind.type().getRecordComponents()) {
            if (c.getType().isPrimitive() && !tree.has(c.getName())) {
                v.add(new Violation("payload." + c.getName(), "is required"));
            }
        }
        if (!v.isEmpty()) {
            return new Unreadable(v);
        }
        try {
            return new Readable(kind, MAPPER.treeToValue(withLaterFields(kind, schemaVersion, (ObjectNode) tree), kind.type()));
        } catch (JsonMappingException ex) {
            return new Unreadable(List.of(new Violation("payload" + path(ex), "wrong type of value")));
        } catch (JsonProcessingException ex) {
            return new Unreadable(List.of(new Violation("payload", "wrong type of value")));
        } catch (RuntimeException ex) {
            return new Unreadable(List.of(new Violation("payload", "cannot be read")));
        }
    }

    /** Reads and checks the content ({@link ContentRules}): the record when it holds, else the violations. Never throws. */
    public Read check(String streamType, UUID streamId, int streamVersion, String eventType, int schemaVersion, Utf8Text payload,
                      Instant recordedAt) {
        return check(streamType, streamId, streamVersion, eventType, schemaVersion, payload, recordedAt, null);
    }

    /**
     * Reads and checks the content, and who made it: a record that carries a second person's approval (HR-9) in its
     * schema version must name an approver other than {@code actor}, the account that made the change (null: not known).
     */
    public Read check(String streamType, UUID streamId, int streamVersion, String eventType, int schemaVersion, Utf8Text payload,
                      Instant recordedAt, String actor) {
        Read read = read(streamType, streamVersion, eventType, schemaVersion, payload);
        if (read instanceof Readable r && r.value() instanceof DowntimeRecord record) {
            List<Violation> v = new ArrayList<>(ContentRules.check(record, streamId, recordedAt));
            if (record instanceof DowntimeRecord.Approved approved && r.kind().fields(schemaVersion).contains("approvedBy")) {
                ContentRules.approval(v, approved, actor);
            }
            return v.isEmpty() ? r : new Unreadable(v);
        }
        return read;
    }

    /** Reads and checks a stored entry (with its actor). */
    public Read check(JournalEntry e) {
        return check(e.streamType(), e.streamId(), e.streamVersion(), e.eventType(), e.schemaVersion(), Utf8Text.of(e.payload()),
                e.recordedAt(), e.actor());
    }

    /**
     * Fields added in later versions are absent from older payloads and read as null (so a field added later is never a
     * primitive). The canonical writer writes every field (null where it has no value); a reader takes an absent field
     * that may be null as null, and requires the primitive ones.
     */
    private static JsonNode withLaterFields(Kind kind, int version, ObjectNode tree) {
        ObjectNode copy = tree.deepCopy();
        kind.fieldsSince().forEach((field, since) -> {
            if (since > version && !copy.has(field)) {
                copy.putNull(field);
            }
        });
        return copy;
    }

    private static String path(JsonMappingException ex) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : ex.getPath()) {
            if (r.getFieldName() != null) {
                b.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contract c && Objects.equals(c.kinds, kinds);
    }

    @Override
    public int hashCode() {
        return kinds.hashCode();
    }
}
