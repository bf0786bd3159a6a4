package org.hospital.continuity.kiosk.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServer;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.hospital.continuity.testsupport.HeadlessChromium;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A nurse on the ward kiosk, offline in downtime, opens the ward's downtime report from the census screen: the ward's census,
 * the MAR of the next 24 hours, the active orders and the allergies from the HIS, with the as-of time, all in Chinese.
 * Screenshot under {@code target/screenshots/}.
 */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class WardReportBrowserIT {

    static final Path SHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL url;
    @Inject
    KioskConfig config;

    @Test
    @DisplayName("HR-12 the nurse reads the ward's census, MAR, orders and allergies with their as-of time on the kiosk's screen, in Chinese")
    void theNurseReadsTheWardReport() throws Exception {
        Desk.inDowntime();
        given().contentType("application/json").body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
        Files.createDirectories(SHOTS);
        try (HeadlessChromium chromium = HeadlessChromium.launch()) {
            Browser browser = chromium.browser();
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
            Page page = context.newPage();
            page.navigate(url.toString());
            page.waitForSelector("#login-accountId:focus");
            page.keyboard().type("nurse-1");
            page.keyboard().press("Tab");
            page.keyboard().type(StandInServer.PASSWORD);
            page.keyboard().press("Enter");
            page.waitForSelector("#nav:not([hidden]) a.active");
            page.click("#nav a[href='#census']");
            page.waitForSelector("#s-census:not([hidden]) #cs-table tbody tr");
            page.click("#cs-ward-report");
            page.waitForSelector("#paper:not([hidden])");
            Frame frame = page.frameByUrl(u -> u.contains("/api/ward-reports/page"));
            for (int i = 0; frame == null && i < 50; i++) {
                page.waitForTimeout(100);
                frame = page.frameByUrl(u -> u.contains("/api/ward-reports/page"));
            }
            assertThat(frame).isNotNull();
            frame.waitForSelector("h1");
            String text = frame.innerText("body");
            DateTimeFormatter time = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZoneId.of(config.timeZone()));
            assertThat(text).contains("肾内一病区 停机报表", "数据截至 " + time.format(StandInServer.FEED_AS_OF), "在院病人一览", "12床", "赵演示",
                    "24小时给药计划", time.format(StandInServer.MAR_FIRST), "碳酸司维拉姆片", "800mg", "在用医嘱", "每日三次", "过敏史", "青霉素",
                    "过敏性休克", "重度");
            assertThat(text).doesNotContain("P0001", "MedicationRequest", "SEVERE", "null", "undefined");
            assertThat(page.innerText("#paper-title")).isEqualTo("病区停机报表（给药计划、医嘱、过敏史）");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("ward-report.png")).setFullPage(true));
            context.close();
        }
    }
}
