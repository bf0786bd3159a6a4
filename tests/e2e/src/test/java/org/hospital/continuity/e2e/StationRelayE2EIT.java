package org.hospital.continuity.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hospital.continuity.e2e.KioskCrashE2EIT.Answer;
import org.hospital.continuity.e2e.KioskCrashE2EIT.Client;
import org.hospital.continuity.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * HIS down, LAN up: the continuity server as the relay between stations (EP-6.4–6.7), with the packaged server and four
 * packaged kiosks — ward, doctor, pharmacy, med-tech — and the HIS stopped (the server's HIS link points at a port nobody
 * answers). Pages only for what people do, in Debian's Chromium at 1366×768: the ward's 药品请领单 appears on the pharmacy's
 * list and is dispensed from it, the dispense shows on the ward; the doctor's exam request appears at the med-tech station.
 * Then the LAN dies (the server is stopped): both stations say 完全离线 and keep working — the pharmacy dispenses a
 * requisition the relay brought before, the ward writes a new one. After recovery everything reaches the server exactly
 * once (every kiosk's journal, cursor = last sequence, each entry stored once) and the offline records flow on.
 * Screenshots under {@code tests/e2e/target/relay/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StationRelayE2EIT {

    static final Path SHOTS = Path.of("target", "relay");

    record Desk(String key, String department, String departmentName, String area, String areaName, String account, String name,
                String role) {
    }

    static final Map<String, Desk> DESKS = new LinkedHashMap<>();

    static {
        for (Desk d : List.of(
                new Desk("ward", "SK", "肾内科", "NURSE_STATION", "护士工作站", "nurse-1", "护士丙", "NURSE"),
                new Desk("doctor", "NK", "内科", "OUTPATIENT_DOCTOR", "门诊医生工作站", "doctor-1", "医生戊", "DOCTOR"),
                new Desk("pharmacy", "YF", "药房", "PHARMACY", "药房", "pharm-1", "药师庚", "PHARMACIST"),
                new Desk("medtech", "YJ", "医技科", "MEDICAL_TECHNOLOGY", "医技检查", "medtech-1", "医技壬", "MED_TECH"))) {
            DESKS.put(d.key(), d);
        }
    }

    Path data;
    int port;
    String adminPassword;
    Map<String, String> serverProps;
    AppProcess server;
    Client admin;
    String token;
    final Map<String, AppProcess> kiosks = new HashMap<>();
    final Map<String, String> kioskUrls = new HashMap<>();
    final Map<String, Page> pages = new HashMap<>();
    HeadlessChromium chromium;
    /** One browser per desk (cookies do not tell ports apart: each kiosk's sign-in lives in its own browser). */
    final Map<String, BrowserContext> browsers = new HashMap<>();
    final List<String> notChinese = new java.util.ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Files.createDirectories(SHOTS);
        Path root = AppProcess.root();
        data = Files.createTempDirectory("continuity-relay-");
        adminPassword = "E2e-Relay-" + UUID.randomUUID().toString().substring(0, 8) + "-1a";
        port = freePort();
        serverProps = new HashMap<>(Map.of("quarkus.http.port", String.valueOf(port), "continuity.data-dir", data.resolve("server").toString(),
                "continuity.kiosk.demo-data", "true", "continuity.auth.initial-admin.password", adminPassword,
                "continuity.kiosk.verifier-iterations", "10000",
                // the HIS is down all day: its address answers nothing
                "continuity.writeback.fhir-base-url", "http://127.0.0.1:" + freePort() + "/fhir"));
        server = startServer();
        String serverUrl = "http://127.0.0.1:" + port;
        admin = new Client(serverUrl);
        Answer login = admin.send("POST", "/api/auth/login", Map.of("username", "admin", "password", adminPassword), null);
        assertThat(login.status()).as(String.valueOf(login.body())).isEqualTo(200);
        token = login.body().path("token").asText();
        Map<String, String> codes = new HashMap<>();
        for (Desk d : DESKS.values()) {
            StaffAccounts.department(admin, token, d.department(), d.departmentName(), d.area());
            StaffAccounts.person(admin, token, d.account(), d.name(), d.department(), d.role());
            Answer created = admin.send("POST", "/api/admin/kiosks", Map.of("name", d.departmentName() + "工作站", "departmentCode", d.department()),
                    token);
            assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
            codes.put(d.key(), created.body().path("code").asText());
        }
        for (Desk d : DESKS.values()) {
            kiosks.put(d.key(), AppProcess.start("relay-kiosk-" + d.key(), root.resolve("offline-kiosk/target/quarkus-app/quarkus-run.jar"),
                    List.of("-Xmx256m"), Map.of("quarkus.http.port", "0", "continuity.data-dir", data.resolve("kiosk-" + d.key()).toString(),
                            "continuity.server-url", serverUrl, "continuity.instructions.interval", "2s", "continuity.faults.interval", "2s"),
                    Map.of()));
        }
        for (Desk d : DESKS.values()) {
            String url = kiosks.get(d.key()).awaitBaseUrl(Duration.ofSeconds(180));
            kioskUrls.put(d.key(), url);
            Client k = new Client(url);
            k.ok("POST", "/api/kiosk/enrolment", Map.of("code", codes.get(d.key())));
            k.ok("PUT", "/api/settings/language", Map.of("language", "zh-CN"));
        }
        chromium = HeadlessChromium.launch();
    }

    AppProcess startServer() throws Exception {
        AppProcess s = AppProcess.start("relay-server", AppProcess.root().resolve("continuity-server/target/quarkus-app/quarkus-run.jar"),
                List.of("-Xmx512m"), serverProps, Map.of());
        s.awaitBaseUrl(Duration.ofSeconds(180));
        return s;
    }

    @AfterAll
    void stop() throws Exception {
        for (BrowserContext b : browsers.values()) {
            b.close();
        }
        if (chromium != null) {
            chromium.close();
        }
        for (AppProcess k : kiosks.values()) {
            k.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
        notChinese.addAll(org.hospital.continuity.testsupport.ScreenWords.findings(name, page.innerText("body")));
    }

    Page signIn(Desk d) {
        BrowserContext browser = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
        browsers.put(d.key(), browser);
        Page page = browser.newPage();
        page.navigate(kioskUrls.get(d.key()));
        page.waitForSelector("#login-accountId:focus");
        page.keyboard().type(d.account());
        page.keyboard().press("Tab");
        page.keyboard().type(StaffAccounts.PASSWORD);
        page.keyboard().press("Enter");
        page.waitForSelector("#nav:not([hidden]) a.active");
        assertThat(page.textContent("#b-staff")).contains(d.name());
        return page;
    }

    /** The F-key of a tab on the person's bar, by its words. */
    static String key(Page page, String label) {
        String text = page.textContent("#nav a:has-text('" + label + "') kbd");
        return text.trim();
    }

    /** EP-6.1: F8 lists the instruction; the person acknowledges it with Enter. */
    void acknowledge(Page page, String what) {
        page.keyboard().press("F8");
        page.waitForSelector("#s-mode:not([hidden])");
        for (int i = 0; i < 30 && page.locator("#ins-table tbody tr:has-text('" + what + "'):has-text('待确认')").count() == 0; i++) {
            page.waitForTimeout(1000);
            page.keyboard().press("F8");
        }
        Matcher m = Pattern.compile("第(\\d+)号").matcher(page.textContent("#ins-table tbody tr.sel"));
        assertThat(m.find()).isTrue();
        page.waitForSelector("#b-instruction:has-text('第" + m.group(1) + "号通知待确认')");
        page.keyboard().press("Enter");
        page.waitForSelector("#flash.ok:has-text('已确认第" + m.group(1) + "号通知')");
    }

    /** Closes the print preview after a save (the paper itself is the shifts test's business). */
    static void closePaper(Page page) {
        page.waitForSelector("#paper:not([hidden])");
        page.keyboard().press("Escape");
        page.waitForSelector("#paper", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
    }

    /** The ward's 药品请领单 for the census patient in bed 12, by the keyboard; the id of the record from the flash's journal. */
    void requisition(Page ward, String lines) {
        ward.keyboard().press(key(ward, "药品请领单"));
        ward.waitForSelector("#cl-title:has-text('药品请领单')");
        ward.waitForSelector("#cl-patient:focus");
        ward.keyboard().type("12");
        ward.waitForSelector("#cl-patient-results li.sel:has-text('赵演示')");
        ward.keyboard().press("Enter");
        ward.waitForSelector("#cl-lines:focus");
        ward.keyboard().type(lines);
        ward.keyboard().press("Control+Enter");
        closePaper(ward);
    }

    @Test
    @Order(1)
    @DisplayName("EP-5.2 EP-6.1 the HIS is down, the LAN up: every station acknowledges the switch and its banner says 联网停机")
    void intoDowntimeWithTheLanUp() throws Exception {
        for (Desk d : DESKS.values()) {
            pages.put(d.key(), signIn(d));
        }
        // EP-3.1: the ward reports the HIS failing (F5); the report opens the incident
        Page ward = pages.get("ward");
        ward.keyboard().press("F5");
        ward.waitForSelector("#ft-symptom:focus");
        ward.keyboard().press("ArrowDown");
        ward.keyboard().press("ArrowDown"); // 系统运行缓慢
        ward.keyboard().press("Tab");
        ward.keyboard().press("Tab");
        ward.keyboard().press("Tab");
        ward.keyboard().type("医院信息系统打不开，一直转圈");
        ward.keyboard().press("Enter");
        ward.waitForSelector("#flash.ok:has-text('已报告信息科')");
        boolean open = false;
        for (int i = 0; i < 90 && !open; i++) {
            for (JsonNode inc : admin.send("GET", "/api/incidents?limit=50", null, token).body()) {
                open |= inc.path("closedAt").isNull() || inc.path("closedAt").isMissingNode();
            }
            if (!open) {
                Thread.sleep(1000);
            }
        }
        assertThat(open).as("the fault report opened an incident").isTrue();
        for (Desk d : DESKS.values()) {
            // EP-5.2: IT switches the area at once (critically ill patients)
            Answer granted = admin.send("POST", "/api/incidents/manual-mode-requests", Map.of("department", d.area(),
                    "reason", "数据库故障，" + d.areaName() + "立即转入手工"), token);
            assertThat(granted.status()).as(String.valueOf(granted.body())).isEqualTo(200);
        }
        for (Desk d : DESKS.values()) {
            Page page = pages.get(d.key());
            acknowledge(page, "转入手工操作");
            page.waitForSelector("#b-mode:has-text('手工操作（停机）模式')");
            page.waitForSelector("#b-mode:has-text('联网停机')");
            shot(page, "01-" + d.key() + "-lan-up");
        }
    }

    @Test
    @Order(2)
    @DisplayName("EP-6.5 EP-6.7 HR-5 the ward's requisition appears on the pharmacy's list within seconds, is dispensed from it, and the dispense shows on the ward; the doctor's exam request appears at the med-tech station only")
    void requisitionDispensedThroughTheRelay() throws Exception {
        Page ward = pages.get("ward");
        Page pharmacy = pages.get("pharmacy");
        Page doctor = pages.get("doctor");
        Page medtech = pages.get("medtech");
        pharmacy.keyboard().press(key(pharmacy, "站间单据"));
        pharmacy.waitForSelector("#s-relay:not([hidden])");
        pharmacy.waitForSelector("#relay-state:has-text('应急服务器在线')");
        medtech.keyboard().press(key(medtech, "站间单据"));
        medtech.waitForSelector("#s-relay:not([hidden])");

        long saved = System.nanoTime();
        requisition(ward, "D0010 2");
        pharmacy.waitForSelector("#relay-table tbody tr:has-text('赵演示'):has-text('待发药'):has-text('孟鲁司特钠片×2')",
                new Page.WaitForSelectorOptions().setTimeout(15_000));
        long shown = System.nanoTime();
        System.out.printf("relay: ward save → pharmacy screen %d ms (print preview closed in between)%n", (shown - saved) / 1_000_000);
        assertThat(pharmacy.textContent("#relay-table tbody tr:has-text('赵演示')")).contains("药品请领单", "12床", "肾内科");
        shot(pharmacy, "02-pharmacy-relay-list");

        // the pharmacist picks it (↑↓ Enter): the dispense form opens with the record and its drugs; Ctrl+Enter saves
        pharmacy.locator("#relay-table").focus();
        pharmacy.keyboard().press("Enter");
        pharmacy.waitForSelector("#s-clinical:not([hidden])");
        assertThat(pharmacy.textContent("#cl-title")).isEqualTo("发药记录");
        assertThat(pharmacy.inputValue("#cl-lines")).isEqualTo("D0010 2");
        String fills = pharmacy.inputValue("#cl-fillsRecordId");
        assertThat(fills).matches("[0-9a-f-]{36}");
        shot(pharmacy, "03-pharmacy-dispense-form");
        pharmacy.locator("#cl-lines").focus();
        pharmacy.keyboard().press("Control+Enter");
        closePaper(pharmacy);
        pharmacy.keyboard().press(key(pharmacy, "站间单据"));
        pharmacy.waitForSelector("#relay-table tbody tr:has-text('赵演示'):has-text('已发药')");

        // the ward sees the dispense come back
        ward.keyboard().press(key(ward, "站间单据"));
        ward.waitForSelector("#relay-table tbody tr:has-text('发药记录'):has-text('赵演示'):has-text('孟鲁司特钠片×2')",
                new Page.WaitForSelectorOptions().setTimeout(15_000));
        assertThat(ward.textContent("#relay-table tbody tr:has-text('发药记录')")).contains("药房", "已完成");
        shot(ward, "04-ward-sees-dispense");

        // the doctor's exam request goes to the med-tech station, not to the pharmacy
        // the person looks at the form's title before typing: the screen they came from (手工处方) has the same patient
        // field, focused, and whatever is typed there before the new form is up belongs to the old one
        doctor.keyboard().press(key(doctor, "医嘱/申请单"));
        doctor.waitForSelector("#cl-title:has-text('医嘱 / 申请单')");
        doctor.waitForSelector("#cl-patient:focus");
        doctor.locator("#cl-patientName").fill("郑检查");
        doctor.locator("#cl-kind").selectOption("EXAM");
        doctor.locator("#cl-content").fill("腹部B超");
        doctor.locator("#cl-content").press("Control+Enter");
        closePaper(doctor);
        medtech.waitForSelector("#relay-table tbody tr:has-text('郑检查'):has-text('检查检验申请'):has-text('待登记')",
                new Page.WaitForSelectorOptions().setTimeout(15_000));
        assertThat(medtech.textContent("#relay-table tbody tr:has-text('郑检查')")).contains("腹部B超", "内科");
        shot(medtech, "05-medtech-exam-request");
        assertThat(pharmacy.locator("#relay-table tbody tr:has-text('郑检查')").count()).as("HR-5: not the pharmacy's").isZero();

        // a second requisition reaches the pharmacy before the LAN dies; it is dispensed offline below
        requisition(ward, "D0010 1");
        pharmacy.waitForSelector("#relay-table tbody tr:has-text('孟鲁司特钠片×1'):has-text('待发药')",
                new Page.WaitForSelectorOptions().setTimeout(15_000));
    }

    @Test
    @Order(3)
    @DisplayName("EP-6.7 EP-8.4 the LAN dies too (server stopped): both stations say 完全离线 and keep working alone — the pharmacy dispenses what the relay brought, the ward writes a new requisition")
    void theLanDies() throws Exception {
        Page ward = pages.get("ward");
        Page pharmacy = pages.get("pharmacy");
        server.close();
        server = null;
        ward.waitForSelector("#b-mode:has-text('完全离线')", new Page.WaitForSelectorOptions().setTimeout(30_000));
        pharmacy.waitForSelector("#b-mode:has-text('完全离线')", new Page.WaitForSelectorOptions().setTimeout(30_000));
        pharmacy.waitForSelector("#relay-state:has-text('应急服务器联系不上')", new Page.WaitForSelectorOptions().setTimeout(30_000));
        shot(pharmacy, "06-pharmacy-offline");

        pharmacy.locator("#relay-table tbody tr:has-text('孟鲁司特钠片×1')").click();
        pharmacy.keyboard().press("Enter");
        pharmacy.waitForSelector("#s-clinical:not([hidden])");
        assertThat(pharmacy.inputValue("#cl-lines")).isEqualTo("D0010 1");
        pharmacy.locator("#cl-lines").focus();
        pharmacy.keyboard().press("Control+Enter");
        closePaper(pharmacy);
        pharmacy.keyboard().press(key(pharmacy, "站间单据"));
        pharmacy.waitForSelector("#relay-table tbody tr:has-text('孟鲁司特钠片×1'):has-text('已发药')");
        shot(pharmacy, "07-pharmacy-dispensed-offline");

        requisition(ward, "D0010 3");
        ward.keyboard().press(key(ward, "站间单据"));
        ward.waitForSelector("#relay-state:has-text('应急服务器联系不上')");
        shot(ward, "08-ward-offline");
    }

    @Test
    @Order(4)
    @DisplayName("EP-8.4 HR-9 after recovery every record reaches the server exactly once (each kiosk's whole journal, stored once, cursor = last sequence), and what was written offline flows on: the offline requisition reaches the pharmacy, the offline dispense the ward")
    void everythingReconcilesExactlyOnce() throws Exception {
        server = startServer();
        Answer login = admin.send("POST", "/api/auth/login", Map.of("username", "admin", "password", adminPassword), null);
        assertThat(login.status()).as(String.valueOf(login.body())).isEqualTo(200);
        token = login.body().path("token").asText();
        Page ward = pages.get("ward");
        Page pharmacy = pages.get("pharmacy");
        for (Desk d : DESKS.values()) {
            Client k = new Client(kioskUrls.get(d.key()));
            JsonNode status = null;
            JsonNode held = null;
            for (int i = 0; i < 60; i++) {
                status = k.ok("GET", "/api/sync/status", null);
                held = admin.send("GET", "/api/sync/v1/kiosks/" + status.path("kioskId").asText(), null, token).body();
                if (status.path("unsent").asLong() == 0 && held != null && held.path("cursor").asLong() == status.path("lastSeq").asLong()) {
                    break;
                }
                k.ok("POST", "/api/sync/push-now", null);
                Thread.sleep(1000);
            }
            long lastSeq = status.path("lastSeq").asLong();
            assertThat(lastSeq).as(d.key()).isGreaterThan(0);
            assertThat(held.path("cursor").asLong()).as("%s: every entry 1..%d settled on the server", d.key(), lastSeq).isEqualTo(lastSeq);
            assertThat(held.path("highestHeld").asLong()).as(d.key()).isEqualTo(lastSeq);
            assertThat(held.path("entriesStored").asLong()).as("%s: each entry stored exactly once", d.key()).isEqualTo(lastSeq);
            assertThat(held.path("incidents").asLong()).as("%s: no conflict", d.key()).isZero();
        }
        ward.waitForSelector("#b-mode:has-text('联网停机')", new Page.WaitForSelectorOptions().setTimeout(60_000));
        pharmacy.waitForSelector("#relay-table tbody tr:has-text('孟鲁司特钠片×3'):has-text('待发药')",
                new Page.WaitForSelectorOptions().setTimeout(60_000));
        ward.waitForSelector("#relay-table tbody tr:has-text('发药记录'):has-text('孟鲁司特钠片×1')",
                new Page.WaitForSelectorOptions().setTimeout(60_000));
        shot(pharmacy, "09-pharmacy-after-recovery");
        shot(ward, "10-ward-after-recovery");
        assertThat(notChinese).as("every word on the screens is Chinese").isEmpty();
    }
}
