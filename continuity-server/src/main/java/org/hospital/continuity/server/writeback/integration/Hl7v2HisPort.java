package org.hospital.continuity.server.writeback.integration;

import static org.hospital.continuity.server.writeback.integration.Er7.comp;
import static org.hospital.continuity.server.writeback.integration.Er7.esc;
import static org.hospital.continuity.server.writeback.integration.Er7.seg;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.DowntimeVisit;
import org.hospital.continuity.sync.his.HisPort;
import org.hospital.continuity.sync.his.HisRecord;
import org.hospital.continuity.sync.his.WriteOutcome;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;

/**
 * {@link HisPort} over HL7 v2.5.1 and MLLP (HAPI HL7 v2), for a HIS that speaks v2 and not FHIR. Blocking: call it from a
 * worker thread. The messages of each kind are {@link Hl7v2Messages}; acknowledgements are read by {@link Hl7v2Acks}.
 *
 * <p><b>Writes.</b> v2 has no transaction and no conditional create: the messages of one visit or record are sent in
 * order, the next only after the HIS acknowledged the one before ({@code AA}, or {@code AE} 205 "duplicate key": the HIS
 * already has it from an earlier send). The control ids (MSH-10) and business ids (PV1-19, ORC-2, FT1-2, IAM-7) derive
 * from the kiosk's record and line ids, so a resend is recognisable and creates nothing. A visit or record is written
 * when all its messages are acknowledged; a refusal leaves it on the workbench with the ERR segment in words, and a later
 * run resends it whole (what was already accepted answers 205).
 *
 * <p><b>References.</b> A patient is named by its PID-3 repetition ({@code <id>^^^HIS^MR} for an HIS patient id, the
 * downtime number {@code <n>^^^CONTINUITY-DT^PI} for a patient the visit's ADT^A04 created); an encounter by PV1-19.
 *
 * <p><b>Candidates.</b> QBP^Q22 / RSP^K22 (find candidates) per block, every page read (RCP-2 page size, DSC
 * continuation pointer), counts from QAK-4 (hit count total) or, where the HIS gives none, by reading to the end; a HIS
 * that stops paging while QAK-6 says hits remain → incomplete. Query parameters (QPD-3): {@code @PID.3.1} +
 * {@code @PID.3.5} (identifier and type), {@code @PID.13.1} phone, {@code @PID.5} the name as one string,
 * {@code @PID.5.1.1} family name ({@code *} = starts with), {@code @PID.7} birth date or {@code yyyy*} year,
 * {@code @PV1.19.1} visit or admission number.
 *
 * <p>Patient data is never logged: HAPI's raw message loggers are off in the application's configuration, and the
 * outcomes carry no message text.
 */
public final class Hl7v2HisPort implements HisPort {

    /** Patients per page asked of the HIS (RCP-2); every page is read anyway. */
    static final int PAGE = 200;
    private static final Duration COUNT_CACHE = Duration.ofMinutes(10);

    private final String host;
    private final int port;
    private final Duration timeout;
    private final Hl7v2Messages messages;
    private final InstantSource clock;
    private final BlockingQueue<Channel> idle;
    private final AtomicLong queries = new AtomicLong();
    private long cachedCount = -1;
    private Instant countedAt = Instant.MIN;

    /** One MLLP connection with its own HAPI context (contexts share connections by host and port otherwise). */
    private static final class Channel {
        HapiContext context;
        Connection connection;
    }

