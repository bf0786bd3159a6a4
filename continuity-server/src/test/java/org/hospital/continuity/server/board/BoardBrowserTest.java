package org.hospital.continuity.server.board;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
import org.hospital.continuity.testsupport.HeadlessChromium;

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
    @TestHTTPResource("/")
    URL base;

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
        assertThat(page.locator("#reconciliation-not-back")).containsText("系统尚未恢复");
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
    @DisplayName("EP-8.4/EP-8.5 kiosks' unsent backlog and back-entry progress appear as numbers and change live")
    void kioskBacklogAndBackEntryLive() throws Exception {
        UUID id = UUID.randomUUID();
        var outage = Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofHours(3));
        incidents.show(Incidents.closed(Incidents.afterThirtyMinutes(outage, outage.outageStart().plus(Duration.ofMinutes(30))),
                clock.instant().minusSeconds(600)));
        sql("insert into ref_department (code, name) values ('SFC', '门诊收费处') on conflict (code) do nothing");
        sql("insert into ref_department (code, name) values ('NK', '内科') on conflict (code) do nothing");
        sql("insert into kiosk (id, name, department_code, status, created_at, created_by) values ('board-k9', '内科挂号2号机', 'NK',"
                + " 'ENROLLED', now(), 'test') on conflict (id) do nothing");
        figures.check().await().indefinitely(); // the figures as they are now
        Page page = open(1400, 1000, "");

        // a kiosk pushes two records and says 40 more are waiting; the enrolled kiosk that never pushed is listed too
        push("board-k1", 2, 40);
        figures.check().await().indefinitely();
        Locator k1 = page.locator("#kiosks tr[data-kiosk=board-k1]");
        assertThat(k1).hasAttribute("data-pending", "40");
        assertThat(k1.locator("td.pending")).hasText("40");
        assertThat(page.locator("#kiosks tr[data-kiosk=board-k9]")).containsText("内科挂号2号机");
        assertThat(page.locator("#kiosks tr[data-kiosk=board-k9]")).containsText("尚未上传过");
        assertThat(page.locator("#kiosks-total")).containsText("条记录待上传");
        // what the server stored is shown apart from what the kiosk still holds
        assertThat(k1).hasAttribute("data-stored", "2");
        assertThat(k1.locator("td.stored")).hasText("2 条");
        assertThat(page.locator("#kiosks-stored")).containsText("服务器已收到");
        // the kiosk can no longer push but its readiness report (heartbeat) says it now holds 55: the board believes its newest word
        pool.preparedQuery("insert into kiosk_readiness (kiosk_id, reported_at, kiosk_clock, drift_ms, pools, backlog_pending, oldest_unsent_at)"
                        + " values ('board-k1', $1, $1, 0, '[]', 55, $2)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(java.time.OffsetDateTime.ofInstant(clock.instant().plusSeconds(60), java.time.ZoneOffset.UTC),
                        java.time.OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofMinutes(45)), java.time.ZoneOffset.UTC)))
                .await().indefinitely();
        figures.check().await().indefinitely();
        assertThat(k1).hasAttribute("data-pending", "55");
        assertThat(k1.locator("td.pending")).hasText("55");
        assertThat(k1).hasAttribute("data-stored", "2");
        assertThat(page.locator("#kiosks-total")).containsText("55");
        sql("delete from kiosk_readiness where kiosk_id = 'board-k1'");
        figures.check().await().indefinitely();
        assertThat(k1).hasAttribute("data-pending", "40");

        // back-entry of this incident: three items in two department parcels, two of them important (same day)
        UUID a = workbenchItem(id, "SFC", "PATIENT_PROPOSAL", true);
        workbenchItem(id, "SFC", "PRICE_DIFFERS", false);
        workbenchItem(id, "NK", "AMBIGUOUS_IN_HIS", true);
        sql("insert into writeback_visit (visit_id, incident, created, existing, how, resource_refs, written_at)"
                + " values ('" + UUID.randomUUID() + "', '" + id + "', 1, 0, 'CREATED', '[]', now())");
        sql("insert into workbench_parcel (id, incident, split_by, area, owner, assigned_by, assigned_at) values ('" + UUID.randomUUID()
                + "', '" + id + "', 'DEPARTMENT', 'SFC', '收费处孙组长', 'it-duty-1', now())");
        figures.check().await().indefinitely();
        assertThat(page.locator("#backentry-important")).hasAttribute("data-total", "2");
        assertThat(page.locator("#backentry-important")).hasAttribute("data-done", "0");
        assertThat(page.locator("#backentry-important")).containsText("重要数据（当日完成）");
        assertThat(page.locator("#backentry-important")).containsText("截止");
        assertThat(page.locator("#backentry-all")).hasAttribute("data-total", "3");
        assertThat(page.locator("#reconciliation-written")).hasAttribute("data-written", "1");
        assertThat(page.locator("#parcel-table tr[data-area=SFC]")).containsText("门诊收费处");
        assertThat(page.locator("#parcel-table tr[data-area=SFC]")).containsText("收费处孙组长");
        assertThat(page.locator("#parcel-table tr[data-area=NK]")).containsText("未分配");
        shot(page, "07-kiosk-backlog-and-back-entry.png");

        // the kiosk drains its backlog and an item is resolved on the workbench: the numbers move without a reload
        push("board-k1", 2, 5);
        sql("update workbench_item set resolved_at = now() where id = '" + a + "'");
        figures.check().await().indefinitely();
        assertThat(k1.locator("td.pending")).hasText("5");
        assertThat(page.locator("#backentry-important")).hasAttribute("data-done", "1");
        assertThat(page.locator("#backentry-all")).hasAttribute("data-done", "1");
        assertThat(page.locator("#parcel-table tr[data-area=SFC]")).hasAttribute("data-done", "1");
        push("board-k1", 1, 0);
        figures.check().await().indefinitely();
        assertThat(k1.locator("td.pending")).hasText("已全部上传");
        shot(page, "08-kiosk-drained-item-resolved.png");
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().indefinitely();
    }

    private UUID workbenchItem(UUID incident, String department, String reason, boolean blocking) {
        UUID item = UUID.randomUUID();
        sql("insert into workbench_item (id, incident, visit_id, kiosk_id, department_code, reason, captured, candidates, blocking,"
                + " raised_at) values ('" + item + "', '" + incident + "', '" + UUID.randomUUID() + "', 'board-k1', '" + department + "', '"
                + reason + "', '{}', '[]', " + blocking + ", now())");
        return item;
    }

    /** A real push of {@code count} new journal entries, the kiosk reporting {@code stillPending} entries left unsent. */
    private void push(String kiosk, int count, long stillPending) throws Exception {
        long last = pool.preparedQuery("select coalesce(max(kiosk_seq), 0) from sync_entry where kiosk_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(kiosk)).await().indefinitely().iterator().next().getLong(0);
        java.time.Instant at = clock.instant().minus(Duration.ofMinutes(50));
        List<org.hospital.continuity.sync.envelope.JournalEntry> entries = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            long seq = last + i;
            entries.add(org.hospital.continuity.sync.envelope.JournalEntry.seal(UUID.randomUUID(), kiosk, seq, "charge", UUID.randomUUID(),
                    1, "ChargeRecorded", 1, org.hospital.continuity.sync.testkit.ContractPayloads.charge(seq), at.plusSeconds(seq), (at.toEpochMilli() + seq) << 16, "acct-1"));
        }
        long lastSeq = last + count + stillPending;
        var backlog = new org.hospital.continuity.sync.protocol.Backlog(stillPending, stillPending == 0 ? null : at.plusSeconds(last + count + 1),
                lastSeq);
        String body = org.hospital.continuity.sync.protocol.SyncJson.mapper().writeValueAsString(
                org.hospital.continuity.sync.protocol.PushBatch.of(kiosk, UUID.randomUUID(), backlog, entries));
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        base.toURI().resolve(org.hospital.continuity.sync.protocol.SyncProtocol.PUSH_PATH.substring(1)))
                        .header("Content-Type", "application/json")
                        .header("Authorization", org.hospital.continuity.sync.protocol.http.JdkPushClient.basic(kiosk, "test-secret"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
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
        // EP-8.2: a member is a person of the directory (then notified with the team), picked with the arrow keys
        assertThat(page.locator("#team-person")).isFocused();
        page.keyboard().press("ArrowDown");
        String member = (String) page.locator("#team-person").evaluate("s => s.options[s.selectedIndex].text");
        assertThat(member).isNotBlank();
        page.keyboard().press("Tab");
        page.keyboard().type("联系交换机厂商");
        page.keyboard().press("Enter");
        assertThat(page.locator(".team[data-team=LIAISON_TEAM]")).containsText(member + " (联系交换机厂商)");
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
        assertThat(page.locator("#backentry-important")).containsText("Important data (same day)");
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
