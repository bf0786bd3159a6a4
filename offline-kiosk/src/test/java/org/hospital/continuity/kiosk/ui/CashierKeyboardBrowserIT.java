package org.hospital.continuity.kiosk.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hospital.continuity.kiosk.capture.ResidentIdNumber;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.hospital.continuity.testsupport.HeadlessChromium;

/**
 * A cashier signs in, registers a patient and charges three items using only the keyboard, in
 * Debian's Chromium (headless), on the kiosk's own pages; a screenshot is kept as an artifact
 * ({@code offline-kiosk/target/screenshots/cashier-keyboard.png}).
 */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class CashierKeyboardBrowserIT {

    @TestHTTPResource("/")
    URL url;

    @Test
    @DisplayName("EP-6.2 a cashier registers a patient and charges three items with the keyboard alone")
    void keyboardOnlyRegistrationAndCharge() throws Exception {
        String supervisor = Desk.inDowntime(); // the supervisor started downtime on IT's phone call
        given().contentType("application/json").body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
        long before = Desk.lastSeq(supervisor);

        try (HeadlessChromium chromium = HeadlessChromium.launch()) {
            Browser browser = chromium.browser();
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)).newPage();
            page.navigate(url.toString());

            page.waitForSelector("#login-accountId:focus");
            assertThat(page.textContent("#s-login h1")).isEqualTo("操作员登录");
            page.keyboard().type("cashier-1");
            page.keyboard().press("Tab");
            page.keyboard().type("abc123");
            page.keyboard().press("Enter");

            // registration form, focus on the first field
            page.waitForSelector("#reg-known:focus");
            assertThat(page.textContent("#banner")).contains("手工操作（停机）模式").contains("待上传");
            page.keyboard().press("Tab");
            page.keyboard().type("王小红");
            page.keyboard().press("Tab");
            page.keyboard().press("ArrowDown");
            page.keyboard().press("ArrowDown"); // 女
            page.keyboard().press("Tab");
            page.keyboard().type("1990-05-12");
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            page.keyboard().type("11010519900512002" + ResidentIdNumber.checkCharacter("11010519900512002"));
            page.keyboard().press("Tab");
            page.keyboard().type("13912345678");
            page.keyboard().press("Tab"); // insurance type stays 自费
            page.keyboard().press("Tab"); // card not needed
            page.keyboard().press("Tab");
            page.keyboard().press("ArrowDown"); // NK 内科
            page.waitForFunction("document.querySelectorAll('#reg-doctorCode option').length === 2");
            page.keyboard().press("Tab");
            page.keyboard().press("ArrowDown"); // D101 王建国
            page.keyboard().press("Tab"); // fee: 普通门诊诊查费
            page.keyboard().press("Tab"); // the save button
            page.keyboard().press("Enter");
            page.waitForSelector("#flash.ok:has-text('门诊号')");
            String saved = page.textContent("#flash");
            assertThat(saved).contains("王小红").contains("¥10.00");

            // F2: charges for the patient just registered
            page.keyboard().press("F2");
            page.waitForSelector("#ch-search:focus");
            assertThat(page.inputValue("#ch-registrationId")).isNotEmpty();
            addLine(page, "amxl", "阿莫西林胶囊", "2");
            addLine(page, "xcg", "血常规", "1");
            addLine(page, "d0002", "头孢克肟分散片", "3");
            assertThat(page.textContent("#ch-total")).isEqualTo("¥92.70");
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("cashier-keyboard.png")).setFullPage(true));
            page.keyboard().press("Control+Enter");
            page.waitForSelector("#flash.ok:has-text('发票号')");
            assertThat(page.textContent("#flash")).contains("¥92.70");
            // HR-11: the printable stub is marked as a downtime form and carries the record id
            assertThat(page.textContent("#slip")).contains("停机期间手工凭证").contains("王小红").contains("阿莫西林胶囊").contains("¥92.70");

            // a quantity below zero is refused at the line, in words, and nothing is stored
            addLine(page, "amxl", "阿莫西林胶囊", "-1");
            page.keyboard().press("Control+Enter");
            page.waitForSelector("[data-err=lines]:has-text('数量必须是正数')");

            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("cashier-bad-quantity.png")).setFullPage(true));
            page.keyboard().press("F3");
            page.waitForSelector("#inv-table tbody tr");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("cashier-invoice-register.png")).setFullPage(true));
            assertThat(Files.size(shots.resolve("cashier-keyboard.png"))).isGreaterThan(10_000);
            browser.close();
        }

        JsonPath journal = given().cookie("kiosk_session", supervisor).get("/api/journal?after=" + before).then().statusCode(200).extract().jsonPath();
        assertThat(journal.getList("eventType")).containsExactly("PatientRegistered", "ChargeRecorded");
        JsonPath charges = given().cookie("kiosk_session", supervisor).get("/api/charges?limit=1").then().statusCode(200).extract().jsonPath();
        assertThat(charges.getList("[0].details.lines.code")).containsExactly("D0001", "S0101", "D0002");
        assertThat(charges.getString("[0].details.patientName")).isEqualTo("王小红");
        assertThat(charges.getLong("[0].details.totalFen")).isEqualTo(9270);
    }

    private static void addLine(Page page, String query, String expectedName, String quantity) {
        page.keyboard().type(query);
        try {
            page.waitForSelector("#ch-results li.sel:has-text('" + expectedName + "')", new Page.WaitForSelectorOptions()
                    .setState(WaitForSelectorState.VISIBLE).setTimeout(10_000));
        } catch (RuntimeException e) {
            try {
                Files.createDirectories(Path.of("target", "screenshots"));
            } catch (java.io.IOException ignored) {
                // best effort
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "failure.png")).setFullPage(true));
            throw new AssertionError("no pick for '" + query + "': search=" + page.inputValue("#ch-search") + " results="
                    + page.innerHTML("#ch-results") + " flash=" + page.textContent("#flash") + " focus="
                    + page.evaluate("document.activeElement.id"), e);
        }
        page.keyboard().press("Enter");
        page.waitForSelector("#ch-qty:focus");
        page.keyboard().type(quantity);
        page.keyboard().press("Enter");
        page.waitForSelector("#ch-search:focus");
    }
}
