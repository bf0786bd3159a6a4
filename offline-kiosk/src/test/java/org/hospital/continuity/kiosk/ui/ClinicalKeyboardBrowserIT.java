package org.hospital.continuity.kiosk.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Margin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.hospital.continuity.testsupport.HeadlessChromium;

/**
 * Doctor, nurse, med-tech and pharmacy fill their downtime forms with the keyboard alone, each form on its own F-key
 * tab as the plan names it (手工处方, 药品请领单, 检查登记, 发药记录), the patient picked from the ward's census by bed or
 * 住院号, in Debian's Chromium, and print them to PDF; screenshots under {@code target/screenshots/}.
 */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class ClinicalKeyboardBrowserIT {

    static HeadlessChromium chromium;
    static Browser browser;
    static final Path SHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL url;

    String supervisor;

    @BeforeAll
    static void launch() throws Exception {
        Files.createDirectories(SHOTS);
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void downtime() {
        supervisor = Desk.inDowntime();
        given().contentType("application/json").body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
    }

    /** Signs in as {@code account} with the keyboard and opens the form on F-key {@code key}; {@code focus} is where the keyboard lands. */
    Page openForm(BrowserContext context, String account, String key, String focus) {
        Page page = context.newPage();
        page.navigate(url.toString());
        page.waitForSelector("#login-accountId:focus");
        page.keyboard().type(account);
        page.keyboard().press("Tab");
        page.keyboard().type("abc123");
        page.keyboard().press("Enter");
        page.waitForSelector("#nav:not([hidden]) a.active");
        page.keyboard().press(key);
        page.waitForSelector(focus + ":focus");
        return page;
    }

    /** Picks a census patient by what is typed (bed, 住院号, initials) with Enter. */
    static void pickPatient(Page page, String typed, String expected) {
        page.keyboard().type(typed);
        page.waitForSelector("#cl-patient-results li.sel:has-text('" + expected + "')");
        page.keyboard().press("Enter");
        page.waitForSelector("#cl-whose:has-text('" + expected + "')");
    }

    /** The saved record's id, read from the print preview that opens after saving (the screen itself shows no ids). */
    String saved(Page page) {
        page.waitForSelector("#paper:not([hidden])");
        String src = page.getAttribute("#paper-frame", "src");
        Matcher m = Pattern.compile("/api/clinical/([0-9a-f-]{36})/print").matcher(src);
        assertThat(m.find()).as(src).isTrue();
        page.keyboard().press("Escape");
        page.waitForSelector("#paper", new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        return m.group(1);
    }

    /** Prints the record's page to PDF; returns the number of pages. The print carries the record id (QR, data) and the downtime mark. */
    int printToPdf(BrowserContext context, String id, String name) throws Exception {
        Page print = context.newPage();
        print.navigate(url.toString() + "api/clinical/" + id + "/print");
        // the mark's words come from the bundle now, the same on every downtime paper
        assertThat(print.content()).contains(id, "停机期间手工单据", "data:image/svg+xml;base64,");
        assertThat(print.innerText("body")).doesNotContain(id);
        assertThat(print.locator("img.qr").first().evaluate("i => i.complete && i.naturalWidth > 0")).isEqualTo(true);
        byte[] pdf = print.pdf(new Page.PdfOptions().setPath(SHOTS.resolve(name + ".pdf")).setPreferCSSPageSize(true)
                .setMargin(new Margin().setTop("0").setBottom("0")));
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Matcher m = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int pages = 0;
        while (m.find()) {
            pages++;
        }
        print.close();
        return pages;
    }

    @Test
    @DisplayName("EP-6.4 a doctor writes a prescription by keyboard; a wrong dose unit is refused at the line, then it prints with its id")
    void doctor() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = openForm(context, "doctor-1", "F1", "#cl-patient");
            assertThat(navTexts(page)).containsSubsequence("F1手工处方", "F2医嘱/申请单", "F3在院病人");
            assertThat(page.textContent("#cl-title")).isEqualTo("手工处方");
            long before = Desk.lastSeq(supervisor);
            page.keyboard().press("Tab");
            page.keyboard().type("孙测试"); // an outpatient: the name typed
            page.keyboard().press("Tab");
            page.keyboard().type("急性上呼吸道感染");
            page.keyboard().press("Tab");
            page.keyboard().type("D0001 5 ml po tid 2 7");
            page.keyboard().press("Control+Enter");
            page.waitForFunction("document.querySelector('#f-clinical [data-err=lines]').textContent.length > 0");
            assertThat(page.textContent("#f-clinical [data-err=lines]")).contains("第1行");
            assertThat(Desk.lastSeq(supervisor)).isEqualTo(before);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("doctor-bad-unit.png")).setFullPage(true));
            page.focus("#cl-lines");
            page.keyboard().press("Control+a"); // select the line and retype it
            page.keyboard().type("D0001 0.5 g po tid 2 7");
            page.keyboard().press("Control+Enter");
            String id = saved(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("doctor-prescription.png")).setFullPage(true));
            assertThat(given().cookie("kiosk_session", reader()).get("/api/clinical/" + id).then().statusCode(200).extract()
                    .jsonPath().getLong("details.totalFen")).isEqualTo(1720);
            assertThat(printToPdf(context, id, "doctor-prescription")).isEqualTo(1);
            assertThat(page.inputValue("#cl-lines")).as("the form is empty again").isEmpty();
            assertThat(page.inputValue("#cl-patientName")).isEmpty();
        }
    }

    /** A prescription written by the doctor through the API (the newest of the list below the form). */
    static void prescribed(String doctor, int quantity) {
        given().cookie("kiosk_session", doctor).contentType("application/json").body(Map.of("patientName", "钱测试", "diagnosis", "急性咽炎",
                "lines", List.of(Map.of("drugCode", "D0001", "dose", "0.5", "doseUnit", "g", "route", "po", "frequency", "tid",
                        "quantity", quantity, "days", 3)))).post("/api/clinical/prescriptions").then().statusCode(201);
    }

    @Test
    @DisplayName("HR-9 a doctor voids and corrects a prescription by keyboard only with a chief doctor's approval; the screen says in Chinese who may approve, then both names")
    void voidAndCorrectionNeedASecondPerson() {
        String doctorSession = Desk.login("doctor-1");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            prescribed(doctorSession, 2);
            Page page = openForm(context, "doctor-1", "F1", "#cl-patient");
            page.waitForSelector("#cl-recent tbody tr.sel");
            long before = Desk.lastSeq(supervisor);
            // Alt+R to the list, Enter to the reason; the approver types their own account and password
            page.keyboard().press("Alt+r");
            page.waitForSelector("#cl-recent:focus");
            page.keyboard().press("Enter");
            page.waitForSelector("#am-reason:focus");
            page.keyboard().type("开错病人，作废");
            page.keyboard().press("Tab");
            page.keyboard().type("doctor-1"); // the writer cannot approve their own void
            page.keyboard().press("Tab");
            page.keyboard().type("abc123");
            page.keyboard().press("Alt+v");
            page.waitForFunction("document.querySelector('#f-amend [data-err=approverAccountId]').textContent.length > 0");
            assertThat(page.textContent("#f-amend [data-err=approverAccountId]")).contains("批准人不能是作废或更正这张单据的本人");
            assertThat(Desk.lastSeq(supervisor)).as("nothing journaled").isEqualTo(before);
            page.focus("#am-approver");
            page.keyboard().press("Control+a");
            page.keyboard().type("nurse-2"); // a head nurse is no supervisor of a doctor's form
            page.keyboard().press("Tab");
            page.keyboard().type("abc123");
            page.keyboard().press("Alt+v");
            page.waitForFunction("document.querySelector('#f-amend [data-err=approverAccountId]').textContent.includes('本专业的主管')");
            assertThat(Desk.lastSeq(supervisor)).isEqualTo(before);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("clinical-void-approver-refused.png")).setFullPage(true));
            page.focus("#am-approver");
            page.keyboard().press("Control+a");
            page.keyboard().type("doctor-2");
            page.keyboard().press("Tab");
            page.keyboard().type("abc123");
            page.keyboard().press("Alt+v");
            page.waitForSelector("#flash.ok:has-text('已作废')");
            assertThat(page.textContent("#flash")).contains("经办人：医生丁", "批准人：主任医师辛");
            page.waitForSelector("#paper:not([hidden])");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("clinical-void-approved.png")).setFullPage(true));
            assertThat(page.frameLocator("#paper-frame").locator("body").innerText()).contains("已作废", "经办人: 医生丁", "批准人: 主任医师辛");
            page.keyboard().press("Escape");
            assertThat(Desk.lastSeq(supervisor)).isEqualTo(before + 1);

            // a correction: Alt+C loads the form, the approval box asks for the second person; saving without one is refused
            prescribed(doctorSession, 1);
            page.waitForSelector("#paper", new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
            page.keyboard().press("F2"); // to the orders tab and back: the list below the form is read again
            page.waitForSelector("#cl-title:has-text('医嘱')");
            page.keyboard().press("F1");
            page.waitForSelector("#cl-title:has-text('手工处方')");
            page.waitForFunction("document.querySelector('#cl-recent tbody tr.sel') && document.querySelector('#cl-recent tbody tr.sel').textContent.includes('×1')");
            page.keyboard().press("Alt+r");
            page.keyboard().press("Enter");
            page.waitForSelector("#am-reason:focus");
            page.keyboard().type("数量写错，改为三盒");
            page.keyboard().press("Alt+c");
            page.waitForSelector("#cl-lines:focus");
            assertThat(page.isVisible("#cl-approval")).isTrue();
            assertThat(page.innerText("#cl-approval")).contains("更正须由第二人批准", "批准人（本专业主管）工号", "批准人密码");
            page.keyboard().press("Control+a");
            page.keyboard().type("D0001 0.5 g po tid 3 3");
            long beforeCorrection = Desk.lastSeq(supervisor);
            page.keyboard().press("Control+Enter");
            page.waitForFunction("document.querySelector('#f-clinical [data-err=approverAccountId]').textContent.length > 0");
            assertThat(Desk.lastSeq(supervisor)).isEqualTo(beforeCorrection);
            page.focus("#cl-approver");
            page.keyboard().type("doctor-2");
            page.keyboard().press("Tab");
            page.keyboard().type("abc123");
            page.keyboard().press("Enter");
            page.waitForSelector("#flash.ok:has-text('已更正')");
            assertThat(page.textContent("#flash")).contains("经办人：医生丁", "批准人：主任医师辛");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("clinical-correction-approved.png")).setFullPage(true));
            assertThat(Desk.lastSeq(supervisor)).as("the correction and the old record's entry").isEqualTo(beforeCorrection + 2);
            page.keyboard().press("Escape");
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> navTexts(Page page) {
        return (List<String>) page.evalOnSelectorAll("#nav a", "as => as.map(a => a.textContent)");
    }

    /** A clinical reader's session for checking what was stored. */
    static String reader() {
        return Desk.login("nurse-1");
    }

    @Test
    @DisplayName("a doctor sees the census patient's allergies on the form; a drug matching one needs a reason, which prints with the warning")
    void doctorAllergies() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = openForm(context, "doctor-1", "F1", "#cl-patient");
            pickPatient(page, "15", "钱演练");
            page.waitForSelector("#cl-allergies:not([hidden])");
            assertThat(page.textContent("#cl-allergies")).contains("青霉素", "过敏性休克", "重度");
            assertThat(page.evaluate("document.activeElement.id")).isEqualTo("cl-diagnosis");
            page.keyboard().type("肺部感染");
            page.keyboard().press("Tab");
            page.keyboard().type("D0001 0.5 g po tid 2 7");
            long before = Desk.lastSeq(supervisor);
            page.keyboard().press("Control+Enter");
            page.waitForSelector("#cl-allergyOverrideReason:focus");
            assertThat(page.textContent("#f-clinical [data-err=lines]")).contains("第1行", "过敏");
            assertThat(Desk.lastSeq(supervisor)).isEqualTo(before);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("doctor-allergy-warning.png")).setFullPage(true));
            page.keyboard().type("皮试阴性，会诊同意");
            page.keyboard().press("Control+Enter");
            String id = saved(page);
            assertThat(printToPdf(context, id, "doctor-allergy-override")).isEqualTo(1);
            Page print = context.newPage();
            print.navigate(url.toString() + "api/clinical/" + id + "/print");
            assertThat(print.textContent(".allergies")).contains("青霉素", "过敏警示", "皮试阴性，会诊同意");
        }
    }

    @Test
    @DisplayName("HR-1 a cashier's F-key bar has no clinical form, F9 says so, and a clinical address opens the cashier's first screen")
    void cashierHasNoClinicalForms() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = context.newPage();
            page.navigate(url.toString());
            page.waitForSelector("#login-accountId:focus");
            page.keyboard().type("cashier-1");
            page.keyboard().press("Tab");
            page.keyboard().type("abc123");
            page.keyboard().press("Enter");
            page.waitForSelector("#reg-name:focus");
            assertThat(page.locator("#nav a[href^='#clinical']").count()).isZero();
            page.keyboard().press("F9");
            page.waitForSelector("#flash:has-text('F9')");
            assertThat(page.textContent("#flash")).contains("本岗位没有功能");
            assertThat(page.isHidden("#s-clinical")).isTrue();
            page.navigate(url.toString() + "#clinical/prescriptions");
            page.waitForSelector("#reg-name:focus");
            assertThat(page.isHidden("#s-clinical")).isTrue();
        }
    }

    @Test
    @DisplayName("EP-6.5 a nurse issues a 药品请领单 by keyboard for a census patient picked by bed, drugs by pinyin initials; it prints in two copies")
    void nurse() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = openForm(context, "nurse-1", "F1", "#cl-patient");
            assertThat(navTexts(page)).containsSubsequence("F1药品请领单", "F2收费执行单", "F3在院病人");
            assertThat(page.textContent("#cl-title")).isEqualTo("药品请领单");
            pickPatient(page, "ZY2026001", "赵演示");
            page.waitForSelector("#cl-allergies:not([hidden])");
            assertThat(page.textContent("#cl-allergies")).contains("海鲜");
            assertThat(page.evaluate("document.activeElement.id")).isEqualTo("cl-lines");
            // pinyin picker: 阿司匹林肠溶片 by its initials, then 阿莫西林胶囊 with ↓ if it is not first
            page.keyboard().type("ASP");
            page.waitForSelector("#cl-lines-results li.sel");
            assertThat(page.textContent("#cl-lines-results li.sel")).contains("D0010", "阿司匹林");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("nurse-pinyin-picker.png")).setFullPage(true));
            page.keyboard().press("Tab");
            assertThat(page.inputValue("#cl-lines")).isEqualTo("D0010 ");
            page.keyboard().type("1");
            page.keyboard().press("Enter");
            page.keyboard().type("AM");
            page.waitForSelector("#cl-lines-results li.sel");
            while (!page.textContent("#cl-lines-results li.sel").contains("D0001")) {
                page.keyboard().press("ArrowDown");
            }
            page.keyboard().press("Enter");
            page.keyboard().type("2");
            assertThat(page.inputValue("#cl-lines")).isEqualTo("D0010 1\nD0001 2");
            page.keyboard().press("Control+Enter");
            String id = saved(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("nurse-requisition.png")).setFullPage(true));
            var r = given().cookie("kiosk_session", reader()).get("/api/clinical/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(r.getString("type")).isEqualTo("requisition");
            assertThat(r.getLong("details.totalFen")).isEqualTo(2 * 860 + 1200);
            assertThat(r.getList("details.lines.code")).containsExactly("D0010", "D0001");
            assertThat(printToPdf(context, id, "nurse-requisition")).isEqualTo(2);
            assertThat(page.textContent("#cl-whose")).as("the next form starts without a patient").contains("尚未选择病人");
        }
    }

    @Test
    @DisplayName("EP-6.6 a med-tech registers an exam (检查登记) with its request-form stub number and a manual price by keyboard")
    void medTech() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = openForm(context, "medtech-1", "F1", "#cl-patient");
            assertThat(page.textContent("#cl-title")).isEqualTo("检查登记");
            page.keyboard().press("Tab");
            page.keyboard().type("王五");
            page.keyboard().press("Tab");
            page.keyboard().type("JC-0042");
            page.keyboard().press("Tab");
            page.keyboard().type("腹部B超 120"); // yuan, as people write prices
            page.keyboard().press("Control+Enter");
            String id = saved(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("medtech-exam-register.png")).setFullPage(true));
            var r = given().cookie("kiosk_session", reader()).get("/api/clinical/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(r.getString("details.stubNumber")).isEqualTo("JC-0042");
            assertThat(r.getLong("details.totalFen")).isEqualTo(12000);
            assertThat(printToPdf(context, id, "medtech-exam-register")).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a screen still opening when the next F-key is pressed never takes the keyboard back from the form the person already types in")
    void aSlowScreenNeverTakesTheKeyboardBack() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = openForm(context, "medtech-1", "F5", "#ft-symptom");
            // the kiosk answers the next screen's question slowly (a busy disk, a long GC pause) ...
            String slowFormsOnce = "() => { const f = window.fetch; let once = true; window.fetch = (u, i) => {"
                    + " if (once && String(u).startsWith('/api/clinical/forms')) { once = false;"
                    + " return new Promise((r) => setTimeout(r, 1200)).then(() => f(u, i)); } return f(u, i); }; }";
            page.evaluate(slowFormsOnce);
            // ... while it opens the first screen (as after acknowledging the switch), the person presses F1 and types on
            page.evaluate("location.hash = '#'");
            page.keyboard().press("F1");
            page.waitForSelector("#cl-patient:focus");
            page.keyboard().press("Tab");
            page.keyboard().type("王五");
            page.keyboard().press("Tab");
            page.keyboard().type("JC-0042");
            page.waitForTimeout(2000); // the slow screen's answer has come meanwhile
            assertThat(page.evaluate("document.activeElement.id")).isEqualTo("cl-stubNumber");
            assertThat(page.inputValue("#cl-patientName")).isEqualTo("王五");
            assertThat(page.inputValue("#cl-stubNumber")).isEqualTo("JC-0042");
            assertThat(page.inputValue("#cl-patient")).isEmpty();

            // the same F-key pressed again while the person types: the screen's second opening arrives late and leaves
            // the keyboard and what was typed where they are
            page.keyboard().press("Escape"); // the form starts afresh
            page.waitForSelector("#cl-patient:focus");
            page.evaluate(slowFormsOnce);
            page.keyboard().press("F1");
            page.keyboard().press("Tab");
            page.keyboard().type("赵六");
            page.keyboard().press("Tab");
            page.keyboard().type("JC-0043");
            page.waitForTimeout(2000);
            assertThat(page.evaluate("document.activeElement.id")).isEqualTo("cl-stubNumber");
            assertThat(page.inputValue("#cl-patientName")).isEqualTo("赵六");
            assertThat(page.inputValue("#cl-stubNumber")).isEqualTo("JC-0043");
        }
    }

    @Test
    @DisplayName("EP-6.7 the pharmacy dispenses against a prescription by keyboard, its QR code scanned into the form")
    void pharmacy() throws Exception {
        String rx = given().cookie("kiosk_session", Desk.login("doctor-1")).contentType("application/json")
                .body(Map.of("knownPatientId", "P0003", "diagnosis", "急性支气管炎", "lines", List.of(Map.of("drugCode", "D0002", "dose", 0.1,
                        "doseUnit", "g", "route", "po", "frequency", "bid", "quantity", 1, "days", 3))))
                .post("/api/clinical/prescriptions").then().statusCode(201).extract().path("id");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = openForm(context, "pharm-1", "F1", "#cl-fillsRecordId");
            assertThat(page.textContent("#cl-title")).isEqualTo("发药记录");
            page.keyboard().type(rx); // a barcode scanner types the QR code's content
            page.keyboard().press("Tab");
            page.keyboard().type("D0002 1");
            page.keyboard().press("Control+Enter");
            String id = saved(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("pharmacy-dispense.png")).setFullPage(true));
            var r = given().cookie("kiosk_session", reader()).get("/api/clinical/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(r.getString("details.fills")).isEqualTo(rx);
            assertThat(r.getLong("details.totalFen")).isEqualTo(1850);
            assertThat(printToPdf(context, id, "pharmacy-dispense")).isEqualTo(1);
        }
    }
}
