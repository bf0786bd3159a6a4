package org.hospital.continuity.server.writeback.link;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hospital.continuity.server.writeback.integration.Er7;

/**
 * A small HIS that speaks HL7 v2.5.1 over MLLP (HAPI's own MLLP server, in-process on a free port), for the HL7 v2 link's
 * tests: it keeps patients (seeded, or created by ADT^A04 with a new HIS id), stores every message it accepts, indexes the
 * business ids (ORC-2, OBR-2, RXD-7, FT1-2, IAM-7) with the status the last message gave them, answers a message whose
 * control id it has seen with AE 205 (duplicate), a message for an unknown patient with AE 204, QBP^Q22 with RSP^K22 pages
 * (QAK-4 hit count, DSC continuation), and can be told to answer the next messages AE/AR, to cap its lists or to give no
 * counts.
 */
public final class MllpTestHis implements AutoCloseable {

    /** A patient the HIS holds. */
    public record Patient(String mr, String family, String given, String sex, LocalDate birthDate, String phone, String nationalId,
                          Set<String> ids, Set<String> stays) {
    }

    private final HapiContext context = new DefaultHapiContext();
    private final HL7Service server;
    private final int port;
    private final Map<String, Patient> patients = new LinkedHashMap<>();
    private final List<String> stored = new ArrayList<>();
    private final Set<String> controlIds = new HashSet<>();
    private final Map<String, String> status = new HashMap<>();
    private final List<String[]> forced = new ArrayList<>();
    private int nextMr = 1000;
    private int cap = Integer.MAX_VALUE;
    private boolean counts = true;
    private int received;

