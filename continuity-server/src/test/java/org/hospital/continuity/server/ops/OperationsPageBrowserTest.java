package org.hospital.continuity.server.ops;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hospital.continuity.server.board.TestIncidentSource;
import org.hospital.continuity.server.notification.ChannelReceivers;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * IT's operations page in Debian's Chromium, pages only: a fault report is filed and confirmed with its cause on the
 * page (EP-3), the board then shows the class, its evidence and the ladder (EP-4, EP-5.2); the class is overridden with
 * a reason; recovery is declared on the page (EP-6.8). Then every server page is swept in zh-CN for what a person must
 * never read: raw codes, UUIDs, ISO timestamps and durations. Screenshots go to target/ops-screenshots.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ChannelReceivers.class)
class OperationsPageBrowserTest {

    static final Path ARTIFACTS = Paths.get("target", "ops-screenshots");

    /** What a person must never read on a page (the sweep). */
    static final List<Pattern> FORBIDDEN = List.of(
            // bounded by anything but ASCII letters and digits: a code glued to Chinese text (已通知PHARMACY) is caught too
            Pattern.compile("(?<![0-9A-Za-z])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z])"), // UUID
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}"), // an ISO timestamp
            Pattern.compile("(?<![0-9A-Za-z])P(?:T\\d+(?:\\.\\d+)?[HMS]|\\d+[DWMY])"), // an ISO duration (PT54.3S, P2D)
            Pattern.compile("(?<![0-9A-Za-z_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![0-9A-Za-z_])")); // a code: MANUAL_SWITCH, CLASS_I

    /**
     * Codes of one word (PHARMACY, MANUAL, UNVERIFIED, WECOM) look like any acronym, so they are named: every party
     * code, department mode, verification state and group channel of the product.
     */
    static final Pattern ONE_WORD_CODES = Pattern.compile("(?<![0-9A-Za-z_])(?:" + String.join("|", oneWordCodes()) + ")(?![0-9A-Za-z_])");

    static List<String> oneWordCodes() {
        java.util.Set<String> codes = new java.util.TreeSet<>(org.hospital.continuity.playbooks.party.Party.codes());
        for (Enum<?> e : org.hospital.continuity.server.incident.DepartmentMode.values()) {
            codes.add(e.name());
        }
        for (Enum<?> e : org.hospital.continuity.server.fault.FaultReport.Verification.values()) {
            codes.add(e.name());
        }
        codes.addAll(List.of("WECOM", "DINGTALK", "IN_APP", "EMAIL"));
        return codes.stream().filter(c -> !c.contains("_")).toList();
    }

    /** Words a page may show although they look like the above (none yet: add one only with the reason beside it). */
    static final List<String> ALLOWED = List.of();

    static HeadlessChromium chromium;
    static Browser browser;

    @Inject
    TestIncidentSource incidents;

    @TestHTTPResource("/")
    URL base;

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
    }

    Page as(String token) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000).setLocale("zh-CN")
                .setTimezoneId("UTC")); // the screen's own zone differs on purpose: pages show the hospital's
        context.addCookies(List.of(new Cookie("continuity_session", token).setUrl(base.toString())));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve(name)).setFullPage(true));
    }

    @Test
    @DisplayName("EP-3.2, EP-4, EP-6.8 IT files and confirms a fault report, overrides the class and declares recovery on the page; the board follows")
    void faultReportToRecoveryOnPages() {
        incidents.useEngine();
        // the leadership group may read the board but not work the operations page
        Page leader = as(TestAccounts.leader());
        leader.navigate(base + "ops");
        assertThat(leader.locator("body")).containsText("仅供信息科");
        assertThat(leader.locator("#file-form")).hasCount(0);
        context.close();

        Page page = as(TestAccounts.itDuty());
        page.navigate(base + "ops");
        assertThat(page.locator("h1")).hasText("信息科操作台");
        page.locator("#file-location").fill("门诊收费处 3号窗口");
        page.locator("#file-area").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("门诊挂号收费"));
        page.locator("#file-symptom-code").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("无法连接系统"));
        page.locator("#file-symptom").fill("收费系统登录不上，提示网络错误");
        page.locator("#file-location").press("Enter"); // the keyboard alone files it
        assertThat(page.locator("#status")).hasText("故障报告已登记。");
        Locator report = page.locator("#reports li.report", new Page.LocatorOptions().setHasText("门诊收费处 3号窗口")).first();
        assertThat(report).containsText("待核实");
        assertThat(report).containsText("门诊挂号收费 · 无法连接系统");
        shot(page, "01-report-filed.png");

        report.locator("select[name=cause]").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("服务器不能正常工作"));
        report.locator("input[name=note]").fill("数据库服务器宕机");
        report.locator("button[value=CONFIRMED]").click();
        assertThat(page.locator("#status")).hasText("故障报告已证实。");
        Locator confirmed = page.locator("#reports li.report", new Page.LocatorOptions().setHasText("门诊收费处 3号窗口")).first();
        assertThat(confirmed).containsText("已证实");
        assertThat(confirmed).containsText("原因：服务器不能正常工作");
        assertThat(page.locator("#incident-class")).containsText("一类故障");
        shot(page, "02-report-confirmed-class-i.png");

        // the board shows the class, the evidence and the ladder
        Page board = context.newPage();
        board.navigate(base + "board");
        assertThat(board.locator("#incident-class")).hasText("一类故障");
        assertThat(board.locator("#incident-evidence")).not().isEmpty();
        assertThat(board.locator("#thresholds li")).hasCount(3);
        assertThat(board.locator("#threshold-EP-5\\.2\\.1")).containsText("剩余");
        shot(board, "03-board-class-i-ladder.png");
        sweep(board, "/board");

        // EP-5.2: critically ill patients — IT switches the pharmacy to manual now, before the ladder's 30 minutes;
        // the switch instruction is issued for the pharmacy and waits for its acknowledgement (EP-6.1)
        page.locator("#manual-department").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("药房"));
        page.locator("#manual-reason").fill("危重病人取药，药房提前转入手工");
        page.locator("#manual-reason").press("Enter");
        assertThat(page.locator("#status")).hasText("已通知药房转入手工操作，等待该部门确认。");
        Locator pharmacy = page.locator("#instructions li[data-party=PHARMACY]").first();
        assertThat(pharmacy).containsText("药房");
        assertThat(pharmacy).containsText("等待确认");
        shot(page, "02b-pharmacy-switched-early.png");

        // IT grades it differently, with a reason; the board follows
        page.locator("#override-class").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("二类故障"));
        page.locator("#override-reason").fill("仅一台服务器，已切换备机");
        page.locator("#override-reason").press("Enter");
        assertThat(page.locator("#incident-class")).containsText("二类故障");
        assertThat(board.locator("#incident-class")).hasText("二类故障");
        sweep(page, "/ops");

        // recovery needs the check box (no declaration by a stray key press), then is declared
        page.locator("#recovery-button").click();
        assertThat(page.locator("#status")).not().containsText("已宣布系统恢复");
        page.locator("#recovery-sure").check();
        page.locator("#recovery-note").fill("服务器已修复，网络恢复");
        page.locator("#recovery-button").click();
        assertThat(page.locator("#status")).containsText("已宣布系统恢复");
        shot(page, "04-recovery-declared.png");
        // the board keeps the class the incident had, marked as recovered: never "ungraded" after recovery
        assertThat(board.locator("#incident-class")).containsText("二类故障");
        assertThat(board.locator("#incident-class")).not().containsText("未定级");
        shot(board, "05-board-after-recovery.png");
        sweep(board, "/board");
        sweep(page, "/ops");
    }

    @Test
    @DisplayName("every server page in zh-CN shows no raw code, UUID, ISO timestamp or ISO duration")
    void everyPageSpeaksWords() {
        incidents.useEngine();
        Page page = as(TestAccounts.admin());
        for (String path : List.of("/ops", "/ops/drills", "/ops/systems", "/board", "/readiness", "/workbench", "/drills")) {
            page.navigate(base + path.substring(1));
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE,
                    new Page.WaitForLoadStateOptions().setTimeout(10_000));
            shot(page, "sweep" + path.replace('/', '-') + ".png");
            sweep(page, path);
        }
        // the directory's pages show the names departments were stored with; other test classes store theirs by code
        // (a name a hospital would never type), which the people pages' sweep leaves aside
        for (String path : List.of("/ops/departments", "/ops/people", "/ops/roster")) {
            page.navigate(base + path.substring(1));
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE,
                    new Page.WaitForLoadStateOptions().setTimeout(10_000));
            shot(page, "sweep" + path.replace('/', '-') + ".png");
            PeoplePagesBrowserTest.sweep(page, path);
        }
    }

    /** Fails with every forbidden piece of text the page shows, each with a little of its context. */
    static void sweep(Page page, String path) {
        page.waitForTimeout(300);
        String text = (String) page.evaluate("() => document.body.innerText");
        List<String> found = new ArrayList<>();
        List<Pattern> all = new ArrayList<>(FORBIDDEN);
        all.add(ONE_WORD_CODES);
        for (Pattern p : all) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (ALLOWED.contains(m.group())) {
                    continue;
                }
                int from = Math.max(0, m.start() - 30);
                int to = Math.min(text.length(), m.end() + 30);
                found.add("'" + m.group() + "' in …" + text.substring(from, to).replace('\n', ' ') + "…");
            }
        }
        assertThat(found).as("text on %s a person must never read", path).isEmpty();
    }
}
