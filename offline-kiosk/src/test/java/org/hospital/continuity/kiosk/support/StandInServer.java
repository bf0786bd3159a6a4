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
import org.hospital.continuity.kiosk.reference.domain.PinyinInitials;
import org.hospital.continuity.kiosk.session.domain.OfflineVerifier;

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

    public StandInServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/kiosk/enrolments", this::enrol);
        http.createContext("/api/kiosk/snapshot", this::snapshot);
        http.createContext("/api/kiosk/number-blocks", this::block);
        http.start();
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

    private void snapshot(HttpExchange x) throws IOException {
        List<ServerWire.StaffVerifier> staff = new ArrayList<>();
        for (String[] s : new String[][] {{"cashier-1", "收款员甲", "CASHIER"}, {"super-1", "收费组长乙", "CASHIER,SUPERVISOR"},
                {"cashier-9", "收款员丙", "CASHIER"}, {"doctor-1", "医生丁", "DOCTOR"}, {"nurse-1", "护士戊", "NURSE"},
                {"medtech-1", "医技己", "MEDTECH"}, {"pharm-1", "药师庚", "PHARMACIST"}}) {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            OfflineVerifier v = OfflineVerifier.of(s[0], s[1], List.of(s[2].split(",")), PASSWORD, salt, 1000);
            staff.add(new ServerWire.StaffVerifier(v.accountId(), v.displayName(), v.roles(), v.algorithm(), v.salt(), v.iterations(), v.hash()));
        }
        send(x, 200, new ServerWire.Snapshot("v7", Instant.now(), items(),
                List.of(new ServerWire.Department("SFC", "门诊收费处"), new ServerWire.Department("NK", "内科"), new ServerWire.Department("WK", "外科")),
                List.of(new ServerWire.Doctor("D101", "王建国", "NK", "主任医师"), new ServerWire.Doctor("D201", "张伟", "WK", "副主任医师")),
                List.of(new ServerWire.Patient("P0001", true, "ZY2026001", null, "赵演示", "M", LocalDate.of(1958, 3, 2), null, "13800000001",
                                "EMPLOYEE", "YB00000001", "肾内一病区", "12床", 300000,
                                List.of(new ServerWire.Allergy(null, "海鲜", "荨麻疹", "MILD")), Instant.parse("2026-11-01T08:00:00Z")),
                        // issue 8: an inpatient allergic to penicillins (amoxicillin D0001 matches) and to D0002 by its code
                        new ServerWire.Patient("P0002", true, "ZY2026002", null, "钱演练", "F", LocalDate.of(1971, 8, 15), null, "13800000002",
                                "RESIDENT", "YB00000002", "肾内一病区", "15床", 150000,
                                List.of(new ServerWire.Allergy(null, "青霉素", "过敏性休克", "SEVERE"),
                                        new ServerWire.Allergy("D0002", "头孢克肟", "皮疹", "MODERATE")), Instant.parse("2026-11-01T08:00:00Z")),
                        new ServerWire.Patient("P0003", false, null, "MZ0003", "孙测试", "F", LocalDate.of(1990, 1, 20), null, "13800000003",
                                "SELF_PAY", null, null, null, 0)),
                staff));
    }

    public static List<ServerWire.Item> items() {
        List<ServerWire.Item> out = new ArrayList<>();
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
            out.add(new ServerWire.Item(r[0], r[1], r[2], PinyinInitials.of(r[2]), r[7], r[3], Long.parseLong(r[4]), r[5], r[6]));
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