    /**
     * @param connections how many MLLP connections write-back may use at once (its concurrent visits share them)
     */
    public Hl7v2HisPort(String host, int port, String hisApplication, String hisFacility, ZoneId zone, InstantSource clock, Duration timeout,
                        int connections) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.clock = clock;
        this.hisApplication = hisApplication;
        this.hisFacility = hisFacility;
        this.messages = new Hl7v2Messages(hisApplication, hisFacility, zone, clock);
        this.idle = new ArrayBlockingQueue<>(Math.max(1, connections));
        for (int i = 0; i < Math.max(1, connections); i++) {
            idle.add(new Channel());
        }
    }

    /** The messages this port sends for a visit (for tests). */
    public List<Hl7v2Messages.Outgoing> messagesOf(DowntimeVisit visit) {
        return messages.visit(visit);
    }

    /** The messages this port sends for a record (for tests). */
    public List<Hl7v2Messages.Outgoing> messagesOf(HisRecord record) {
        return messages.record(record);
    }

    // ---- transport ----------------------------------------------------------------------------------------

    /** The HIS did not answer (connection refused or lost, timeout). */
    static final class NoAnswer extends RuntimeException {
        NoAnswer(String detail) {
            super(detail, null, false, false);
        }
    }

    /** Sends one message and answers the HIS's reply as text; throws {@link NoAnswer} when there is none. */
    String exchange(String er7) {
        Channel c;
        try {
            c = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted");
        }
        try {
            if (c.connection == null || !c.connection.isOpen()) {
                close(c);
                c.context = new DefaultHapiContext();
                // its own threads: HAPI's default executor is shared by every context, and closing one context would stop it
                c.context.setExecutorService(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "hl7v2-link");
                    t.setDaemon(true);
                    return t;
                }));
                c.context.getParserConfiguration().setValidating(false);
                c.context.setValidationContext(ValidationContextFactory.noValidation());
                // MSH-18 says UTF-8: the MLLP layer reads and writes in it (Chinese names)
                c.context.setLowerLayerProtocol(new MinLowerLayerProtocol(true));
                c.connection = c.context.newClient(host, port, false);
                c.connection.getInitiator().setTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            Message out = c.context.getPipeParser().parse(er7);
            Message in = c.connection.getInitiator().sendAndReceive(out);
            return in.encode();
        } catch (Exception e) {
            // never the message text: it holds patient data
            close(c);
            throw new NoAnswer(e.getClass().getSimpleName());
        } finally {
            idle.add(c);
        }
    }

    private static void close(Channel c) {
        if (c.connection != null) {
            try {
                c.connection.close();
            } catch (Exception ignored) {
                // already gone
            }
        }
        if (c.context != null) {
            try {
                c.context.close();
            } catch (Exception ignored) {
                // already gone
            }
        }
        c.connection = null;
        c.context = null;
    }

    /** Closes the connections (application shutdown). */
    public void close() {
        for (Channel c : idle) {
            close(c);
        }
    }

    // ---- writes -------------------------------------------------------------------------------------------

    @Override
    public WriteOutcome write(DowntimeVisit visit) {
        String patient = visit.hisPatientRef() != null ? visit.hisPatientRef()
                : comp(esc(visit.downtimeNumber()), "", "", Hl7v2Messages.DOWNTIME_AUTHORITY, "PI");
        return send(messages.visit(visit), patient, Hl7v2Messages.encounterRef(visit.visitId().toString(), Hl7v2Messages.VISIT_AUTHORITY));
    }

    @Override
    public WriteOutcome write(HisRecord record) {
        return send(messages.record(record), record.subject().patientRef(), record.subject().encounterRef());
    }

    private WriteOutcome send(List<Hl7v2Messages.Outgoing> out, String patientRef, String encounterRef) {
        int created = 0;
        int existing = 0;
        List<String> refs = new ArrayList<>();
        for (Hl7v2Messages.Outgoing m : out) {
            String answer;
            try {
                answer = exchange(m.er7());
            } catch (NoAnswer e) {
                return new WriteOutcome.Unavailable(m.type() + " no answer: " + e.getMessage());
            }
            Hl7v2Acks.Ack ack = Hl7v2Acks.read(answer);
            switch (ack.verdict()) {
                case ACCEPTED -> created++;
                case ALREADY_THERE -> existing++;
                case NOT_NOW -> {
                    return new WriteOutcome.Unavailable(m.type() + " " + ack.code() + " " + ack.words());
                }
                case REFUSED -> {
                    return new WriteOutcome.Refused(422, ack.words());
                }
                case REJECTED -> {
                    return new WriteOutcome.Refused(400, ack.words());
                }
            }
            refs.add(m.type() + "/" + m.controlId());
        }
        return new WriteOutcome.Written(created, existing, patientRef, refs, encounterRef);
    }

    /** The HIS's prices are not queried over v2 (no master-file query here): nothing is flagged, nothing repriced. */
    @Override
    public Optional<Long> currentPriceFen(String hisCode) {
        return Optional.empty();
    }

    // ---- queries ------------------------------------------------------------------------------------------

    /** One page of an RSP^K22. */
    record Page(List<String[]> pids, long hitCount, long remaining, String continuation) {
    }

    private Page query(List<String> parameters, int quantity, String tag, String continuation) {
        String control = "QRY" + Long.toString(queries.incrementAndGet(), 36) + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder b = new StringBuilder("MSH|^~\\&|CONTINUITY|CONTINUITY|").append(esc(messagesHisApplication())).append('|')
                .append(esc(messagesHisFacility())).append('|').append(messages.ts(clock.instant())).append("||QBP^Q22^QBP_Q21|")
                .append(control).append("|P|2.5.1|||||CHN|UNICODE UTF-8\r");
        b.append(seg("QPD", comp("Q22", "Find Candidates", "HL7"), tag, String.join("~", parameters))).append('\r');
        b.append(seg("RCP", "I", comp(Integer.toString(quantity), "RD"))).append('\r');
        if (continuation != null) {
            b.append(seg("DSC", continuation, "I")).append('\r');
        }
        String answer = exchange(b.toString());
        Er7.Read r = Er7.Read.of(answer);
        String msa = r.value("MSA", 1, 1);
        String status = r.value("QAK", 2, 1);
        if (!"AA".equals(msa) || "AE".equals(status) || "AR".equals(status)) {
            // a query the HIS could not answer is no answer, never an empty one
            throw new IllegalStateException("HIS query failed: " + msa + " " + status + " " + r.value("ERR", 3, 1));
        }
        String hits = r.value("QAK", 4, 1);
        String remaining = r.value("QAK", 6, 1);
        String next = r.value("DSC", 1, 1);
        return new Page(r.all("PID"), hits.isEmpty() ? -1 : Long.parseLong(hits.trim()), remaining.isEmpty() ? -1 : Long.parseLong(remaining.trim()),
                next.isEmpty() ? null : next);
    }

    private String messagesHisApplication() {
        return hisApplication;
    }

    private String messagesHisFacility() {
        return hisFacility;
    }

    private final String hisApplication;
    private final String hisFacility;

    /** A query read to its last page into {@code found}; the number of patients read, or -1 when the HIS capped it. */
    private long readAll(List<String> parameters, Page first, String tag, Map<String, PatientFacts> found) {
        long read = 0;
        Page page = first;
        while (true) {
            for (String[] pid : page.pids()) {
                PatientFacts f = facts(pid);
                found.putIfAbsent(f.ref(), f);
                read++;
            }
            if (page.continuation() == null) {
                return page.remaining() > 0 ? -1 : read;
            }
            page = query(parameters, PAGE, tag, page.continuation());
        }
    }

    @Override
    public Candidates candidates(CandidateQuery q) {
        Map<String, PatientFacts> found = new LinkedHashMap<>();
        List<Candidates.BlockResult> results = new ArrayList<>();
        String incomplete = null;
        for (CandidateQuery.Block block : q.blocks()) {
            List<List<String>> asks = asks(block);
            List<Page> firsts = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            long total = 0;
            boolean counted = true;
            for (List<String> ask : asks) {
                String tag = "T" + queries.incrementAndGet();
                Page p = query(ask, PAGE, tag, null);
                firsts.add(p);
                tags.add(tag);
                if (p.hitCount() < 0) {
                    counted = false;
                } else {
                    total += p.hitCount();
                }
            }
            int limit = limit(block);
            if (counted && total > limit) {
                List<List<String>> narrower = narrowed(block);
                if (narrower == null) {
                    incomplete = "a block over its limit cannot be narrowed (" + block.getClass().getSimpleName() + ")";
                } else {
                    for (List<String> ask : narrower) {
                        String tag = "T" + queries.incrementAndGet();
                        if (readAll(ask, query(ask, PAGE, tag, null), tag, found) < 0) {
                            incomplete = "the HIS capped a list";
                        }
                    }
                }
                results.add(new Candidates.BlockResult(block, total, true));
            } else {
                Map<String, PatientFacts> ofBlock = new LinkedHashMap<>();
                for (int i = 0; i < asks.size(); i++) {
                    if (readAll(asks.get(i), firsts.get(i), tags.get(i), ofBlock) < 0) {
                        incomplete = "the HIS capped a list";
                    }
                }
                ofBlock.forEach(found::putIfAbsent);
                results.add(new Candidates.BlockResult(block, counted ? total : ofBlock.size(), false));
            }
            if (found.size() > q.maxCandidates()) {
                incomplete = found.size() + " candidates, more than " + q.maxCandidates();
                break;
            }
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

    private static String p(String field, String value) {
        return comp(field, esc(value));
    }

    /** The queries of a block (one parameter set each); their union is the block. */
    private static List<List<String>> asks(CandidateQuery.Block b) {
        if (b instanceof CandidateQuery.ByIdNumbers i) {
            return i.idNumbers().stream().sorted().map(n -> List.of(p("@PID.3.1", n), p("@PID.3.5", "NNCHN"))).toList();
        }
        if (b instanceof CandidateQuery.ByPhone ph) {
            return List.of(List.of(p("@PID.13.1", ph.phone())));
        }
        if (b instanceof CandidateQuery.ByName n) {
            return List.of(List.of(p("@PID.5", n.name())));
        }
        if (b instanceof CandidateQuery.ByBirthYearAndSound y) {
            return y.surnames().stream().sorted().map(s -> List.of(p("@PID.7", y.birthYear() + "*"), p("@PID.5.1.1", s + "*"))).toList();
        }
        CandidateQuery.ByBirthDate d = (CandidateQuery.ByBirthDate) b;
        return List.of(List.of(p("@PID.7", Hl7v2Messages.date(d.birthDate()))));
    }

    /** The narrowed queries of a block over its limit; empty = counted, not read; null = cannot be narrowed. */
    private static List<List<String>> narrowed(CandidateQuery.Block b) {
        if (b instanceof CandidateQuery.ByPhone || b instanceof CandidateQuery.ByBirthYearAndSound) {
            return List.of();
        }
        if (b instanceof CandidateQuery.ByName n) {
            if (n.birthYear() == null) {
                return null;
            }
            List<List<String>> out = new ArrayList<>();
            out.add(List.of(p("@PID.5", n.name()), p("@PID.7", n.birthYear() + "*")));
            n.nearDates().stream().sorted().forEach(d -> out.add(List.of(p("@PID.5", n.name()), p("@PID.7", Hl7v2Messages.date(d)))));
            return out;
        }
        if (b instanceof CandidateQuery.ByBirthDate d) {
            if (d.surnames().isEmpty()) {
                return null;
            }
            return d.surnames().stream().sorted()
                    .map(s -> List.of(p("@PID.7", Hl7v2Messages.date(d.birthDate())), p("@PID.5.1.1", s + "*"))).toList();
        }
        return null;
    }

    /** A PID segment as {@link PatientFacts}: the HIS patient id (MR) is the reference. */
    static PatientFacts facts(String[] pid) {
        List<String> ids = Er7.Read.reps(pid, 3);
        String ref = ids.stream().filter(i -> Hl7v2Messages.HIS_AUTHORITY.equals(Er7.Read.comp(i, 4)) && "MR".equals(Er7.Read.comp(i, 5)))
                .findFirst().orElse(ids.isEmpty() ? "" : ids.get(0));
        String nationalId = ids.stream().filter(i -> "NNCHN".equals(Er7.Read.comp(i, 5))).map(i -> Er7.Read.comp(i, 1)).findFirst()
                .orElse(null);
        String name5 = Er7.Read.reps(pid, 5).stream().findFirst().orElse("");
        String name = (Er7.Read.comp(name5, 1) + Er7.Read.comp(name5, 2)).trim();
        String dob = Er7.Read.comp(Er7.Read.field(pid, 7), 1);
        LocalDate birth = dob.length() >= 8 ? LocalDate.parse(dob.substring(0, 8), java.time.format.DateTimeFormatter.BASIC_ISO_DATE) : null;
        String phone = Er7.Read.reps(pid, 13).stream().map(t -> Er7.Read.comp(t, 1)).filter(t -> !t.isEmpty()).findFirst().orElse(null);
        String sex = Er7.Read.comp(Er7.Read.field(pid, 8), 1);
        return new PatientFacts(ref, name.isEmpty() ? null : name, sex.isEmpty() ? Sex.UNKNOWN : Sex.parse(sex), birth, phone, nationalId);
    }

    @Override
    public synchronized long patientCount() {
        Instant now = clock.instant();
        if (cachedCount < 0 || now.isAfter(countedAt.plus(COUNT_CACHE))) {
            List<String> every = List.of(p("@PID.3.5", "MR"));
            String tag = "T" + queries.incrementAndGet();
            Page first = query(every, 1, tag, null);
            long n = first.hitCount();
            if (n < 0) {
                // no hit counts from this HIS: count by reading every page
                n = readAll(every, first, tag, new LinkedHashMap<>());
                if (n < 0) {
                    throw new IllegalStateException("the HIS neither counts nor lists its patients");
                }
            }
            cachedCount = n;
            countedAt = now;
        }
        return cachedCount;
    }

    /** Forgets the cached patient count (a new write-back run counts again). */
    public synchronized void forgetCount() {
        cachedCount = -1;
    }

    @Override
    public Optional<HisRecord.Subject> knownPatient(String hisPatientId, String inpatientNumber) {
        if (hisPatientId == null) {
            return Optional.empty();
        }
        List<String> byId = List.of(p("@PID.3.1", hisPatientId), p("@PID.3.5", "MR"));
        Page patients = query(byId, 2, "T" + queries.incrementAndGet(), null);
        if (patients.pids().size() != 1 || patients.hitCount() > 1) {
            // none: the HIS does not know the patient; two: not certain which (a person decides)
            return Optional.empty();
        }
        String patientRef = facts(patients.pids().get(0)).ref();
        String encounterRef = null;
        if (inpatientNumber != null) {
            List<String> stay = List.of(p("@PID.3.1", hisPatientId), p("@PID.3.5", "MR"), p("@PV1.19.1", inpatientNumber));
            Page withStay = query(stay, 2, "T" + queries.incrementAndGet(), null);
            if (withStay.pids().size() == 1) {
                encounterRef = Hl7v2Messages.encounterRef(inpatientNumber, Hl7v2Messages.HIS_AUTHORITY);
            }
        }
        return Optional.of(new HisRecord.Subject(patientRef, encounterRef));
    }
}
