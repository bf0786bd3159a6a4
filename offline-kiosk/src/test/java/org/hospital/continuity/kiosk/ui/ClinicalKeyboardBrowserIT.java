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
 * Doctor, nurse, med-tech and pharmacy fill their downtime forms with the keyboard alone (F9), in
 * Debian's Chromium, and print them to PDF; screenshots under {@code target/screenshots/}.
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

    /** Signs in as {@code account} with the keyboard, opens F9 and picks the form with ↓ pressed {@code down} times. */
    Page openForm(BrowserContext context, String account, int down) {
        Page page = context.newPage();
        page.navigate(url.toString());
        page.waitForSelector("#login-accountId:focus");
        page.keyboard().type(account);
        page.keyboard().press("Tab");
        page.keyboard().type("abc123");
        page.keyboard().press("Enter");
        page.waitForSelector("#reg-known:focus");
        page.keyboard().press("F9");
        page.waitForSelector("#cl-form:focus");
        page.waitForFunction("document.querySelectorAll('#cl-form option').length > 0");
        for (int i = 0; i < down; i++) {
            page.keyboard().press("ArrowDown");
        }
        return page;
    }

    String saved(Page page) {
        page.waitForSelector("#cl-result", new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.VISIBLE));
        return page.textContent("#cl-record").trim();
    }

    /** Prints the record's page to PDF; returns the number of pages. The print HTML must carry the record id. */
    int printToPdf(BrowserContext context, String id, String name) throws Exception {
        Page print = context.newPage();
        print.navigate(url.toString() + "api/clinical/" + id + "/print");
        assertThat(print.content()).contains(id, "停机手工单", "data:image/svg+xml;base64,");
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
            Page page = openForm(context, "doctor-1", 0);
            assertThat(page.evalOnSelectorAll("#cl-form option", "os => os.map(o => o.value)")).isEqualTo(List.of("prescriptions", "orders"));
            long before = Desk.lastSeq(supervisor);
            page.keyboard().press("Tab");
            page.keyboard().type("P0003");
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            page.keyboard().type("急性上呼吸道感染");
            page.keyboard().press("Tab");
            page.keyboard().type("D0001 5 ml po tid 2 7");
            page.keyboard().press("Control+Enter");
            page.waitForFunction("document.querySelector('#f-clinical [data-err=lines]').textContent.length > 0");
            assertThat(page.textContent("#f-clinical [data-err=lines]")).contains("第1行");
            assertThat(Desk.lastSeq(supervisor)).isEqualTo(before);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("doctor-bad-unit.png")).setFullPage(true));
            assertThat(page.evaluate("document.activeElement.id")).isEqualTo("cl-lines");
            page.keyboard().press("Control+a"); // select the line and retype it
            page.keyboard().type("D0001 0.5 g po tid 2 7");
            page.keyboard().press("Control+Enter");
            String id = saved(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("doctor-prescription.png")).setFullPage(true));
            assertThat(given().cookie("kiosk_session", reader()).get("/api/clinical/" + id).then().statusCode(200).extract()
                    .jsonPath().getLong("details.totalFen")).isEqualTo(1720);
            assertThat(printToPdf(context, id, "doctor-prescription")).isEqualTo(1);
        }
    }

    /** A clinical reader's session for checking what was stored. */
    static String reader() {
        return Desk.login("nurse-1");
    }

    @Test
    @DisplayName("issue 8 a doctor sees the patient's allergies on the form; a drug matching one needs a reason, which prints with the warning")
    void doctorAllergies() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = openForm(context, "doctor-1", 0);
            page.keyboard().press("Tab");
            page.keyboard().type("P0002");
            page.waitForSelector("#cl-allergies:not([hidden])");
            assertThat(page.textContent("#cl-allergies")).contains("青霉素", "过敏性休克", "重度");
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
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
    @DisplayName("HR-1 a cashier has no F9 clinical desk and the desk offers no form to a cashier")
    void cashierHasNoClinicalForms() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = context.newPage();
            page.navigate(url.toString());
            page.waitForSelector("#login-accountId:focus");
            page.keyboard().type("cashier-1");
            page.keyboard().press("Tab");
            page.keyboard().type("abc123");
            page.keyboard().press("Enter");
            page.waitForSelector("#reg-known:focus");
            assertThat(page.isHidden("#nav a[href='#clinical']")).isTrue();
            page.keyboard().press("F9");
            assertThat(page.isHidden("#s-clinical")).isTrue();
            page.navigate(url.toString() + "#clinical");
            page.waitForSelector("#cl-no-forms:not([hidden])");
            assertThat(page.isHidden("#f-clinical")).isTrue();
        }
    }

    @Test
    @DisplayName("EP-6.5 a nurse issues a requisition by keyboard, picking drugs by pinyin initials; its print has two copies (two pages)")
    void nurse() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = openForm(context, "nurse-1", 0);
            assertThat(page.evalOnSelectorAll("#cl-form option", "os => os.map(o => o.value)"))
                    .isEqualTo(List.of("requisitions", "charge-executions"));
            page.keyboard().press("Tab");
            page.keyboard().type("P0001");
            page.waitForSelector("#cl-allergies:not([hidden])");
            assertThat(page.textContent("#cl-allergies")).contains("海鲜");
            page.keyboard().press("Tab");
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
        }
    }

    @Test
    @DisplayName("EP-6.6 a med-tech registers an exam with its request-form stub number and a manual price by keyboard")
    void medTech() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = openForm(context, "medtech-1", 0);
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            page.keyboard().type("王五");
            page.keyboard().press("Tab");
            page.keyboard().type("JC-0042");
            page.keyboard().press("Tab");
            page.keyboard().type("腹部B超 12000");
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
    @DisplayName("EP-6.7 the pharmacy dispenses against a prescription by keyboard, referring to it")
    void pharmacy() throws Exception {
        String rx = given().cookie("kiosk_session", Desk.login("doctor-1")).contentType("application/json")
                .body(Map.of("knownPatientId", "P0003", "diagnosis", "急性支气管炎", "lines", List.of(Map.of("drugCode", "D0002", "dose", 0.1,
                        "doseUnit", "g", "route", "po", "frequency", "bid", "quantity", 1, "days", 3))))
                .post("/api/clinical/prescriptions").then().statusCode(201).extract().path("id");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            Page page = openForm(context, "pharm-1", 0);
            page.keyboard().press("Tab");
            page.keyboard().type(rx);
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
