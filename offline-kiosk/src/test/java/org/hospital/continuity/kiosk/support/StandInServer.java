package org.hospital.continuity.kiosk.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.hospital.continuity.kiosk.enrolment.integration.ServerWire;
import org.hospital.continuity.kiosk.mode.integration.InstructionWire;
import org.hospital.continuity.kiosk.reference.ReferenceSnapshot;
import org.hospital.continuity.sync.text.PinyinInitials;
import org.hospital.continuity.kiosk.session.OfflineVerifier;

/**
 * A stand-in for the continuity server's kiosk endpoints (enrolment, snapshot, number blocks) so
 * the kiosk's own tests need no server module: the kiosk never depends on the server. The real
 * pairing is exercised by tests/e2e against both packaged apps.
 */
public final class StandInServer implements AutoCloseable {

    public static final String CODE = "ENROL-ME-ONCE";
    public static final String PASSWORD = "abc123";

    private final HttpServer http;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final AtomicLong nextPatient = new AtomicLong(1);
    private final AtomicLong nextInvoice = new AtomicLong(1);
    private volatile boolean codeUsed;
    private volatile int invoiceBlockSize = 200;
    /** EP-6.1: the department's announced instructions, newest first, as the server would list them. */
    private final List<InstructionWire.Instruction> announced = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Acknowledgements received from the kiosk: "instruction id → account id". */
    private final List<String> acknowledgements = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The short numbers of the announced instructions (通知第N号). */
    private final AtomicLong numbers = new AtomicLong();

