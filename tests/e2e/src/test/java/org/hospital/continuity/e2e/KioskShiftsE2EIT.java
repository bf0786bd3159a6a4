package org.hospital.continuity.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * A whole shift per role — cashier, nurse, doctor, pharmacist, med-tech — each on its own packaged kiosk against the
 * packaged server, keyboard only, in Debian's Chromium at 1366×768: sign in with a hospital account, report the fault
 * (F5), acknowledge the announced switch to manual operation (F8, EP-6.1), capture, print (Chromium prints the paper to
 * PDF and its text is read back), void or correct (HR-9). All shifts run in one outage: when IT declares the system back,
 * every desk acknowledges the restart notice, leaves downtime and sees its fault report's state (EP-3.2). The test asserts
 * what a person sees; screenshots (1366×768) and the printed PDFs under {@code tests/e2e/target/shifts/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KioskShiftsE2EIT {

    static final Path SHOTS = Path.of("target", "shifts");

    /** A role's desk: its department (and the ladder area whose instructions it follows), the person and their supervisor. */
    record Desk(String key, String department, String departmentName, String area, String account, String name, String staffRole,
                String lead, String leadName) {
    }

    static final Map<String, Desk> DESKS = new LinkedHashMap<>();

    static {
        for (Desk d : List.of(
                new Desk("cashier", "SFC", "门诊收费处", "OUTPATIENT_REGISTRATION", "cashier-1", "收款员甲", "CASHIER", "cashier-lead", "收费组长乙"),
                new Desk("nurse", "SK", "肾内科", "NURSE_STATION", "nurse-1", "护士丙", "NURSE", "head-nurse", "护士长丁"),
                new Desk("doctor", "ZYYS", "住院医生工作站", "INPATIENT_DOCTOR", "doctor-1", "医生戊", "DOCTOR", "doctor-lead", "科主任己"),
                new Desk("pharmacist", "YF", "药房", "PHARMACY", "pharm-1", "药师庚", "PHARMACIST", "pharm-lead", "药房组长辛"),
                new Desk("medtech", "YJ", "医技科", "MEDICAL_TECHNOLOGY", "medtech-1", "医技壬", "MED_TECH", "medtech-lead", "医技组长癸"))) {
            DESKS.put(d.key(), d);
        }
    }

    AppProcess server;
    Client admin;
    String token;
    final Map<String, AppProcess> kiosks = new HashMap<>();
    final Map<String, String> kioskUrls = new HashMap<>();
    HeadlessChromium chromium;
    /** One outage for the whole hospital: each desk's shift runs in it; the system comes back once, at the end. */
    UUID incident;
    /** The desks whose shift reached downtime, with their browser (kept open until the system is back). */
    final Map<String, Page> onShift = new LinkedHashMap<>();
    final Map<String, BrowserContext> contexts = new HashMap<>();
    /** What the screens seen during the shifts showed that is not Chinese (every screenshot's page is read). */
    final List<String> notChinese = new java.util.ArrayList<>();
    /** Fault reports the desks filed so far (each reaches IT before the desk's switch is granted). */
    int faultsFiled;

    @BeforeAll
    void start() throws Exception {
        Files.createDirectories(SHOTS);
        Path root = AppProcess.root();
        Path data = Files.createTempDirectory("continuity-shifts-");
        String adminPassword = "E2e-Shift-" + UUID.randomUUID().toString().substring(0, 8) + "-1a";
        server = AppProcess.start("shift-server", root.resolve("continuity-server/target/quarkus-app/quarkus-run.jar"),
                Map.of("quarkus.http.port", "0", "continuity.data-dir", data.resolve("server").toString(), "continuity.kiosk.demo-data", "true",
                        "continuity.auth.initial-admin.password", adminPassword, "continuity.kiosk.verifier-iterations", "10000"), Map.of());
        String serverUrl = server.awaitBaseUrl(Duration.ofSeconds(180));
        admin = new Client(serverUrl);
        Answer login = admin.send("POST", "/api/auth/login", Map.of("username", "admin", "password", adminPassword), null);
        assertThat(login.status()).as(String.valueOf(login.body())).isEqualTo(200);
        token = login.body().path("token").asText();
        Map<String, String> codes = new HashMap<>();
        for (Desk d : DESKS.values()) {
            // kiosk sign-ins are hospital accounts: people of the department with a kiosk role, and their supervisor
            StaffAccounts.department(admin, token, d.department(), d.departmentName(), d.area());
            StaffAccounts.person(admin, token, d.account(), d.name(), d.department(), d.staffRole());
            StaffAccounts.person(admin, token, d.lead(), d.leadName(), d.department(), d.staffRole(), "DEPARTMENT_HEAD");
            Answer created = admin.send("POST", "/api/admin/kiosks", Map.of("name", d.departmentName() + "工作站", "departmentCode", d.department()),
                    token);
            assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
            codes.put(d.key(), created.body().path("code").asText());
        }
        // the pharmacy window's outpatient doctor writes the prescription the pharmacist dispenses against (on this kiosk)
        StaffAccounts.person(admin, token, "mz-doctor", "门诊医生甲", "YF", "DOCTOR");
        for (Desk d : DESKS.values()) {
            kiosks.put(d.key(), AppProcess.start("shift-kiosk-" + d.key(), root.resolve("offline-kiosk/target/quarkus-app/quarkus-run.jar"),
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

    @AfterAll
    void stop() throws Exception {
        for (BrowserContext c : contexts.values()) {
            c.close();
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

    // ---- what every shift does -------------------------------------------------------------------------------

    Page signIn(BrowserContext context, Desk d) {
        Page page = context.newPage();
        page.navigate(kioskUrls.get(d.key()));
        page.waitForSelector("#login-accountId:focus");
        page.keyboard().type(d.account());
        page.keyboard().press("Tab");
        page.keyboard().type(StaffAccounts.PASSWORD);
        page.keyboard().press("Enter");
        page.waitForSelector("#nav:not([hidden]) a.active");
        assertThat(page.textContent("#b-staff")).contains(d.name());
        assertThat(page.textContent("#b-kiosk")).contains(d.departmentName());
        return page;
    }

    void shot(Page page, Desk d, String step) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(d.key() + "-" + step + ".png")));
        notChinese.addAll(org.hospital.continuity.testsupport.ScreenWords.findings(d.key() + " " + step, page.innerText("body")));
    }

    /** EP-3.1: F5, what fails (系统运行缓慢), where (prefilled: this workstation), in one's words; Enter sends it. */
    void reportFault(Page page, Desk d) {
        page.keyboard().press("F5");
        page.waitForSelector("#ft-symptom:focus");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown"); // 系统运行缓慢
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().type("打开很慢，转圈不动");
        page.keyboard().press("Enter");
        // "正在保存…" first, then what became of it
        page.waitForSelector("#flash.ok:has-text('已报告信息科')");
        faultsFiled++;
        page.waitForSelector("#ft-table tbody tr:has-text('系统运行缓慢')");
        shot(page, d, "1-fault-report");
    }

    /**
     * The desk's fault report reached the server. Reports of other areas open incidents of their own (EP-4.1); IT sees one
     * cause behind them (the database) and merges each into the hospital's outage (EP-4), so one incident carries the day.
     * Then IT grants manual operation for the desk's area in it (EP-5.2: at any time, with a reason).
     */
    UUID switchAnnounced(Desk d) throws Exception {
        int filed = faultsFiled;
        JsonNode reports = null;
        for (int i = 0; i < 60 && (reports == null || reports.size() < filed); i++) {
            if (reports != null) {
                Thread.sleep(500);
            }
            reports = admin.send("GET", "/api/fault-reports?limit=50", null, token).body();
        }
        assertThat(reports.size()).as("the desk's fault report reached IT").isGreaterThanOrEqualTo(filed);
        String report = reports.get(0).path("id").asText(); // newest first: this desk's
        // the engine grades the report in its next tick: the incident that holds it lists it among its signals
        UUID holder = null;
        for (int i = 0; i < 40 && holder == null; i++) {
            for (UUID open : openIncidents()) {
                for (JsonNode signal : admin.send("GET", "/api/incidents/" + open, null, token).body().path("signals")) {
                    if (signal.path("id").asText().contains(report)) {
                        holder = open;
                    }
                }
            }
            if (holder == null) {
                Thread.sleep(500);
            }
        }
        assertThat(holder).as("an open incident holds the desk's fault report").isNotNull();
        if (incident == null) {
            incident = holder; // the first report opens the day's outage
        }
        for (UUID other : openIncidents()) {
            if (!other.equals(incident)) {
                // EP-4, EP-3.2: a report from another department's area opens that area's incident; IT sees one fault behind
                // both (the database) and merges it into the outage's incident, which carries on
                Answer merged = admin.send("POST", "/api/incidents/merges", Map.of("from", other.toString(), "into", incident.toString(),
                        "reason", "同一原因：数据库故障，" + d.departmentName() + "的报告并入全院故障"), token);
                assertThat(merged.status()).as(String.valueOf(merged.body())).isEqualTo(200);
            }
        }
        assertThat(openIncidents()).as("one outage, one incident").containsExactly(incident);
        Answer granted = admin.send("POST", "/api/incidents/manual-mode-requests", Map.of("department", d.area(),
                "reason", "危重病人较多，" + d.departmentName() + "提前转入手工"), token);
        assertThat(granted.status()).as(String.valueOf(granted.body())).isEqualTo(200);
        assertThat(granted.body().path("instructions").size()).as("an instruction for the department: %s", granted.body()).isGreaterThan(0);
        return incident;
    }

    /** The incidents still open (not closed, not merged into another). */
    List<UUID> openIncidents() throws Exception {
        Answer list = admin.send("GET", "/api/incidents?limit=50", null, token);
        assertThat(list.status()).as(String.valueOf(list.body())).isEqualTo(200);
        List<UUID> out = new java.util.ArrayList<>();
        for (JsonNode i : list.body()) {
            if (i.path("closedAt").isNull() || i.path("closedAt").isMissingNode()) {
                out.add(UUID.fromString(i.path("id").asText()));
            }
        }
        return out;
    }

    /** EP-6.1: F8 lists the instruction with its short number; the person acknowledges it with their own sign-in (Enter). */
    void acknowledge(Page page, Desk d, String what, String step) {
        page.keyboard().press("F8");
        page.waitForSelector("#s-mode:not([hidden])");
        for (int i = 0; i < 30 && page.locator("#ins-table tbody tr:has-text('" + what + "'):has-text('待确认')").count() == 0; i++) {
            page.waitForTimeout(1000);
            page.keyboard().press("F8");
        }
        Pattern number = Pattern.compile("第(\\d+)号");
        String row = page.textContent("#ins-table tbody tr.sel");
        assertThat(row).contains(what).contains("待确认");
        Matcher m = number.matcher(row);
        assertThat(m.find()).as("a short number: %s", row).isTrue();
        // the banner follows the kiosk's status poll, the table its own: the banner says it within one poll
        page.waitForSelector("#b-instruction:has-text('第" + m.group(1) + "号通知待确认')");
        shot(page, d, step + "-announced");
        page.keyboard().press("Enter");
        page.waitForSelector("#flash.ok:has-text('已确认第" + m.group(1) + "号通知')");
    }

    /** Prints the page at {@code url} to PDF in Chromium (as the kiosk's print does) and returns its text. */
    String printed(BrowserContext context, String url, Desk d, String name) throws Exception {
        Page paper = context.newPage();
        paper.navigate(url);
        Path pdf = SHOTS.resolve(d.key() + "-" + name + ".pdf");
        byte[] bytes = paper.pdf(new Page.PdfOptions().setPath(pdf).setPreferCSSPageSize(true));
        paper.close();
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).as("every paper is marked as a downtime form (HR-11)").contains("停机期间手工单据");
            return text;
        }
    }

    /** The print preview after saving: what it shows, the paper as PDF text; Escape gives the keyboard back. */
    String paper(Page page, BrowserContext context, Desk d, String title, String name) throws Exception {
        page.waitForSelector("#paper:not([hidden])");
        assertThat(page.textContent("#paper-title")).contains(title);
        // the paper in the preview as the person sees it once it is loaded
        page.frameLocator("#paper-frame").locator("text=停机期间手工单据").first().waitFor();
        shot(page, d, name + "-preview");
        String url = kioskUrls.get(d.key()) + page.getAttribute("#paper-frame", "src");
        String text = printed(context, url, d, name);
        page.keyboard().press("Escape");
        page.waitForSelector("#paper", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
        return text;
    }

    /** IT declares the system back (EP-6.8); the engine releases manual operation with a restart notice for every department. */
    void recovery() throws Exception {
        Answer a = admin.send("POST", "/api/incidents/" + incident + "/recovery", Map.of("note", "数据库已恢复"), token);
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
    }

    /** Acknowledges the restart notice and leaves downtime; the banner says the system is back. */
    void leaveDowntime(Page page, Desk d) {
        acknowledge(page, d, "恢复运行", "8-restart");
        page.waitForSelector("#b-mode:has-text('已恢复运行')");
        assertThat(page.textContent("#mode-current")).contains("已恢复运行");
        shot(page, d, "8-left-downtime");
    }

    /** EP-3.2: F5 shows what IT did with the report: received, folded into the incident. */
    void faultState(Page page, Desk d) {
        page.keyboard().press("F5");
        page.waitForSelector("#ft-table tbody tr:has-text('信息科已收到')");
        for (int i = 0; i < 20 && page.locator("#ft-table tbody tr:has-text('已并入')").count() == 0; i++) {
            page.waitForTimeout(1000);
            page.keyboard().press("F5");
        }
        assertThat(page.textContent("#ft-table tbody")).contains("信息科已收到").contains("已并入");
        shot(page, d, "9-fault-state");
    }

    /** The start of every shift: signed in, the fault reported, the announced switch acknowledged, in downtime. */
    Page intoDowntime(BrowserContext context, Desk d) throws Exception {
        Page page = signIn(context, d);
        assertThat(page.textContent("#b-mode")).contains("正常模式");
        shot(page, d, "0-signed-in");
        reportFault(page, d);
        switchAnnounced(d);
        acknowledge(page, d, "转入手工操作", "2");
        page.waitForSelector("#b-mode:has-text('手工操作（停机）模式')");
        shot(page, d, "3-downtime");
        return page;
    }

    /** The desk's browser at 1366×768, kept open for the whole shift (until the system is back). */
    BrowserContext context(Desk d) {
        BrowserContext c = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
        contexts.put(d.key(), c);
        return c;
    }

    static String id(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    // ---- the shifts ----------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("EP-6.1 EP-6.2 EP-6.2.3 HR-9 a cashier's shift: acknowledge the switch, register by ID, charge, print slip and invoice, void it")
    void cashier() throws Exception {
        Desk d = DESKS.get("cashier");
        BrowserContext context = context(d);
        Page page = intoDowntime(context, d);
        onShift.put(d.key(), page);
        page.keyboard().press("F1");
        page.waitForSelector("#reg-name:focus");
        page.keyboard().type("王小红");
        page.keyboard().press("Tab");
        page.keyboard().type(id("11010519900512002"));
        page.keyboard().press("Tab");
        page.keyboard().type("13912345678");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().type("nk");
        page.waitForSelector("#reg-dept-results li.sel:has-text('内科')");
        page.keyboard().press("Enter");
        shot(page, d, "4-registration");
        page.keyboard().press("Enter");
        String slip = paper(page, context, d, "门诊挂号单", "5-registration-slip");
        assertThat(slip).contains("门诊挂号单", "王小红", "女", "36岁", "内科", "¥10.00");
        String number = page.textContent("#flash").replaceAll(".*门诊号 ([^，\\s]+)，.*", "$1");
        assertThat(slip).contains(number);

        page.keyboard().press("F2");
        page.waitForSelector("#ch-patient:focus");
        page.keyboard().type("WXH");
        page.waitForSelector("#ch-patient-results li.sel:has-text('王小红')");
        page.keyboard().press("Enter");
        page.waitForSelector("#ch-search:focus");
        page.keyboard().type("amxl");
        page.waitForSelector("#ch-results li.sel:has-text('阿莫西林胶囊')");
        page.keyboard().press("Enter");
        page.keyboard().type("2");
        page.keyboard().press("Enter");
        page.waitForSelector("#ch-search:focus");
        page.keyboard().press("Enter");
        page.waitForSelector("#ch-settlement:focus");
        assertThat(page.textContent("#ch-whose")).contains("王小红");
        shot(page, d, "6-charge");
        page.keyboard().press("Enter");
        String invoice = paper(page, context, d, "手工收费票据", "6-invoice");
        assertThat(invoice).contains("手工收费票据", "王小红", "阿莫西林胶囊", "¥17.20");
        Matcher no = Pattern.compile("发票号\\s*([A-Za-z0-9-]+)").matcher(invoice);
        assertThat(no.find()).isTrue();

        page.keyboard().press("F3");
        page.waitForSelector("#void-no:focus");
        page.keyboard().type(no.group(1));
        page.keyboard().press("Tab");
        page.keyboard().type("金额开错，病人退药");
        // HR-9: the cashier lead approves the void at the same kiosk with their own password (the second person)
        page.keyboard().press("Tab");
        page.keyboard().type(d.lead());
        page.keyboard().press("Tab");
        page.keyboard().type(StaffAccounts.PASSWORD);
        page.keyboard().press("Enter");
        String voided = paper(page, context, d, "手工收费票据", "7-invoice-void");
        assertThat(voided).contains("作废", "金额开错，病人退药");
        page.waitForSelector("#inv-table tbody tr:has-text('作废')");
        shot(page, d, "7-register");

    }

    @Test
    @Order(2)
    @DisplayName("EP-6.1 EP-6.5 HR-9 a nurse's shift: acknowledge, a 药品请领单 for a census patient picked by bed, printed in two copies, voided")
    void nurse() throws Exception {
        Desk d = DESKS.get("nurse");
        BrowserContext context = context(d);
        Page page = intoDowntime(context, d);
        onShift.put(d.key(), page);
        page.keyboard().press("F1");
        page.waitForSelector("#cl-patient:focus");
        assertThat(page.textContent("#cl-title")).isEqualTo("药品请领单");
        page.keyboard().type("12");
        page.waitForSelector("#cl-patient-results li.sel:has-text('赵演示')");
        page.keyboard().press("Enter");
        page.waitForSelector("#cl-lines:focus");
        assertThat(page.textContent("#cl-whose")).contains("赵演示", "12床", "ZY2026001");
        page.keyboard().type("D0010 2");
        shot(page, d, "4-requisition");
        page.keyboard().press("Control+Enter");
        String req = paper(page, context, d, "药品请领单", "5-requisition");
        assertThat(req).contains("药品请领单", "赵演示", "孟鲁司特钠片", "第一联", "第二联");

        page.keyboard().press("Alt+r");
        page.waitForSelector("#cl-recent:focus");
        page.keyboard().press("Enter");
        page.waitForSelector("#am-reason:focus");
        page.keyboard().type("医嘱已停，请领作废");
        // HR-9: the supervisor of the form's discipline approves at the same kiosk with their own password (the second person)
        page.keyboard().press("Tab");
        page.keyboard().type(d.lead());
        page.keyboard().press("Tab");
        page.keyboard().type(StaffAccounts.PASSWORD);
        page.keyboard().press("Alt+v");
        String voided = paper(page, context, d, "药品请领单", "6-requisition-void");
        assertThat(voided).contains("已作废", "医嘱已停，请领作废");
        page.waitForSelector("#cl-recent tbody tr:has-text('已作废')");
        shot(page, d, "7-voided");

    }

    @Test
    @Order(3)
    @DisplayName("EP-6.1 EP-6.4 HR-9 a doctor's shift: acknowledge, a handwritten prescription, printed, corrected with a reason")
    void doctor() throws Exception {
        Desk d = DESKS.get("doctor");
        BrowserContext context = context(d);
        Page page = intoDowntime(context, d);
        onShift.put(d.key(), page);
        page.keyboard().press("F1");
        page.waitForSelector("#cl-patient:focus");
        assertThat(page.textContent("#cl-title")).isEqualTo("手工处方");
        page.keyboard().press("Tab");
        page.keyboard().type("周病人");
        page.keyboard().press("Tab");
        page.keyboard().type("慢性肾病三期");
        page.keyboard().press("Tab");
        page.keyboard().type("D0001 0.5 g po tid 2 7");
        shot(page, d, "4-prescription");
        page.keyboard().press("Control+Enter");
        String rx = paper(page, context, d, "手工处方", "5-prescription");
        assertThat(rx).contains("手工处方", "周病人", "慢性肾病三期", "阿莫西林胶囊");

        page.keyboard().press("Alt+r");
        page.waitForSelector("#cl-recent:focus");
        page.keyboard().press("Enter");
        page.keyboard().type("剂量写错，改为每日两次");
        page.keyboard().press("Alt+c");
        page.waitForSelector("#cl-correcting:not([hidden])");
        page.waitForSelector("#cl-lines:focus");
        page.keyboard().press("Control+a");
        page.keyboard().type("D0001 0.5 g po bid 2 7");
        // HR-9: the chief doctor approves the correction with their own password (the second person)
        page.focus("#cl-approver");
        page.keyboard().type(d.lead());
        page.keyboard().press("Tab");
        page.keyboard().type(StaffAccounts.PASSWORD);
        page.keyboard().press("Control+Enter");
        String corrected = paper(page, context, d, "手工处方", "6-prescription-corrected");
        assertThat(corrected).contains("手工处方", "周病人", "剂量写错，改为每日两次");
        page.waitForSelector("#cl-recent tbody tr:has-text('已更正')");
        shot(page, d, "7-corrected");

    }

    @Test
    @Order(4)
    @DisplayName("EP-6.1 EP-6.7 HR-9 a pharmacist's shift: acknowledge, dispense against a scanned prescription, printed, voided")
    void pharmacist() throws Exception {
        Desk d = DESKS.get("pharmacist");
        BrowserContext context = context(d);
        Page page = intoDowntime(context, d);
        onShift.put(d.key(), page);
        // the outpatient doctor at the pharmacy window wrote the prescription here (its paper carries the QR code)
        Client desk = new Client(kioskUrls.get(d.key()));
        desk.ok("POST", "/api/session", Map.of("accountId", "mz-doctor", "password", StaffAccounts.PASSWORD));
        String rx = desk.ok("POST", "/api/clinical/prescriptions", Map.of("patientName", "吴门诊", "diagnosis", "急性支气管炎",
                "lines", List.of(Map.of("drugCode", "D0002", "dose", 0.1, "doseUnit", "g", "route", "po", "frequency", "bid",
                        "quantity", 1, "days", 3)))).path("id").asText();
        page.keyboard().press("F1");
        page.waitForSelector("#cl-fillsRecordId:focus");
        assertThat(page.textContent("#cl-title")).isEqualTo("发药记录");
        page.keyboard().type(rx); // the scanner types the QR code of the paper prescription
        page.keyboard().press("Tab");
        page.keyboard().type("D0002 1");
        shot(page, d, "4-dispense");
        page.keyboard().press("Control+Enter");
        String dispensed = paper(page, context, d, "发药记录", "5-dispense");
        assertThat(dispensed).contains("发药记录", "吴门诊", "头孢克肟分散片");

        page.keyboard().press("Alt+r");
        page.waitForSelector("#cl-recent:focus");
        page.keyboard().press("Enter");
        page.keyboard().type("药品批号登记错误");
        // HR-9: the supervisor of the form's discipline approves at the same kiosk with their own password (the second person)
        page.keyboard().press("Tab");
        page.keyboard().type(d.lead());
        page.keyboard().press("Tab");
        page.keyboard().type(StaffAccounts.PASSWORD);
        page.keyboard().press("Alt+v");
        String voided = paper(page, context, d, "发药记录", "6-dispense-void");
        assertThat(voided).contains("已作废", "药品批号登记错误");
        shot(page, d, "7-voided");

    }

    @Test
    @Order(5)
    @DisplayName("EP-6.1 EP-6.6 HR-9 a med-tech's shift: acknowledge, a 检查登记 with its stub number and price, printed, voided")
    void medtech() throws Exception {
        Desk d = DESKS.get("medtech");
        BrowserContext context = context(d);
        Page page = intoDowntime(context, d);
        onShift.put(d.key(), page);
        page.keyboard().press("F1");
        page.waitForSelector("#cl-patient:focus");
        assertThat(page.textContent("#cl-title")).isEqualTo("检查登记");
        page.keyboard().press("Tab");
        page.keyboard().type("郑检查");
        page.keyboard().press("Tab");
        page.keyboard().type("JC-0042");
        page.keyboard().press("Tab");
        page.keyboard().type("腹部B超 120"); // yuan, as people write prices
        shot(page, d, "4-exam-register");
        page.keyboard().press("Control+Enter");
        String exam = paper(page, context, d, "检查登记", "5-exam-register");
        assertThat(exam).contains("检查登记", "郑检查", "JC-0042", "腹部B超", "120.00");

        page.keyboard().press("Alt+r");
        page.waitForSelector("#cl-recent:focus");
        page.keyboard().press("Enter");
        page.keyboard().type("病人未到，检查取消");
        // HR-9: the supervisor of the form's discipline approves at the same kiosk with their own password (the second person)
        page.keyboard().press("Tab");
        page.keyboard().type(d.lead());
        page.keyboard().press("Tab");
        page.keyboard().type(StaffAccounts.PASSWORD);
        page.keyboard().press("Alt+v");
        String voided = paper(page, context, d, "检查登记", "6-exam-void");
        assertThat(voided).contains("已作废", "病人未到，检查取消");
        shot(page, d, "7-voided");

    }

    @Test
    @Order(10)
    @DisplayName("EP-6.8 EP-6.1 EP-3.2 the system is back: IT declares recovery once; at every desk on shift the person acknowledges the restart notice, leaves downtime and sees what became of their fault report")
    void backToNormal() throws Exception {
        assertThat(onShift).as("desks whose shift reached downtime").isNotEmpty();
        recovery();
        for (Map.Entry<String, Page> e : onShift.entrySet()) {
            Desk d = DESKS.get(e.getKey());
            e.getValue().keyboard().press("Escape"); // a print preview left open closes; the F-keys work again
            leaveDowntime(e.getValue(), d);
            faultState(e.getValue(), d);
        }
    }

    @Test
    @Order(20)
    @DisplayName("every screen a person saw during the shifts — before, in and after downtime, the server's words included — reads Chinese: no Latin-only words outside the allow-list, no ids, no ISO times")
    void everyScreenSeenReadsChinese() {
        assertThat(onShift).as("desks whose shift reached downtime").isNotEmpty();
        assertThat(notChinese).as("words on the screens that are not Chinese").isEmpty();
    }
}
