package org.hospital.continuity.server.board;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.server.notification.ChannelReceivers;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.hospital.continuity.server.platform.PostgresResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The board in Debian's Chromium (headless, driven by Playwright): it updates live over SSE when the
 * incident changes, works from the keyboard, switches to English, fits a phone, and the fault report
 * prints. Screenshots and the printed PDF are kept in target/board-screenshots as test artifacts.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ChannelReceivers.class)
class BoardBrowserTest {

    static final Path ARTIFACTS = Paths.get("target", "board-screenshots");

    static Playwright playwright;
    static Browser browser;

    @Inject
    TestIncidentSource incidents;
    @Inject
    TestClock clock;

    @TestHTTPResource("/board")
    URL board;

    BrowserContext context;

    @BeforeAll
    static void launch() throws Exception {
        Files.createDirectories(ARTIFACTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void reset() {
        if (context != null) {
            context.close();
        }
        incidents.useEngine();
    }

    /** A browser signed in as IT on duty (the session cookie of the account feature). */
    Page open(int width, int height, String query) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
        context.addCookies(List.of(new com.microsoft.playwright.options.Cookie("continuity_session", TestAccounts.itDuty())
                .setUrl(board.toString())));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate(board + query);
        assertThat(page.locator("#connection")).hasClass(java.util.regex.Pattern.compile("live"));
        return page;
    }

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve(name)).setFullPage(true));
    }

    @Test
    @DisplayName("EP-5.2 the class, the thresholds and the departments' modes update live when the incident changes")
    void updatesLive() {
        UUID id = UUID.randomUUID();
        var outage = Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofMinutes(25));
        incidents.show(outage);
        Page page = open(1600, 1000, "");

        assertThat(page.locator("#incident-class")).hasText("一类故障");
        assertThat(page.locator("#incident-evidence")).containsText("全院网络不通");
        assertThat(page.locator("#threshold-EP-5\\.2\\.1")).hasAttribute("data-passed", "false");
        assertThat(page.locator("#threshold-EP-5\\.2\\.1")).containsText("剩余");
        assertThat(page.locator("#elapsed")).hasText(java.util.regex.Pattern.compile("^0:2[5-6]:\\d\\d$"));
        assertThat(page.locator("#departments tr[data-code=PHARMACY]")).hasAttribute("data-mode", "NORMAL");
        assertThat(page.locator("#kiosks .unavailable")).containsText("暂无数据");
        assertThat(page.locator("#reconciliation .unavailable")).containsText("暂无数据");
        shot(page, "01-class-i-25-minutes.png");

        // 31 minutes into the outage: the EP-5.2.1 step has been reached and announced
        clock.advance(Duration.ofMinutes(6));
        incidents.show(Incidents.afterThirtyMinutes(outage, outage.outageStart().plus(Duration.ofMinutes(30))));
        assertThat(page.locator("#departments tr[data-code=PHARMACY]")).hasAttribute("data-mode", "MANUAL");
        assertThat(page.locator("#departments tr[data-code=PHARMACY] td").nth(1)).containsText("已确认");
        assertThat(page.locator("#departments tr[data-code=OUTPATIENT_REGISTRATION] td.ack-no")).hasText("未确认");
        assertThat(page.locator("#departments tr[data-code=NURSE_STATION]")).hasAttribute("data-mode", "NORMAL");
        assertThat(page.locator("#threshold-EP-5\\.2\\.1")).hasAttribute("data-passed", "true");
        assertThat(page.locator("#elapsed")).hasText(java.util.regex.Pattern.compile("^0:3[1-2]:\\d\\d$"));
        assertThat(page.locator("#timeline")).containsText("故障超过30分钟");
        shot(page, "02-manual-after-30-minutes.png");

        incidents.show(Incidents.regraded(Incidents.afterThirtyMinutes(outage, outage.outageStart().plus(Duration.ofMinutes(30))),
                "CLASS_II"));
        assertThat(page.locator("#incident-class")).hasText("二类故障");
        assertThat(page.locator("#incident-evidence")).containsText("仅 3 号楼一个子网受影响");
    }

    @Test
    @DisplayName("the board is usable from the keyboard: skip link, a status report and a team member entered without a mouse")
    void keyboardOnly() {
        UUID id = UUID.randomUUID();
        incidents.show(Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofMinutes(50)));
        Page page = open(1400, 1000, "");

        page.keyboard().press("Tab");
        assertThat(page.locator("a.skip")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#main")).isFocused();

        page.locator("#status-form textarea[name=conditions]").focus();
        page.keyboard().type("核心交换机电源故障，全院网络中断");
        page.keyboard().press("Tab");
        page.keyboard().type("更换备用电源，厂商已到场");
        page.keyboard().press("Tab");
        page.keyboard().type("请总务科保障机房供电");
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交情况通报"))).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#status-reports")).containsText("核心交换机电源故障，全院网络中断");
        assertThat(page.locator("#status-reports")).containsText("测试 it-duty-1");
        assertThat(page.locator("#timeline")).containsText("情况通报(测试 it-duty-1)");

        page.locator("#team-select").focus();
        page.keyboard().press("ArrowDown"); // 技术联络组
        page.keyboard().press("Tab");
        page.keyboard().type("钱工");
        page.keyboard().press("Tab");
        page.keyboard().type("联系交换机厂商");
        page.keyboard().press("Enter");
        assertThat(page.locator(".team[data-team=LIAISON_TEAM]")).containsText("钱工 (联系交换机厂商)");
        shot(page, "03-keyboard-status-report-and-team.png");
    }

    @Test
    @DisplayName("English on request, and one readable column on a phone")
    void englishAndPhone() {
        UUID id = UUID.randomUUID();
        incidents.show(Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofHours(7)));
        Page page = open(390, 844, "");
        assertThat(page.locator("#incident-class")).hasText("一类故障");
        page.locator("#lang-switch").click();
        assertThat(page.locator("h1")).hasText("Emergency leadership incident board");
        assertThat(page.locator("#incident-class")).hasText("Class I fault");
        assertThat(page.locator("#threshold-EP-5\\.2\\.2")).hasAttribute("data-passed", "true");
        assertThat(page.locator("#kiosks .unavailable")).containsText("not available yet");
        Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) scrollWidth).intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
        shot(page, "04-phone-english.png");
    }

    @Test
    @DisplayName("EP-8.6 after recovery the fault report opens from the board and prints (PDF kept as an artifact)")
    void faultReportPrints() throws Exception {
        UUID id = UUID.randomUUID();
        var outage = Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofHours(3));
        incidents.show(Incidents.closed(Incidents.afterThirtyMinutes(outage, outage.outageStart().plus(Duration.ofMinutes(30))),
                clock.instant().minusSeconds(60)));
        Page page = open(1400, 1000, "");
        String href = page.locator("#report-link").getAttribute("href");
        assertThat(href).isEqualTo("/board/incidents/" + id + "/report");
        Page report = page;
        report.navigate(board.toURI().resolve(href).toString());
        report.waitForLoadState();
        assertThat(report.locator("#report-title")).hasText("故障排除报告及恢复记录");
        report.locator("textarea[name=rootCause]").fill("核心交换机电源模块损坏");
        report.locator("textarea[name=preventiveMeasures]").fill("双电源改造；备件常备");
        report.locator("textarea[name=followUps]").fill("厂商一周内提交分析报告");
        report.locator("#submit-report").click();
        assertThat(report.locator("#report-state")).hasText("已提交");
        assertThat(report.locator("#root-cause")).hasText("核心交换机电源模块损坏");
        assertThat(report.locator("#report-timeline")).containsText("故障关闭");
        report.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(report.locator(".toolbar")).isHidden();
        shot(report, "05-fault-report-print.png");
        byte[] pdf = report.pdf(new Page.PdfOptions().setPath(ARTIFACTS.resolve("fault-report.pdf")).setFormat("A4"));
        assertThat(pdf.length).isGreaterThan(10_000);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    @DisplayName("without a session the board asks to sign in, and the leadership group then sees it read-only")
    void signInThenReadOnly() {
        UUID id = UUID.randomUUID();
        incidents.show(Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofMinutes(12)));
        TestAccounts.leader(); // the account exists
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("zh-CN"));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate(board.toString());
        page.locator("input[name=username]").fill("leader-1");
        page.locator("input[name=password]").fill(TestAccounts.PASSWORD);
        page.keyboard().press("Enter");
        assertThat(page.locator("#incident-class")).hasText("一类故障");
        assertThat(page.locator("#me")).hasText("测试 leader-1");
        assertThat(page.locator("#status-form")).isHidden();
        assertThat(page.locator("#team-form")).isHidden();
        shot(page, "06-leadership-read-only.png");
    }
}