    public StandInServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/kiosk/enrolments", this::enrol);
        http.createContext("/api/kiosk/snapshot", this::snapshot);
        http.createContext("/api/kiosk/number-blocks", this::block);
        http.createContext("/api/kiosk/instructions", this::instructions);
        http.createContext("/api/kiosk/readiness", this::readiness);
        http.createContext("/api/kiosk/audit", this::audit);
        http.createContext("/api/kiosk/drills", this::training);
        http.createContext("/api/sync/v1/orders", this::order);
        http.start();
    }

    /** EP-6.7: prescriptions and requisitions of other kiosks the stand-in relays, by the id asked. */
    private final Map<String, Object> relayed = new java.util.concurrent.ConcurrentHashMap<>();

    /** Relays {@code order} (a {@code RelayedOrder}) when a kiosk asks for {@code askedId}. */
    public void relay(String askedId, Object order) {
        relayed.put(askedId, order);
    }

    private void order(HttpExchange x) throws IOException {
        String id = x.getRequestURI().getPath().replaceAll(".*/orders/", "");
        Object o = relayed.get(id);
        if (o == null) {
            send(x, 404, Map.of("type", "/problems/record-not-synced", "title", "Not found", "status", 404));
        } else {
            send(x, 200, o);
        }
    }

    /** Issue 10: the last readiness report a kiosk sent, and whether the stand-in says a drill runs. */
    private volatile Map<?, ?> lastReadiness;
    private volatile boolean drill;

    public Map<?, ?> lastReadiness() {
        return lastReadiness;
    }

    public void drill(boolean running) {
        drill = running;
    }

    /** HR-21: the drill the stand-in says runs (its id), the drills it says it purged, and the training entries kiosks sent it. */
    private volatile java.util.UUID drillId = java.util.UUID.fromString("d7111111-0000-4000-8000-000000000001");
    private final List<String> purgedDrills = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Map<?, ?>> trainingEntries = new java.util.concurrent.CopyOnWriteArrayList<>();

    public void drill(java.util.UUID id) {
        drillId = id;
        drill = true;
    }

    public java.util.UUID drillId() {
        return drillId;
    }

    public void purged(java.util.UUID id) {
        purgedDrills.add(0, id.toString());
    }

    /** The training entries received (each as its JSON map, with "drill" added from the path). */
    public List<Map<?, ?>> trainingEntries() {
        return trainingEntries;
    }

    private void training(HttpExchange x) throws IOException {
        String drillOfPath = x.getRequestURI().getPath().replaceAll(".*/drills/([^/]+)/training-entries", "$1");
        Map<?, ?> push = json.readValue(x.getRequestBody(), Map.class);
        long stored = 0;
        for (Object e : (List<?>) push.get("entries")) {
            Map<String, Object> entry = new java.util.HashMap<>((Map<String, Object>) e);
            entry.put("drill", drillOfPath);
            trainingEntries.add(entry);
            stored++;
        }
        send(x, 200, Map.of("stored", stored, "duplicates", 0, "discarded", 0, "upToSeq", 0));
    }

    private void readiness(HttpExchange x) throws IOException {
        lastReadiness = json.readValue(x.getRequestBody(), Map.class);
        Map<String, Object> d = new java.util.HashMap<>();
        d.put("drill", drill);
        if (drill) {
            d.put("id", drillId.toString());
            d.put("since", java.time.Instant.now().toString());
            d.put("titleZh", "演练:全院网络中断7小时");
            d.put("titleEn", "Drill: whole network down 7 hours");
            d.put("factor", 60);
            d.put("bannerZh", "演练 DRILL — 演练:全院网络中断7小时(本次为演练,不影响真实HIS)");
            d.put("bannerEn", "DRILL — Drill: whole network down 7 hours (a drill; the real HIS is not touched)");
        }
        byte[] bytes = json.writeValueAsBytes(Map.of("serverClock", java.time.Instant.now().toString(), "driftMillis", 0, "drill", d,
                "purgedDrills", List.copyOf(purgedDrills)));
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public void invoiceBlockSize(int size) {
        invoiceBlockSize = size;
    }

    private void enrol(HttpExchange x) throws IOException {
        Map<?, ?> body = json.readValue(x.getRequestBody(), Map.class);
        if (codeUsed || !CODE.equals(body.get("code"))) {
            send(x, 409, Map.of("type", "/problems/enrolment-code-invalid", "status", 409, "detail", "code unknown or used"));
            return;
        }
        codeUsed = true;
        send(x, 201, new ServerWire.Enrolled("K-TEST0001", "s3cret-credential", "收费1号窗", "SFC", "门诊收费处",
                List.of(block("PATIENT", 100_000), block("INVOICE", invoiceBlockSize))));
    }

    /** Announces an instruction for the kiosk's department (newest first), acknowledged elsewhere by {@code acknowledgedBy} or not (null). */
    public InstructionWire.Instruction announce(String modeAfter, String zh, String acknowledgedBy) {
        Instant now = Instant.now();
        InstructionWire.Instruction i = new InstructionWire.Instruction(UUID.randomUUID(), numbers.incrementAndGet(), "OUTPATIENT_REGISTRATION",
                "RECOVERING".equals(modeAfter) ? "RESTART_NOTICE" : "SWITCH_TO_MANUAL", modeAfter, "EP-6.1", zh, zh, now, "信息科值班",
                acknowledgedBy != null, acknowledgedBy, acknowledgedBy == null ? null : now);
        announced.add(0, i);
        return i;
    }

    public List<String> acknowledgements() {
        return List.copyOf(acknowledgements);
    }

    /** The department's instructions as the stand-in holds them now (acknowledgements included), newest first. */
    public List<InstructionWire.Instruction> announced() {
        return List.copyOf(announced);
    }

    /** EP-6.1: while "down", the instruction endpoints answer 503 (the server behind the kiosk is unreachable). */
    private volatile boolean instructionsDown;

    public void instructionsDown(boolean down) {
        instructionsDown = down;
    }

    private void instructions(HttpExchange x) throws IOException {
        if (instructionsDown) {
            send(x, 503, Map.of("type", "/problems/unavailable", "status", 503, "detail", "down"));
            return;
        }
        if (x.getRequestHeaders().getFirst("Authorization") == null) {
            send(x, 401, Map.of("status", 401));
            return;
        }
        String path = x.getRequestURI().getPath();
        if ("GET".equals(x.getRequestMethod())) {
            send(x, 200, new InstructionWire.Instructions("OUTPATIENT_REGISTRATION", List.copyOf(announced)));
            return;
        }
        // POST /api/kiosk/instructions/{id}/acknowledgements {accountId}
        String id = path.replaceAll(".*/instructions/([^/]+)/acknowledgements$", "$1");
        Map<?, ?> body = json.readValue(x.getRequestBody(), Map.class);
        for (int n = 0; n < announced.size(); n++) {
            InstructionWire.Instruction i = announced.get(n);
            if (i.id().toString().equals(id)) {
                if (i.acknowledged()) {
                    send(x, 409, Map.of("type", "/problems/already-acknowledged", "status", 409, "detail", "already acknowledged"));
                    return;
                }
                Object at = body.get("acknowledgedAt");
                InstructionWire.Instruction done = new InstructionWire.Instruction(i.id(), i.number(), i.party(), i.kind(), i.modeAfter(), i.clause(), i.zh(), i.en(),
                        i.issuedAt(), i.issuedBy(), true, staffName(String.valueOf(body.get("accountId"))), at == null ? Instant.now() : Instant.parse(at.toString()));
                announced.set(n, done);
                acknowledgements.add(id + "→" + body.get("accountId"));
                send(x, 200, done);
                return;
            }
        }
        send(x, 404, Map.of("type", "/problems/not-found", "status", 404, "detail", "no such instruction"));
    }

    /** Issue 11: the server's kiosk-audit upload: skips what it holds, checks the chain, answers the last position held. */
    private final List<org.hospital.continuity.sync.audit.AuditRecord> auditHeld = new java.util.concurrent.CopyOnWriteArrayList<>();

    public List<org.hospital.continuity.sync.audit.AuditRecord> auditHeld() {
        return auditHeld;
    }

    private synchronized void audit(HttpExchange x) throws IOException {
        com.fasterxml.jackson.databind.JsonNode body = json.readTree(x.getRequestBody());
        long held = auditHeld.isEmpty() ? 0 : auditHeld.get(auditHeld.size() - 1).seq();
        var walker = new org.hospital.continuity.sync.audit.AuditChain.Walker(held,
                auditHeld.isEmpty() ? org.hospital.continuity.sync.audit.AuditChain.GENESIS : auditHeld.get(auditHeld.size() - 1).hash());
        List<org.hospital.continuity.sync.audit.AuditRecord> fresh = new ArrayList<>();
        for (var e : body.path("entries")) {
            var r = new org.hospital.continuity.sync.audit.AuditRecord(e.path("seq").asLong(), UUID.fromString(e.path("id").asText()),
                    Instant.parse(e.path("at").asText()), e.path("actor").asText(), e.path("actorKind").asText(), e.path("action").asText(),
                    e.path("category").asText(), e.path("outcome").asText(), e.path("source").asText(), e.path("recordType").asText(),
                    e.path("recordId").asText(), e.path("detail").asText(), e.path("prevHash").asText(), e.path("hash").asText());
            if (r.seq() <= held) {
                continue;
            }
            if (walker.next(r).isPresent()) {
                send(x, 409, Map.of("type", "/problems/audit-chain-broken", "status", 409));
                return;
            }
            fresh.add(r);
        }
        auditHeld.addAll(fresh);
        send(x, 200, Map.of("storedThrough", auditHeld.isEmpty() ? 0 : auditHeld.get(auditHeld.size() - 1).seq()));
    }

    private void block(HttpExchange x) throws IOException {
        Map<?, ?> body = json.readValue(x.getRequestBody(), Map.class);
        send(x, 200, block((String) body.get("pool"), "PATIENT".equals(body.get("pool")) ? 100_000 : invoiceBlockSize));
    }

    private ServerWire.Block block(String pool, int size) {
        AtomicLong counter = "PATIENT".equals(pool) ? nextPatient : nextInvoice;
        long first = counter.getAndAdd(size);
        return new ServerWire.Block(UUID.randomUUID().toString(), pool, "PATIENT".equals(pool) ? "D" : "SG", first, first + size - 1,
                Instant.now().plus(90, ChronoUnit.DAYS));
    }

    /** The hospital's staff as the HIS knows them: account id, display name (Chinese, as on screens), roles. */
    static final String[][] STAFF = {{"cashier-1", "收款员甲", "CASHIER"}, {"super-1", "收费组长乙", "CASHIER,SUPERVISOR"},
            {"super-2", "收费组长丙", "CASHIER,SUPERVISOR"}, {"cashier-9", "收款员丙", "CASHIER"}, {"doctor-1", "医生丁", "DOCTOR"},
            {"nurse-1", "护士戊", "NURSE"}, {"medtech-1", "医技己", "MEDTECH"}, {"pharm-1", "药师庚", "PHARMACIST"},
            // HR-9: supervisors of a clinical discipline, who approve voids and corrections of its forms
            {"doctor-2", "主任医师辛", "DOCTOR,SUPERVISOR"}, {"nurse-2", "护士长壬", "NURSE,SUPERVISOR"}};

    /** The display name the HIS gives a person: the staff table's name, a Chinese stand-in for an account it does not list. */
    static String staffName(String accountId) {
        for (String[] s : STAFF) {
            if (s[0].equals(accountId)) {
                return s[1];
            }
        }
        return "值班人员";
    }

    private void snapshot(HttpExchange x) throws IOException {
        List<ServerWire.StaffVerifier> staff = new ArrayList<>();
        for (String[] s : STAFF) {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            OfflineVerifier v = OfflineVerifier.of(s[0], s[1], List.of(s[2].split(",")), PASSWORD, salt, 1000);
            staff.add(new ServerWire.StaffVerifier(v.accountId(), v.displayName(), v.roles(), v.algorithm(), v.salt(), v.iterations(), v.hash()));
        }
        send(x, 200, new ServerWire.Snapshot("v7", Instant.now(), items(),
                List.of(new ReferenceSnapshot.Department("SFC", "门诊收费处"), new ReferenceSnapshot.Department("NK", "内科"), new ReferenceSnapshot.Department("WK", "外科")),
                List.of(new ReferenceSnapshot.Doctor("D101", "王建国", "NK", "主任医师"), new ReferenceSnapshot.Doctor("D201", "张伟", "WK", "副主任医师")),
                List.of(new ReferenceSnapshot.Patient("P0001", true, "ZY2026001", null, "赵演示", "M", LocalDate.of(1958, 3, 2), null, "13800000001",
                                "EMPLOYEE", "YB00000001", "肾内一病区", "12床", 300000,
                                List.of(new ReferenceSnapshot.Allergy(null, "海鲜", "荨麻疹", "MILD")), Instant.parse("2026-11-01T08:00:00Z"),
                                // the HIS feed's active order and the MAR of the next 24 hours
                                List.of(new ReferenceSnapshot.Order("MedicationRequest/o1", "碳酸司维拉姆片", "800mg", "口服", "每日三次",
                                        Instant.parse("2026-11-30T02:00:00Z"), "刘芳", null)),
                                List.of(new ReferenceSnapshot.Administration("MedicationRequest/o1", "碳酸司维拉姆片", "800mg", "口服", MAR_FIRST),
                                        new ReferenceSnapshot.Administration("MedicationRequest/o1", "碳酸司维拉姆片", "800mg", "口服",
                                                MAR_FIRST.plusSeconds(8 * 3600)))),
                        // issue 8: an inpatient allergic to penicillins (amoxicillin D0001 matches) and to D0002 by its code
                        new ReferenceSnapshot.Patient("P0002", true, "ZY2026002", null, "钱演练", "F", LocalDate.of(1971, 8, 15), null, "13800000002",
                                "RESIDENT", "YB00000002", "肾内一病区", "15床", 150000,
                                List.of(new ReferenceSnapshot.Allergy(null, "青霉素", "过敏性休克", "SEVERE"),
                                        new ReferenceSnapshot.Allergy("D0002", "头孢克肟", "皮疹", "MODERATE")), Instant.parse("2026-11-01T08:00:00Z")),
                        new ReferenceSnapshot.Patient("P0003", false, null, "MZ0003", "孙测试", "F", LocalDate.of(1990, 1, 20), null, "13800000003",
                                "SELF_PAY", null, null, null, 0),
                        // the HIS feed's outpatient of today (EP-6.2, EP-6.4): registered with 内科's 王建国 before the HIS went down
                        new ReferenceSnapshot.Patient("P0004", false, null, "MZ0004", "李门诊", "M", LocalDate.of(1979, 7, 9), null, "13800000004",
                                "SELF_PAY", null, null, null, 0, List.of(), null, List.of(), List.of(),
                                new ReferenceSnapshot.Visit(HIS_REGISTERED_AT, "NK", "D101", "王建国", "MZ0004"))),
                staff, List.of(new ReferenceSnapshot.FeedAsOf("CENSUS", "在院病人", FEED_AS_OF), new ReferenceSnapshot.FeedAsOf("ALLERGIES", "过敏史", FEED_AS_OF),
                        new ReferenceSnapshot.FeedAsOf("ORDERS", "在用医嘱", FEED_AS_OF), new ReferenceSnapshot.FeedAsOf("MAR", "24小时给药计划", FEED_AS_OF))));
    }

    /** When the HIS registered the stand-in's outpatient of today: 20 minutes ago, never before the hospital's midnight. */
    public static final Instant HIS_REGISTERED_AT = java.util.Collections.max(List.of(
            Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minusSeconds(20 * 60),
            LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));

    /** When the stand-in's HIS feed last answered, and the first planned dose of its MAR (two hours after). */
    public static final Instant FEED_AS_OF = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minusSeconds(180);
    public static final Instant MAR_FIRST = FEED_AS_OF.plusSeconds(2 * 3600);

    public static List<ReferenceSnapshot.Item> items() {
        List<ReferenceSnapshot.Item> out = new ArrayList<>();
        String[][] rows = {
                {"S0001", "ITEM", "普通门诊诊查费", "次", "1000", "甲", "挂号诊查", null},
                {"S0004", "ITEM", "急诊诊查费", "次", "1500", "甲", "挂号诊查", null},
                {"S0101", "ITEM", "血常规", "次", "2000", "甲", "检验", null},
                {"S0102", "ITEM", "肝功能", "次", "6500", "甲", "检验", null},
                {"D0001", "DRUG", "阿莫西林胶囊", "盒", "860", "甲", "药品", "0.25g*24粒"},
                {"D0002", "DRUG", "头孢克肟分散片", "盒", "1850", "乙", "药品", "0.1g*6片"},
                {"D0010", "DRUG", "阿司匹林肠溶片", "盒", "1200", "甲", "药品", "100mg*30片"},
        };
        for (String[] r : rows) {
            out.add(new ReferenceSnapshot.Item(r[0], r[1], r[2], PinyinInitials.of(r[2]), r[7], r[3], Long.parseLong(r[4]), r[5], r[6]));
        }
        return out;
    }

    private void send(HttpExchange x, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
