package org.hospital.continuity.server.ops;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.server.platform.TestAccounts.as;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.board.TestIncidentSource;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
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
 * IT's drill page and systems page in Debian's Chromium, pages only and keyboard first: a drill started from a scenario
 * chosen by its Chinese name, followed on the drill's clock and stopped, its report opened (EP-9.4, HR-21); a probe added,
 * edited and disabled with its place and state in words (EP-1.3, EP-4.1); a restore test run and its history read (HR-19);
 * the EP-5.1 circumstances set on the operations page. Each page is swept for codes, UUIDs and ISO times. Screenshots go to
 * target/ops-screenshots.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ChannelReceivers.class)
class DrillAndSystemsPagesBrowserTest {

    static HeadlessChromium chromium;
    static Browser browser;

    @Inject
    TestIncidentSource incidents;
    @Inject
    TestClock clock;
    @Inject
    RunningTheIncidentEngine engine;
    @Inject
    org.hospital.continuity.server.drill.app.RunningDrills drills;

    @TestHTTPResource("/")
    URL base;

    BrowserContext context;

    @BeforeAll
    static void launch() throws Exception {
        Files.createDirectories(OperationsPageBrowserTest.ARTIFACTS);
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
            context = null;
        }
    }

    Page page(String token) {
        if (context != null) {
            context.close();
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000).setLocale("zh-CN")
                .setTimezoneId("UTC")); // the screen's own zone differs on purpose: pages show the hospital's
        context.addCookies(List.of(new Cookie("continuity_session", token).setUrl(base.toString())));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    static void shot(Page page, String name) {
        OperationsPageBrowserTest.shot(page, name);
    }

    /** Closes an incident other test classes may have left open (a drill never starts during an incident). */
    private void settle() {
        String it = TestAccounts.itDuty();
        if (as(it).when().get("/api/incidents/current").then().extract().statusCode() == 200) {
            String id = as(it).when().get("/api/incidents/current").then().extract().path("id");
            as(it).contentType(ContentType.JSON).body(Map.of("note", "test reset")).when().post("/api/incidents/" + id + "/recovery");
            clock.advance(Duration.ofMinutes(31));
            engine.tick().await().atMost(Duration.ofSeconds(30));
        }
        as(it).when().get("/api/incidents/current").then().statusCode(404);
    }

    @Test
    @DisplayName("EP-9.4, HR-21 IT starts a drill on the page from a scenario chosen by its name, follows it on the drill clock, stops it and opens its report")
    void drillFromThePage() {
        incidents.useEngine();
        settle();
        // the leadership group reads the board, it does not run drills
        Page leader = page(TestAccounts.leader());
        leader.navigate(base + "ops/drills");
        assertThat(leader.locator("body")).containsText("仅供信息科");
        assertThat(leader.locator("#start-form")).hasCount(0);

        String title = as(TestAccounts.itDuty()).get("/api/drills/scenarios").then().statusCode(200).extract()
                .path("find { it.id == 'whole-network-7h' }.titleZh");
        Page page = page(TestAccounts.itDuty());
        page.navigate(base + "ops/drills");
        assertThat(page.locator("h1")).hasText("演练（EP-9.4）");
        assertThat(page.locator("#drill-none")).hasText("当前没有演练。");
        assertThat(page.locator("#nav-drills")).hasText("演练");
        // the scenario by its Chinese name, the speed in words; the page says what the scenario spans
        page.locator("#start-scenario").selectOption(new SelectOption().setLabel(title));
        page.locator("#start-speed").selectOption(new SelectOption().setLabel("60 倍（1 分钟 = 计划 1 小时）"));
        assertThat(page.locator("#scenario-about")).containsText("计划时间");
        assertThat(page.locator("#scenario-about")).containsText("实际约需");
        shot(page, "drills-01-choose.png");
        // keyboard: from the speed, Tab to the start button, Enter
        page.locator("#start-speed").focus();
        page.keyboard().press("Tab");
        assertThat(page.locator("#start-button")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#status")).hasText("演练已开始：" + title + "。");
        assertThat(page.locator("#drill-title")).containsText("演练进行中：" + title);
        assertThat(page.locator("#drill-clock")).containsText("演练已进行");
        assertThat(page.locator("#drill-real")).containsText("60 倍");
        assertThat(page.locator("#start-button")).isDisabled();
        // the stop field has the focus: a reason and Enter
        assertThat(page.locator("#stop-reason")).isFocused();
        Locator row = page.locator("#drills tbody tr").first();
        assertThat(row).containsText(title);
        assertThat(row).containsText("进行中");
        shot(page, "drills-02-running.png");
        OperationsPageBrowserTest.sweep(page, "/ops/drills (running)");

        page.keyboard().type("演练目标已达到");
        page.keyboard().press("Enter");
        assertThat(page.locator("#status")).hasText("演练已停止。");
        assertThat(page.locator("#drill-none")).hasText("当前没有演练。");
        assertThat(row).containsText("停止（演练目标已达到）");
        assertThat(row).containsText("发起人");
        assertThat(page.locator("#start-button")).isEnabled();
        shot(page, "drills-03-stopped.png");
        OperationsPageBrowserTest.sweep(page, "/ops/drills");

        // the drill's report from its row
        row.locator("a", new Locator.LocatorOptions().setHasText("查看演练报告")).click();
        page.waitForURL("**/drills/*/report");
        assertThat(page.locator("body")).containsText(title);
        shot(page, "drills-04-report.png");
    }

    @Test
    @DisplayName("EP-1.3, EP-4.1, HR-19 an administrator adds, edits and disables a probe with its place and state in words, runs a restore test and reads its history")
    void probesAndRestoreTests() {
        // IT on duty sees the probes but does not configure them
        Page duty = page(TestAccounts.itDuty());
        duty.navigate(base + "ops/systems");
        assertThat(duty.locator("h1")).hasText("监测与恢复测试");
        assertThat(duty.locator("#probe-form-card")).isHidden();
        assertThat(duty.locator("#restore-form")).isHidden();

        Page page = page(TestAccounts.admin());
        page.navigate(base + "ops/systems");
        String name = "病区网段探测" + System.nanoTime() % 100_000;
        // keyboard only: fields filled, Enter in a field adds the probe; the server's own health answers (up, no incident)
        page.locator("#probe-name").fill(name);
        page.locator("#probe-component").selectOption(new SelectOption().setLabel("光纤网段"));
        page.locator("#probe-kind").selectOption(new SelectOption().setLabel("网页地址"));
        page.locator("#probe-target").fill(base + "q/health/live");
        page.locator("#probe-area").fill("B/3");
        page.locator("#probe-interval").fill("3600");
        page.locator("#probe-timeout").fill("5");
        page.locator("#probe-name").press("Enter");
        assertThat(page.locator("#status")).hasText("已新增监测 " + name + "。");
        Locator probe = page.locator("#probes tr[data-probe='" + name + "']");
        assertThat(probe).containsText("光纤网段");
        assertThat(probe.locator("td.area")).hasText("B楼 3层");
        assertThat(probe).containsText("网页地址");
        assertThat(probe).containsText("每 1小时00分 检查一次");
        // checked now from the page: its state in words
        probe.locator("button[data-action=run]").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#status")).containsText(name + " 已检查：正常");
        assertThat(probe.locator("td.probe-state")).containsText("正常");
        shot(page, "systems-01-probe-added.png");

        // edit: the whole hospital now, every 2 hours
        probe.locator("button[data-action=edit]").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#probe-name")).isFocused();
        assertThat(page.locator("#h-probe-form")).hasText("编辑监测：" + name);
        page.locator("#probe-area").fill("");
        page.locator("#probe-interval").fill("7200");
        page.locator("#probe-interval").press("Enter");
        assertThat(page.locator("#status")).hasText("已保存监测 " + name + "。");
        assertThat(probe.locator("td.area")).hasText("全院");
        assertThat(probe).containsText("每 2小时00分 检查一次");
        // a wrong place is refused in words, nothing stored
        probe.locator("button[data-action=edit]").click();
        page.locator("#probe-area").fill("B/3/5/7");
        page.locator("#probe-area").press("Enter");
        assertThat(page.locator("#probe-form .form-error")).containsText("填写的内容不完整或有误");
        assertThat(probe.locator("td.area")).hasText("全院");
        page.locator("#probe-cancel").click();
        // disabled
        probe.locator("button[data-action=disable]").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#status")).hasText("已停用监测 " + name + "。");
        assertThat(probe.locator("td.probe-state")).hasText("已停用");
        assertThat(probe.locator("button[data-action=enable]")).hasCount(1);
        shot(page, "systems-02-probe-edited-disabled.png");
        OperationsPageBrowserTest.sweep(page, "/ops/systems");

        // HR-19: a restore test from the page, then its line in the history
        int before = page.locator("#restore-tests tbody tr[data-ok]").count();
        page.locator("#restore-run").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#status")).hasText("恢复测试通过：每张表恢复后一致。",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(180_000));
        assertThat(page.locator("#restore-tests tbody tr[data-ok]")).hasCount(before + 1);
        Locator last = page.locator("#restore-tests tbody tr").first();
        assertThat(last).hasAttribute("data-ok", "true");
        assertThat(last).containsText("通过");
        assertThat(last).containsText("张表一致");
        assertThat(last.locator("td").last()).not().isEmpty();
        assertThat(page.locator("#restore-summary")).containsText("最近一次通过");
        shot(page, "systems-03-restore-history.png");
        OperationsPageBrowserTest.sweep(page, "/ops/systems (restore)");
        assertThat(page.locator("body").innerText()).doesNotContain("restore test").doesNotContain("tables restored");
    }

    @Test
    @DisplayName("EP-5.1 IT records the circumstances on the operations page from the keyboard; the plan's times are said to stay")
    void circumstancesOnTheOperationsPage() {
        incidents.useEngine();
        settle(); // an ordinary day: no incident open
        Page page = page(TestAccounts.itDuty());
        page.navigate(base + "ops");
        assertThat(page.locator("#context-form legend")).hasText("当前情况（EP-5.1）");
        assertThat(page.locator("#context-form")).containsText("计划规定的转手工时间（EP-5.2）不变");
        page.locator("#context-holiday").focus();
        page.keyboard().press("Space");
        page.locator("#context-staff_away").focus();
        page.keyboard().press("Space");
        page.locator("#context-submit").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#status")).containsText("已登记当前情况：节假日、人员外出");
        assertThat(page.locator("#status")).containsText("计划时间不变");
        shot(page, "ops-context.png");
        OperationsPageBrowserTest.sweep(page, "/ops (circumstances)");
        // with no incident open they are shown as in force, in words: on the operations page and on the board's idle view
        page.reload();
        assertThat(page.locator("#context-now")).containsText("当前生效的情况：节假日、人员外出");
        assertThat(page.locator("#context-holiday")).isChecked();
        Page board = context.newPage();
        board.navigate(base + "board");
        assertThat(board.locator("#circumstances")).hasText("当前生效的情况（EP-5.1）：节假日、人员外出。");
        shot(board, "board-idle-circumstances.png");
        OperationsPageBrowserTest.sweep(board, "/board (circumstances)");
        board.close();
        // and cleared again, so other tests start from an ordinary day
        page.locator("#context-holiday").uncheck();
        page.locator("#context-staff_away").uncheck();
        page.locator("#context-submit").click();
        assertThat(page.locator("#status")).hasText("已登记：没有特殊情况。");
        assertThat(page.locator("#context-now")).hasText("当前没有登记特殊情况。");
    }

    @Test
    @DisplayName("EP-5.2, EP-9.4 during a drill at 60x every time on the board is drill time: the 30-minute card's due time is the "
            + "timeline's step time, and a status report written after the step follows it on the timeline")
    void theBoardRunsOnTheDrillClock() {
        incidents.useEngine();
        settle();
        String it = TestAccounts.itDuty();
        String drill = as(it).contentType(ContentType.JSON).body(Map.of("scenario", "whole-network-7h", "factor", 60))
                .when().post("/api/drills").then().statusCode(201).extract().path("id");
        try {
            for (int k = 0; k < 5; k++) {
                drills.playDue().await().atMost(Duration.ofSeconds(30));
            }
            String incident = as(it).when().get("/api/incidents/current").then().statusCode(200).extract().path("id");
            // 30 real seconds are 30 drill minutes: the front desk's step (EP-5.2.1) is reached
            clock.advance(Duration.ofSeconds(30));
            engine.tick().await().atMost(Duration.ofSeconds(30));
            // two real seconds later (two drill minutes) IT writes a status report: real time, put on the drill's clock
            clock.advance(Duration.ofSeconds(2));
            as(it).contentType(ContentType.JSON).body(Map.of("conditions", "演练：全院网络中断", "actions", "前台已转手工"))
                    .when().post("/api/board/incidents/" + incident + "/status-reports").then().statusCode(200);

            Page board = page(it);
            board.navigate(base + "board");
            assertThat(board.locator("#drill-time")).isVisible();
            Locator step = board.locator("#timeline li[data-kind=LADDER_STEP_REACHED]", new Page.LocatorOptions().setHasText("EP-5.2.1"));
            assertThat(step).hasCount(1);
            String stepTime = step.locator("time").textContent();
            assertThat(stepTime).startsWith("演练时间 ");
            assertThat(board.locator("#threshold-EP-5\\.2\\.1 .clause")).hasText("EP-5.2.1 · 到期 " + stepTime);
            assertThat(board.locator("#incident-opened")).containsText("演练时间 ");
            // the timeline reads newest first: the status report, written after the step, stands above it
            List<?> shown = (List<?>) board.locator("#timeline li").evaluateAll("l => l.map(e => e.getAttribute('data-kind'))");
            List<String> kinds = shown.stream().map(String::valueOf).toList();
            assertThat(kinds.indexOf("STATUS_REPORT")).as("%s", kinds).isBetween(0, kinds.indexOf("LADDER_STEP_REACHED"));
            for (String time : board.locator("#timeline li time").allTextContents()) {
                assertThat(time).startsWith("演练时间 ");
            }
            assertThat(board.locator("#status-reports .who").first()).containsText("演练时间 ");
            shot(board, "board-drill-clock.png");
            OperationsPageBrowserTest.sweep(board, "/board (drill)");
        } finally {
            as(it).contentType(ContentType.JSON).body(Map.of("reason", "测试结束")).when().post("/api/drills/" + drill + "/stop");
            settle();
        }
    }
}
