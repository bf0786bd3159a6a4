package org.hospital.continuity.server.writeback.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds {@link VisitDraft}s from synced journal entries with the kiosk's payloads:
 * {@code registration/PatientRegistered} opens a visit (its registration fee is the first line) and
 * {@code charge/ChargeRecorded} adds priced lines to the visit named by {@code registrationId}. A charge
 * voided later ({@code InvoiceVoided}, a newer version of the charge stream) contributes nothing (HR-9).
 * Charges without a registration of this incident are returned apart, for the workbench.
 */
public final class DowntimeRecords {

    /** The drafts in capture order, and charges whose registration is not among the entries. */
    public record Assembled(List<VisitDraft> drafts, List<JournalEntry> orphanCharges) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private DowntimeRecords() {
    }

    public static Assembled assemble(String incident, List<JournalEntry> entries) {
        List<JournalEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingLong(JournalEntry::hlc).thenComparing(JournalEntry::kioskId)
                .thenComparingLong(JournalEntry::kioskSeq));
        Map<UUID, VisitDraft> visits = new LinkedHashMap<>();
        Map<UUID, JournalEntry> charges = new LinkedHashMap<>();
        java.util.Set<UUID> voided = new java.util.HashSet<>();
        for (JournalEntry e : ordered) {
            if ("registration".equals(e.streamType()) && "PatientRegistered".equals(e.eventType())) {
                JsonNode p = read(e);
                PatientFacts facts = new PatientFacts(e.streamId().toString(), text(p, "name"), Sex.parse(text(p, "sex")),
                        p.hasNonNull("birthDate") ? LocalDate.parse(p.get("birthDate").asText()) : null, text(p, "phone"),
                        text(p, "idNumber"));
                List<VisitDraft.Line> lines = new ArrayList<>();
                if (p.hasNonNull("feeItemCode")) {
                    lines.add(new VisitDraft.Line(UUID.nameUUIDFromBytes((e.streamId() + ":fee").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                            "FEE", text(p, "feeItemCode"), text(p, "feeItemName"), 1, p.path("feeFen").asLong(), false));
                }
                visits.put(e.streamId(), new VisitDraft(e.streamId(), incident, e.kioskId(), text(p, "patientNumber"), facts,
                        text(p, "departmentCode"), text(p, "doctorCode"), e.recordedAt(), e.actor(), text(p, "paperFormId"), lines));
            } else if ("charge".equals(e.streamType()) && "ChargeRecorded".equals(e.eventType())) {
                charges.put(e.streamId(), e);
            } else if ("charge".equals(e.streamType()) && "InvoiceVoided".equals(e.eventType())) {
                voided.add(e.streamId());
            }
        }
        List<JournalEntry> orphans = new ArrayList<>();
        for (JournalEntry c : charges.values()) {
            if (voided.contains(c.streamId())) {
                continue;
            }
            JsonNode p = read(c);
            String reg = text(p, "registrationId");
            VisitDraft v = reg == null ? null : visits.get(UUID.fromString(reg));
            if (v == null) {
                orphans.add(c);
                continue;
            }
            List<VisitDraft.Line> lines = new ArrayList<>();
            int i = 0;
            for (JsonNode l : p.path("lines")) {
                String kind = text(l, "kind");
                lines.add(new VisitDraft.Line(UUID.nameUUIDFromBytes((c.streamId() + ":" + i++).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        kind, text(l, "code"), text(l, "name"), l.path("quantity").asInt(), l.path("unitPriceFen").asLong(),
                        // a charge at the cashier during the outage is followed by the pharmacy's dispense (EP-6.7.5)
                        "DRUG".equals(kind)));
            }
            visits.put(v.visitId(), v.plus(lines));
        }
        return new Assembled(new ArrayList<>(visits.values()), orphans);
    }

    private static JsonNode read(JournalEntry e) {
        try {
            return JSON.readTree(e.payload());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
