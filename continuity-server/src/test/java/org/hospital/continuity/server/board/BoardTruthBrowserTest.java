package org.hospital.continuity.server.board;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.notification.ChannelReceivers;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.hospital.continuity.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The board tells what is so: times in the hospital's zone whatever the screen's zone; after recovery the class the
 * incident had and a recovery card, the outage clock stopped; a write-back the HIS does not take is said in words
 * and never shown as done. Screenshots in target/board-screenshots.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ChannelReceivers.class)
class BoardTruthBrowserTest {

    static final Path ARTIFACTS = Paths.get("target", "board-screenshots");
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("M月d日 HH:mm"); // the operations pages' form

    static HeadlessChromium chromium;
    static Browser browser;

    @Inject
    TestIncidentSource incidents;
    @Inject
    TestClock clock;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;
    @Inject
    org.hospital.continuity.server.board.app.ReadingBoardFigures figures;
    @TestHTTPResource("/board")
    URL board;

    BrowserContext context;

    @BeforeAll
    static void launch() throws Exception {
        Files.createDirectories(ARTIFACTS);
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void reset() {
        if (context != null) {
            context.close();
        }
        incidents.useEngine();
    }

    /** A wall screen whose own clock is set to UTC: the board must still show hospital (Asia/Shanghai) time. */
    Page open() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1600, 1000).setLocale("zh-CN").setTimezoneId("UTC"));
        context.addCookies(List.of(new Cookie("continuity_session", TestAccounts.itDuty()).setUrl(board.toString())));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate(board.toString());
        assertThat(page.locator("#connection")).hasClass(java.util.regex.Pattern.compile("live"));
        return page;
    }

    @Test
    @DisplayName("EP-6.8 after recovery the board shows the class it had, recovered, a recovery card and a stopped outage clock, in hospital time")
    void afterRecovery() {
        UUID id = UUID.randomUUID();
        var outage = Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofHours(3));
        var after = Incidents.afterThirtyMinutes(outage, outage.outageStart().plus(Duration.ofMinutes(30)));
        // the engine drops the class once every finding is cleared; the board must not read "ungraded" then
        incidents.show(Incidents.regraded(Incidents.closed(after, clock.instant().minusSeconds(600)), null));
        Page page = open();
        assertThat(page.locator("#incident-class")).hasText("一类故障 · 已恢复");
        assertThat(page.locator("#incident-class")).not().containsText("未定级");
        assertThat(page.locator("#threshold-recovered")).containsText("已恢复");
        assertThat(page.locator("#threshold-recovered")).containsText("停机历时 2小时50分");
        assertThat(page.locator("#thresholds")).not().containsText("剩余");
        assertThat(page.locator("#threshold-recovered")).not().containsText("0/0"); // nothing counted is not "done 0/0"
        String elapsed = page.locator("#elapsed").textContent();
        page.waitForTimeout(2_100);
        assertThat(page.locator("#elapsed")).hasText(elapsed); // stopped
        String opened = SHOWN.format(outage.openedAt().atZone(ZoneId.of("Asia/Shanghai")));
        assertThat(page.locator("#incident-opened")).hasText(opened);
        page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve("10-after-recovery.png")).setFullPage(true));
    }

    @Test
    @DisplayName("EP-8.4 a write-back the HIS does not take is said on the board: since when and why, never 'done'")
    void writeBackHeldIsSaid() {
        UUID id = UUID.randomUUID();
        var outage = Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofHours(2));
        incidents.show(Incidents.closed(Incidents.afterThirtyMinutes(outage, outage.outageStart().plus(Duration.ofMinutes(30))),
                clock.instant().minusSeconds(300)));
        Page page = open();
        assertThat(page.locator("#backentry-all")).not().containsText("0/0");
        assertThat(page.locator("#backentry-all")).containsText("尚无写回和补录记录");
        java.time.Instant paused = clock.instant().minusSeconds(120);
        pool.preparedQuery("insert into writeback_pause (incident, visit_id, detail, paused_at) values ($1, $2, $3, $4)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id.toString(), UUID.randomUUID(), "java.net.ConnectException: Connection refused",
                        paused.atOffset(java.time.ZoneOffset.UTC)))
                .await().indefinitely();
        figures.check().await().indefinitely();
        assertThat(page.locator("#his-unreachable")).containsText("HIS 无法连接");
        assertThat(page.locator("#his-unreachable")).containsText(SHOWN.format(paused.atZone(ZoneId.of("Asia/Shanghai"))));
        assertThat(page.locator("#his-unreachable")).containsText("无法连接 HIS");
        assertThat(page.locator("#backentry-all")).containsText("等待写回 HIS");
        assertThat(page.locator("#reconciliation")).not().containsText("已完成");
        assertThat(page.locator("#reconciliation")).not().containsText("Connection");
        page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve("11-his-unreachable.png")).setFullPage(true));
        // the workbench asks the same hold, so it never says "nothing to do" while records wait
        TestAccounts.asAdmin().when().get("/api/workbench/holds").then().statusCode(200)
                .body("incident", org.hamcrest.Matchers.hasItem(id.toString()))
                .body("errorZh", org.hamcrest.Matchers.hasItem("无法连接 HIS"));
        pool.preparedQuery("delete from writeback_pause where incident = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(id.toString()))
                .await().indefinitely();
    }
}
