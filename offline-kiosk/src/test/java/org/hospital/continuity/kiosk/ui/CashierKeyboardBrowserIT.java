package org.hospital.continuity.kiosk.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hospital.continuity.kiosk.capture.ResidentIdNumber;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.hospital.continuity.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A cashier at a queue of patients, keyboard only, in Debian's Chromium on the kiosk's own pages: registration with a
 * resident ID in few keystrokes (counted), charges, an IOU slip for an insured patient, then the next patient — whose
 * every field starts empty. Screenshots under {@code offline-kiosk/target/screenshots/}.
 */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class CashierKeyboardBrowserIT {

    static HeadlessChromium chromium;
    static final Path SHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL url;

    String supervisor;

    @BeforeAll
    static void launch() throws Exception {
        Files.createDirectories(SHOTS);
        chromium = HeadlessChromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void downtime() {
        supervisor = Desk.inDowntime(); // the cashier leads started downtime on IT's phone call
        given().contentType("application/json").body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
    }

    /** Keys pressed and characters typed, apart from what the person must type anyway (name, ID number, phone). */
    static final class Keys {
        final Page page;
        int count;

        Keys(Page page) {
            this.page = page;
        }

        Keys press(String key) {
            page.keyboard().press(key);
            count++;
            return this;
        }

        Keys type(String text) {
            page.keyboard().type(text);
            count += text.length();
            return this;
        }

        /** Name, ID number, phone: typed, not counted. */
        Keys data(String text) {
            page.keyboard().type(text);
            return this;
        }
    }

    Page signedIn(BrowserContext context, String account) {
        Page page = context.newPage();
        page.navigate(url.toString());
        page.waitForSelector("#login-accountId:focus");
        assertThat(page.textContent("#s-login h1")).isEqualTo("操作员登录");
        page.keyboard().type(account);
        page.keyboard().press("Tab");
        page.keyboard().type("abc123");
        page.keyboard().press("Enter");
        page.waitForSelector("#reg-name:focus");
        return page;
    }

    static void closePaper(Page page, String expected) {
        page.waitForSelector("#paper:not([hidden])");
        assertThat(page.textContent("#paper-title")).contains(expected);
        page.keyboard().press("Escape");
        page.waitForSelector("#paper", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
    }

    static String id(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    @Test
    @DisplayName("EP-6.2 a registration with a resident ID takes at most 25 keystrokes beyond name, ID and phone: sex, birth date and age come from the ID")
    void registrationWithAnIdInFewKeystrokes() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page page = signedIn(context, "cashier-1");
            long before = Desk.lastSeq(supervisor);
            Keys k = new Keys(page);
            k.press("F1");
            page.waitForSelector("#reg-name:focus");
            k.data("王小红").press("Tab").data(id("11010519900512002")).press("Tab");
            assertThat(page.inputValue("#reg-sex")).isEqualTo("F");
            assertThat(page.inputValue("#reg-birthDate")).isEqualTo("1990-05-12");
            assertThat(page.textContent("#reg-whose")).contains("王小红", "女", "岁");
            k.data("13912345678").press("Tab"); // → 医保类别 (自费 stays)
            k.press("Tab"); // → 科室 (no card for 自费)
            assertThat(page.evaluate("document.activeElement.id")).isEqualTo("reg-dept");
            k.type("nk");
            page.waitForSelector("#reg-dept-results li.sel:has-text('内科')");
            k.press("Enter"); // picks 内科 → 医生
            k.press("Enter"); // saves from the drop-down
            closePaperCounted(page, k, "门诊挂号单");
            assertThat(k.count).as("keystrokes beyond name, ID number and phone").isLessThanOrEqualTo(25);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("cashier-registration-by-id.png")));
            assertThat(page.textContent("#flash")).contains("已保存挂号", "王小红", "¥10.00");
            JsonPath reg = given().cookie("kiosk_session", supervisor).get("/api/registrations?limit=1").then().statusCode(200).extract().jsonPath();
            assertThat(reg.getString("[0].details.sex")).isEqualTo("F");
            assertThat(reg.getString("[0].details.birthDate")).isEqualTo("1990-05-12");
            assertThat(reg.getString("[0].details.departmentCode")).isEqualTo("NK");
            assertThat(Desk.lastSeq(supervisor)).isEqualTo(before + 1);
            System.out.println("registration keystrokes beyond name, ID and phone: " + k.count);
        }
    }

    /** The slip is printed (Enter on the preview's print button) and the preview closed (Escape): both keys count. */
    private static void closePaperCounted(Page page, Keys k, String expected) {
        page.waitForSelector("#paper:not([hidden])");
        assertThat(page.textContent("#paper-title")).contains(expected);
        assertThat(page.evaluate("document.activeElement.id")).isEqualTo("paper-print");
        k.press("Enter");
        k.press("Escape");
        page.waitForSelector("#paper", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
    }

    @Test
    @DisplayName("EP-4.4 an insured patient's IOU, then a self-paying patient: nothing carries over; an IOU is refused for them; every field of the second charge is theirs")
    void twoPatientsInARow() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page page = signedIn(context, "cashier-1");
            // patient 1: insured (城镇职工, card), registered, then an IOU for a drug
            page.keyboard().type("李医保");
            page.keyboard().press("Tab");
            page.keyboard().type(id("11010519580302001"));
            page.keyboard().press("Tab");
            page.keyboard().type("13800005555");
            page.keyboard().press("Tab");
            page.keyboard().press("ArrowDown"); // 城镇职工
            page.keyboard().press("Tab");
            page.keyboard().type("YB20261234");
            page.keyboard().press("Tab");
            page.keyboard().type("nk");
            page.waitForSelector("#reg-dept-results li.sel");
            page.keyboard().press("Enter");
            page.keyboard().press("Enter");
            closePaper(page, "门诊挂号单");
            String first = page.textContent("#flash").replaceAll(".*门诊号 (\\S+)，.*", "$1");

            page.keyboard().press("F2");
            page.waitForSelector("#ch-patient:focus");
            page.keyboard().type("LYB");
            page.waitForSelector("#ch-patient-results li.sel:has-text('李医保')");
            page.keyboard().press("Enter");
            page.waitForSelector("#ch-search:focus");
            assertThat(page.textContent("#ch-whose")).contains("李医保", "城镇职工");
            addLine(page, "amxl", "阿莫西林胶囊", "1");
            page.keyboard().press("Enter"); // empty item box → settlement
            page.waitForSelector("#ch-settlement:focus");
            page.keyboard().press("ArrowDown"); // 打白条
            page.keyboard().press("Tab");
            page.waitForSelector("#ch-phone:focus");
            page.keyboard().type("13800005555");
            page.keyboard().press("Enter");
            page.waitForSelector("#paper:not([hidden])");
            assertThat(page.textContent("#paper-title")).contains("白条");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("cashier-iou-slip.png")));
            page.keyboard().press("Escape");
            JsonPath iou = given().cookie("kiosk_session", supervisor).get("/api/charges?limit=1").then().statusCode(200).extract().jsonPath();
            assertThat(iou.getString("[0].details.settlement")).isEqualTo("IOU");
            assertThat(iou.getString("[0].details.iouNumber")).matches("[0-9A-Z]{4}-\\d{4}");
            assertThat(iou.getString("[0].details.insuranceCard")).isEqualTo("YB20261234");
            assertThat(page.textContent("#flash")).contains("白条号", iou.getString("[0].details.iouNumber"));

            // patient 2: self-paying; every field of the charge form starts empty
            page.keyboard().press("F1");
            page.waitForSelector("#reg-name:focus");
            assertThat(page.inputValue("#reg-insuranceType")).isEqualTo("SELF_PAY");
            assertThat(page.inputValue("#reg-phone")).isEmpty();
            page.keyboard().type("张自费");
            page.keyboard().press("Tab");
            page.keyboard().type(id("11010519851111001"));
            page.keyboard().press("Tab");
            page.keyboard().type("13700007777");
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            page.keyboard().type("nk");
            page.waitForSelector("#reg-dept-results li.sel");
            page.keyboard().press("Enter");
            page.keyboard().press("Enter");
            closePaper(page, "门诊挂号单");
            page.keyboard().press("F2");
            page.waitForSelector("#ch-patient:focus");
            for (String field : new String[] {"#ch-patient", "#ch-patientName", "#ch-search", "#ch-phone", "#ch-insuranceCard", "#ch-registrationId",
                    "#ch-knownPatientId"}) {
                assertThat(page.inputValue(field)).as(field + " starts empty").isEmpty();
            }
            assertThat(page.inputValue("#ch-settlement")).isEqualTo("PAID");
            assertThat(page.isChecked("#ch-insuranceDeferred")).isFalse();
            assertThat(page.textContent("#ch-whose")).contains("尚未选择病人");
            assertThat(page.textContent("#ch-total")).isEqualTo("¥0.00");
            page.keyboard().type("ZZF");
            page.waitForSelector("#ch-patient-results li.sel:has-text('张自费')");
            page.keyboard().press("Enter");
            addLine(page, "xcg", "血常规", "1");
            page.keyboard().press("Enter");
            page.keyboard().press("ArrowDown"); // tries an IOU for a self-paying patient
            page.keyboard().press("Tab");
            page.keyboard().type("13700007777");
            page.keyboard().press("Enter");
            page.waitForSelector("[data-err=settlement]:has-text('白条只用于医保病人')");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("cashier-iou-refused.png")));
            page.focus("#ch-settlement");
            page.keyboard().press("ArrowUp"); // 付款开票
            page.keyboard().press("Enter");
            closePaper(page, "手工收费票据");
            JsonPath paid = given().cookie("kiosk_session", supervisor).get("/api/charges?limit=1").then().statusCode(200).extract().jsonPath();
            Map<String, Object> d = paid.getMap("[0].details");
            assertThat(d.get("patientName")).isEqualTo("张自费");
            assertThat(d.get("patientNumber")).isNotEqualTo(first);
            assertThat(d.get("settlement")).isEqualTo("PAID");
            assertThat(d.get("paymentMethod")).isEqualTo("CASH");
            assertThat(d.get("phone")).as("the phone typed for the refused IOU is not kept on a paid charge").isNull();
            assertThat(d.get("iouId")).isNull();
            assertThat(d.get("iouNumber")).isNull();
            assertThat(d.get("insuranceType")).isEqualTo("SELF_PAY");
            assertThat(d.get("insuranceCard")).isNull();
            assertThat(d.get("insuranceDeferred")).isEqualTo(false);
            assertThat(d.get("invoiceNo")).isNotNull();
            assertThat(paid.getList("[0].details.lines.code")).containsExactly("S0101");
            assertThat(paid.getLong("[0].details.totalFen")).isEqualTo(2000);
        }
    }

    private static void addLine(Page page, String query, String expectedName, String quantity) {
        page.keyboard().type(query);
        page.waitForSelector("#ch-results li.sel:has-text('" + expectedName + "')");
        page.keyboard().press("Enter");
        page.waitForSelector("#ch-qty:focus");
        page.keyboard().press("Control+a");
        page.keyboard().type(quantity);
        page.keyboard().press("Enter");
        page.waitForSelector("#ch-search:focus");
    }

    @Test
    @DisplayName("a quantity below zero is refused at the line, in words, and nothing is stored; the invoice register lists the invoices")
    void badQuantity() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            Page page = signedIn(context, "cashier-1");
            long before = Desk.lastSeq(supervisor);
            page.keyboard().press("F2");
            page.waitForSelector("#ch-patient:focus");
            page.keyboard().press("Tab");
            page.keyboard().type("散客甲");
            page.keyboard().press("Tab");
            addLine(page, "amxl", "阿莫西林胶囊", "-1");
            page.keyboard().press("Control+Enter");
            page.waitForSelector("[data-err=lines]:has-text('数量必须是正数')");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("cashier-bad-quantity.png")));
            assertThat(Desk.lastSeq(supervisor)).isEqualTo(before);
            page.keyboard().press("F3");
            page.waitForSelector("#void-no:focus");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("cashier-invoice-register.png")));
        }
    }
}