    public MllpTestHis() {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        context.setExecutorService(java.util.concurrent.Executors.newCachedThreadPool());
        context.getParserConfiguration().setValidating(false);
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.setLowerLayerProtocol(new MinLowerLayerProtocol(true));
        server = context.newServer(port, false);
        server.registerApplication(new ReceivingApplication<Message>() {
            @Override
            public Message processMessage(Message in, Map<String, Object> metadata) {
                try {
                    return context.getPipeParser().parse(answer(in.encode()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean canProcess(Message in) {
                return true;
            }
        });
        try {
            server.startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.stopAndWait();
        try {
            context.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    /** Forgets everything (between tests). */
    public synchronized void reset() {
        patients.clear();
        stored.clear();
        controlIds.clear();
        status.clear();
        forced.clear();
        cap = Integer.MAX_VALUE;
        counts = true;
        received = 0;
    }

    /** Puts a patient into the HIS; answers its HIS id. */
    public synchronized String seed(String family, String given, String sex, LocalDate birth, String phone, String nationalId, String... stays) {
        return seedAs("H" + (nextMr++), family, given, sex, birth, phone, nationalId, stays);
    }

    /** Puts a patient into the HIS under a given HIS id. */
    public synchronized String seedAs(String mr, String family, String given, String sex, LocalDate birth, String phone, String nationalId,
                                      String... stays) {
        Set<String> ids = new HashSet<>();
        ids.add(mr + "|HIS");
        if (nationalId != null) {
            ids.add(nationalId + "|NNCHN");
        }
        patients.put(mr, new Patient(mr, family, given, sex, birth, phone, nationalId, ids, new HashSet<>(List.of(stays))));
        return mr;
    }

    /** The next messages (not queries) are answered with this acknowledgement code and ERR (condition code, segment, field, text). */
    public synchronized void answerNext(String ackCode, String condition, String segment, int field, String text) {
        forced.add(new String[] {ackCode, condition, segment, Integer.toString(field), text});
    }

    /** Lists are cut after this many hits (the rest is never sent, QAK-6 says some remain). */
    public synchronized void capListsAt(int hits) {
        cap = hits;
    }

    /** RSP^K22 without QAK-4 (a HIS that does not count). */
    public synchronized void withoutCounts() {
        counts = false;
    }

    public synchronized boolean holds(String businessId) {
        return status.containsKey(businessId);
    }

    /** The status the HIS gives a business id ({@code active}, {@code completed}, {@code entered-in-error}, {@code revoked} …). */
    public synchronized String status(String businessId) {
        return status.get(businessId);
    }

    /** Messages stored (accepted, not duplicates) plus patients held. */
    public synchronized long count() {
        return stored.size() + patients.size();
    }

    /** Charged lines the HIS holds (distinct FT1-2 transaction ids of charges, CG). */
    public synchronized long chargeLines() {
        return stored.stream().flatMap(m -> Er7.Read.of(m).all("FT1").stream())
                .filter(f -> "CG".equals(Er7.Read.comp(Er7.Read.field(f, 6), 1)))
                .map(f -> Er7.Read.comp(Er7.Read.field(f, 2), 1)).distinct().count();
    }

    public synchronized List<String> stored() {
        return List.copyOf(stored);
    }

    /** Messages received (queries included): what the link sent. */
    public synchronized int received() {
        return received;
    }

    public synchronized List<Patient> patients() {
        return List.copyOf(patients.values());
    }

    // ---- answering ----------------------------------------------------------------------------------------

    private synchronized String answer(String er7) {
        received++;
        Er7.Read m = Er7.Read.of(er7);
        String type = m.value("MSH", 9, 1) + "^" + m.value("MSH", 9, 2);
        String control = m.value("MSH", 10, 1);
        if (type.equals("QBP^Q22")) {
            return query(m, control);
        }
        if (!forced.isEmpty()) {
            String[] f = forced.remove(0);
            return ack(type, control, f[0], f[1], f[2], Integer.parseInt(f[3]), f[4]);
        }
        if (!controlIds.add(control)) {
            return ack(type, control, "AE", "205", "MSH", 10, "重复消息");
        }
        Patient p = resolve(Er7.Read.reps(m.first("PID"), 3), type.equals("ADT^A04"), m.first("PID"));
        if (p == null) {
            controlIds.remove(control);
            return ack(type, control, "AE", "204", "PID", 3, "病人未找到");
        }
        String visit = Er7.Read.comp(Er7.Read.field(m.first("PV1"), 19), 1);
        if (type.equals("ADT^A04") && !visit.isEmpty()) {
            p.stays().add(visit);
        }
        String[] zdt = m.first("ZDT");
        boolean corrected = "CORRECTED".equals(Er7.Read.comp(Er7.Read.field(zdt, 5), 1));
        for (String[] orc : m.all("ORC")) {
            String ctl = Er7.Read.comp(Er7.Read.field(orc, 1), 1);
            String st = switch (ctl) {
                case "CA" -> "entered-in-error";
                case "DC" -> "revoked";
                case "SC" -> "CM".equals(Er7.Read.comp(Er7.Read.field(orc, 5), 1)) ? "completed" : "active";
                case "RE" -> "completed";
                default -> "active";
            };
            if (ctl.equals("RE") || (type.equals("RDS^O13") && !ctl.equals("RE"))) {
                // a dispense: its own line is ORC-3 (filler); ORC-2 is the order line it fills
                put(Er7.Read.comp(Er7.Read.field(orc, 3), 1), st);
            } else {
                put(Er7.Read.comp(Er7.Read.field(orc, 2), 1), st);
            }
        }
        for (String[] ft1 : m.all("FT1")) {
            String kind = Er7.Read.comp(Er7.Read.field(ft1, 6), 1);
            put(Er7.Read.comp(Er7.Read.field(ft1, 2), 1), kind.equals("CD") ? corrected ? "cancelled" : "entered-in-error" : "active");
        }
        for (String[] iam : m.all("IAM")) {
            put(Er7.Read.comp(Er7.Read.field(iam, 7), 1), "D".equals(Er7.Read.comp(Er7.Read.field(iam, 6), 1)) ? "entered-in-error" : "active");
        }
        if (!visit.isEmpty() && type.equals("ADT^A04")) {
            put(visit, "active");
        }
        stored.add(er7);
        return ack(type, control, "AA", null, null, 0, null);
    }

    private void put(String id, String st) {
        if (!id.isEmpty()) {
            status.put(id, st);
        }
    }

    /** The patient the PID-3 identifiers name; for ADT^A04 a new one when none. */
    private Patient resolve(List<String> ids, boolean register, String[] pid) {
        for (String rep : ids) {
            String key = Er7.Read.comp(rep, 1) + "|" + (Er7.Read.comp(rep, 5).equals("MR") ? "HIS" : Er7.Read.comp(rep, 5));
            for (Patient p : patients.values()) {
                if (p.ids().contains(key)) {
                    if (register) {
                        ids.forEach(r -> p.ids().add(Er7.Read.comp(r, 1) + "|" + (Er7.Read.comp(r, 5).equals("MR") ? "HIS" : Er7.Read.comp(r, 5))));
                    }
                    return p;
                }
            }
        }
        if (!register || ids.stream().anyMatch(r -> Er7.Read.comp(r, 5).equals("MR"))) {
            return null;
        }
        String name = Er7.Read.reps(pid, 5).stream().findFirst().orElse("");
        String dob = Er7.Read.comp(Er7.Read.field(pid, 7), 1);
        String nationalId = ids.stream().filter(r -> Er7.Read.comp(r, 5).equals("NNCHN")).map(r -> Er7.Read.comp(r, 1)).findFirst().orElse(null);
        String phone = Er7.Read.reps(pid, 13).stream().map(t -> Er7.Read.comp(t, 1)).findFirst().orElse(null);
        String mr = seed(Er7.Read.comp(name, 1), Er7.Read.comp(name, 2), Er7.Read.comp(Er7.Read.field(pid, 8), 1),
                dob.length() >= 8 ? LocalDate.parse(dob.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE) : null, phone, nationalId);
        Patient p = patients.get(mr);
        ids.forEach(r -> p.ids().add(Er7.Read.comp(r, 1) + "|" + Er7.Read.comp(r, 5)));
        return p;
    }

    private String header(String type, String control) {
        return "MSH|^~\\&|HIS|HOSPITAL|CONTINUITY|CONTINUITY|20261206120000+0800||" + type + "|A" + control + "|P|2.5.1|||||CHN|UNICODE UTF-8\r";
    }

    private String ack(String type, String control, String code, String condition, String segment, int field, String text) {
        StringBuilder b = new StringBuilder(header("ACK^" + type.substring(type.indexOf('^') + 1) + "^ACK", control));
        b.append("MSA|").append(code).append('|').append(control).append('\r');
        if (condition != null) {
            b.append("ERR||").append(segment).append("^1^").append(field).append('|').append(condition).append("^^HL70357|E||||")
                    .append(Er7.esc(text)).append('\r');
        }
        return b.toString();
    }

    private String query(Er7.Read m, String control) {
        String[] qpd = m.first("QPD");
        String tag = Er7.Read.comp(Er7.Read.field(qpd, 2), 1);
        List<Patient> hits = new ArrayList<>();
        List<String> params = Er7.Read.reps(qpd, 3);
        for (Patient p : patients.values()) {
            if (params.stream().allMatch(q -> matches(p, Er7.Read.comp(q, 1), Er7.Read.comp(q, 2), params))) {
                hits.add(p);
            }
        }
        String quantity = Er7.Read.comp(Er7.Read.field(m.first("RCP"), 2), 1);
        int size = quantity.isEmpty() ? 100 : Integer.parseInt(quantity);
        String dsc = Er7.Read.comp(Er7.Read.field(m.first("DSC"), 1), 1);
        int from = dsc.isEmpty() ? 0 : Integer.parseInt(dsc);
        int visible = Math.min(hits.size(), cap);
        int to = Math.min(visible, from + size);
        List<Patient> page = from >= to ? List.of() : hits.subList(from, to);
        int remaining = hits.size() - to;
        StringBuilder b = new StringBuilder(header("RSP^K22^RSP_K21", control));
        b.append("MSA|AA|").append(control).append('\r');
        b.append("QAK|").append(Er7.esc(tag)).append('|').append(hits.isEmpty() ? "NF" : "OK").append("|Q22^Find Candidates^HL7|")
                .append(counts ? Integer.toString(hits.size()) : "").append('|').append(page.size()).append('|').append(remaining).append('\r');
        b.append(String.join("|", qpd)).append('\r');
        int i = 1;
        for (Patient p : page) {
            List<String> reps = new ArrayList<>();
            reps.add(Er7.esc(p.mr()) + "^^^HIS^MR");
            if (p.nationalId() != null) {
                reps.add(Er7.esc(p.nationalId()) + "^^^&2.16.156.10011.1.1&ISO^NNCHN");
            }
            b.append("PID|").append(i++).append("||").append(String.join("~", reps)).append("||").append(Er7.esc(p.family())).append('^')
                    .append(Er7.esc(p.given())).append("||").append(p.birthDate() == null ? "" : DateTimeFormatter.BASIC_ISO_DATE.format(p.birthDate()))
                    .append('|').append(p.sex() == null ? "" : p.sex()).append("|||||").append(p.phone() == null ? "" : Er7.esc(p.phone()) + "^PRN^PH")
                    .append('\r');
        }
        if (to < visible) {
            b.append("DSC|").append(to).append("|I\r");
        }
        return b.toString();
    }

    private static boolean matches(Patient p, String field, String value, List<String> all) {
        return switch (field) {
            case "@PID.3.1" -> {
                String type = all.stream().filter(q -> Er7.Read.comp(q, 1).equals("@PID.3.5")).map(q -> Er7.Read.comp(q, 2)).findFirst().orElse(null);
                String key = type == null ? null : value + "|" + (type.equals("MR") ? "HIS" : type);
                yield key != null ? p.ids().contains(key) : p.ids().stream().anyMatch(k -> k.startsWith(value + "|"));
            }
            case "@PID.3.5" -> value.equals("MR") ? true : p.ids().stream().anyMatch(k -> k.endsWith("|" + value));
            case "@PID.13.1" -> value.equals(p.phone());
            case "@PID.5" -> value.equals(p.family() + p.given());
            case "@PID.5.1.1" -> value.endsWith("*") ? p.family().startsWith(value.substring(0, value.length() - 1)) : value.equals(p.family());
            case "@PID.7" -> p.birthDate() != null && (value.endsWith("*")
                    ? DateTimeFormatter.BASIC_ISO_DATE.format(p.birthDate()).startsWith(value.substring(0, value.length() - 1))
                    : value.equals(DateTimeFormatter.BASIC_ISO_DATE.format(p.birthDate())));
            case "@PV1.19.1" -> p.stays().contains(value);
            default -> false;
        };
    }

    /** Waits until the server accepts connections (HAPI starts its acceptor on a thread). */
    static void pause(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
