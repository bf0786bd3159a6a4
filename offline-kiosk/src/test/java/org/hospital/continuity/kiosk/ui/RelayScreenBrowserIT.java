package org.hospital.continuity.kiosk.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.relay.RelayInbox;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServer;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.hospital.continuity.sync.contract.RelayFeed;
import org.hospital.continuity.testsupport.HeadlessChromium;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The doctor's queue on the relay screen (站间单据): a registration the relay brought from the cashier and the outpatient
 * the HIS registered with the department before it went down (the server's feed, in the snapshot), each with its time in
 * the pages' Chinese form (12月7日 09:25, as the ward report's 数据截至), never 12-07 09:25. Screenshot under
 * {@code target/screenshots/}.
 */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class RelayScreenBrowserIT {

    static final Path SHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL url;
    @Inject
    KioskConfig config;
    @Inject
    RelayInbox inbox;

    @Test
    @DisplayName("EP-6.2, EP-6.4 the doctor's queue shows the relayed registration and the HIS's outpatient of today, times in the pages' Chinese form, in Chinese")
    void theDoctorsQueue() throws Exception {
        Desk.inDowntime();
        given().contentType("application/json").body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
        Instant relayedAt = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(5 * 60);
        inbox.add(List.of(new RelayFeed.Entry(UUID.randomUUID(), UUID.randomUUID(), "registration", 1, "PatientRegistered",
                new ObjectMapper().readTree("{\"name\":\"周挂号\",\"patientNumber\":\"DT-0007\",\"feeItemName\":\"普通门诊诊查费\",\"departmentCode\":\"NK\"}"),
                "k-cashier", "SFC", "门诊收费处", "cashier-1", relayedAt, relayedAt.plusSeconds(1))));
        Files.createDirectories(SHOTS);
        try (HeadlessChromium chromium = HeadlessChromium.launch()) {
            Browser browser = chromium.browser();
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
            Page page = context.newPage();
            page.navigate(url.toString());
            page.waitForSelector("#login-accountId:focus");
            page.keyboard().type("doctor-1");
            page.keyboard().press("Tab");
            page.keyboard().type(StandInServer.PASSWORD);
            page.keyboard().press("Enter");
            page.waitForSelector("#nav:not([hidden]) a.active");
            page.click("#nav a[href='#relay']");
            page.waitForSelector("#s-relay:not([hidden]) #relay-table tbody tr:nth-child(2)");
            String text = page.innerText("#s-relay");
            DateTimeFormatter zh = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZoneId.of(config.timeZone()));
            assertThat(text).contains("周挂号", "DT-0007", "门诊收费处", "候诊", zh.format(relayedAt));
            // the HIS's outpatient of today: 门诊号, the doctor registered with, the department
            assertThat(text).contains("系统挂号", "李门诊", "MZ0004", "王建国", "内科", zh.format(StandInServer.HIS_REGISTERED_AT));
            assertThat(text).doesNotContainPattern("\\d{2}-\\d{2} \\d{2}:\\d{2}").doesNotContain("null", "undefined", "his-registration", "P0004");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("relay-doctor-queue.png")).setFullPage(true));
            context.close();
        }
    }
}
