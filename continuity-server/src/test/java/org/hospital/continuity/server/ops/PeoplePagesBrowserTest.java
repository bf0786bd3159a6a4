package org.hospital.continuity.server.ops;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.server.platform.TestAccounts.asAdmin;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.board.TestIncidentSource;
import org.hospital.continuity.server.notification.ChannelReceivers;
import org.hospital.continuity.server.notification.TeamMembers;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * IT's people, kiosk and roster pages in Debian's Chromium, pages only for what IT does: an administrator adds a
 * leader with an account and hands over the one-time password, the leader signs in with it, roles change, the
 * account is disabled, enabled and its password reset (HR-1, HR-3, HR-7); a kiosk enrolment code is made and used;
 * the roster gets two shifts and the first holder records the handover to the next (HR-15, HR-16); a response team
 * member is picked from the directory on the board, so the team's notices reach them (EP-8.2). Asserts what a person
 * reads (Chinese text) and sweeps each page for codes, UUIDs and ISO times. Screenshots go to target/ops-screenshots.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ChannelReceivers.class)
class PeoplePagesBrowserTest {

    static HeadlessChromium chromium;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestIncidentSource incidents;

    @Inject
    TeamMembers teamMembers;

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

    Page as(String token) {
        if (context != null) {
            context.close();
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000).setLocale("zh-CN")
                .setTimezoneId("UTC")); // the screen's zone differs on purpose: pages show the hospital's
        if (token != null) {
            context.addCookies(List.of(new Cookie("continuity_session", token).setUrl(base.toString())));
        }
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    static void department(String code, String zh, String area) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "nameZh", zh, "nameEn", code));
        if (area != null) {
            body.put("area", area);
        }
        int status = asAdmin().contentType(ContentType.JSON).body(body).when().post("/api/departments").then().extract().statusCode();
        assertThat(status).isIn(201, 409);
    }

    static int login(String username, String password) {
        return RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .when().post("/api/auth/login").then().extract().statusCode();
    }

    /**
     * The operations page's sweep (codes, UUIDs, ISO times), minus the names other test classes stored for their own
     * departments (they name a department by its code, e.g. PRESIDENT_OFFICE): the page shows a department's stored
     * name, which is what a hospital types in; it never makes up a code.
     */
    static void sweep(Page page, String path) {
        page.waitForTimeout(300);
        String text = (String) page.evaluate("() => document.body.innerText");
        for (Object d : asAdmin().when().get("/api/departments").then().statusCode(200).extract().jsonPath().getList("$")) {
            Map<?, ?> dep = (Map<?, ?>) d;
            if (String.valueOf(dep.get("nameZh")).equals(dep.get("code"))) {
                text = text.replace(String.valueOf(dep.get("nameZh")), "");
            }
        }
        List<String> found = new java.util.ArrayList<>();
        List<java.util.regex.Pattern> all = new java.util.ArrayList<>(OperationsPageBrowserTest.FORBIDDEN);
        all.add(OperationsPageBrowserTest.ONE_WORD_CODES);
        for (java.util.regex.Pattern p : all) {
            java.util.regex.Matcher m = p.matcher(text);
            while (m.find()) {
                found.add("'" + m.group() + "' in …" + text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 30))
                        .replace('\n', ' ') + "…");
            }
        }
        assertThat(found).as("text on %s a person must never read", path).isEmpty();
    }

    static void shot(Page page, String name) {
        OperationsPageBrowserTest.shot(page, name);
    }

    @Test
    @DisplayName("HR-1, HR-3, HR-7 an IT administrator adds a leader with an account on the page, hands over the one-time password, "
            + "changes roles, disables, enables and resets it; a kiosk enrolment code is made on the page")
    void peopleAndAccountsOnThePage() {
        department("PRESIDENT-OFFICE-P", "院长办公室", null);
        department("CASH-P", "门诊收费处", "OUTPATIENT_REGISTRATION");

        // IT on duty is not an administrator: a refusal in words, no forms
        Page duty = as(TestAccounts.itDuty());
        duty.navigate(base + "ops/people");
        assertThat(duty.locator("body")).containsText("仅供信息科系统管理员使用");
        assertThat(duty.locator("#person-form")).hasCount(0);

        Page page = as(TestAccounts.admin());
        page.navigate(base + "ops/people");
        assertThat(page.locator("h1")).hasText("人员与账号");
        assertThat(page.locator("#people")).containsText("信息科");

        // the keyboard alone: an empty form is refused in words, nothing is sent
        page.locator("#person-name").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#person-form .form-error")).hasText("操作未完成：请填写姓名。");
        page.keyboard().type("王院长");
        page.locator("#person-department").selectOption(new SelectOption().setLabel("院长办公室"));
        page.locator("#new-role-LEADERSHIP").focus();
        page.keyboard().press("Space");
        page.locator("#person-phone").fill("13800001111");
        page.locator("#person-username").fill("王 yz");
        page.locator("#person-username").press("Enter");
        assertThat(page.locator("#person-form .form-error")).containsText("登录名只能用英文字母、数字");
        assertThat(page.locator("#people")).not().containsText("王院长");
        page.locator("#person-username").fill("wang-yz");
        page.locator("#person-username").press("Enter");
        assertThat(page.locator("#status")).hasText("已新增人员王院长并开通账号，登录名 wang-yz。");
        assertThat(page.locator("#secret")).isVisible();
        assertThat(page.locator("#secret-who")).hasText("请把以下一次性密码当面交给王院长（登录名 wang-yz）：");
        assertThat(page.locator("#secret-value")).hasText(java.util.regex.Pattern.compile("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"));
        String first = page.locator("#secret-value").textContent();
        assertThat(first).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");
        Locator row = page.locator("#people tr.person", new Page.LocatorOptions().setHasText("王院长"));
        assertThat(row).containsText("院长办公室");
        assertThat(row).containsText("应急领导组成员");
        assertThat(row).containsText("登录名 wang-yz · 可以登录");
        shot(page, "people-01-leader-added-one-time-password.png");
        sweep(page, "/ops/people");

        // shown once: closed, it is gone from the page and never comes back
        page.locator("#secret-done").press("Enter");
        assertThat(page.locator("#secret")).isHidden();
        page.reload();
        assertThat(page.locator("#people")).containsText("王院长");
        assertThat(page.content()).doesNotContain(first);

        // the leader's first sign-in, on the board's sign-in page, with the password handed over
        Page leader = context.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN")).newPage();
        leader.navigate(base + "board");
        leader.locator("input[name=username]").fill("wang-yz");
        leader.locator("input[name=password]").fill(first);
        leader.locator("input[name=password]").press("Enter");
        // HR-3: with the one-time password the leader first sets a password of their own, on the same page, in Chinese
        assertThat(leader.locator("#password-form")).isVisible();
        assertThat(leader.locator("#password-form h1")).hasText("请设置您自己的密码");
        assertThat(leader.locator("#password-who")).hasText("王院长");
        assertThat(leader.locator("#new-password")).isFocused();
        shot(leader, "people-02a-leader-sets-own-password.png");
        String own = "Wang-Yuanzhang-2026";
        leader.keyboard().type(own);
        leader.keyboard().press("Tab");
        leader.keyboard().type("Wang-Yuanzhang-2027");
        leader.keyboard().press("Enter");
        assertThat(leader.locator("#password-error")).hasText("两次输入的新密码不一样，请重新输入。");
        leader.keyboard().type(own);
        leader.keyboard().press("Enter");
        // the page carries on signed in: the board (the sign-in page and its two headings are gone)
        assertThat(leader.locator("#login-form")).hasCount(0, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions()
                .setTimeout(15_000));
        assertThat(leader.locator("h1")).containsText("应急领导组故障看板");
        shot(leader, "people-02-leader-first-sign-in.png");
        leader.context().close();
        // the one-time password is spent; the leader's own signs in
        assertThat(login("wang-yz", first)).isEqualTo(401);

        // roles changed on the page
        row.locator("button.edit-roles").click();
        Locator editor = page.locator("form.roles-editor");
        editor.locator("input[value=DEPARTMENT_HEAD]").check();
        editor.locator("button[type=submit]").click();
        assertThat(page.locator("#status")).hasText("王院长的岗位已改为：科室主任、应急领导组成员。");
        assertThat(row).containsText("科室主任、应急领导组成员");

        // disabled: the account no longer signs in; enabled again
        row.locator("button.disable").click();
        assertThat(row).containsText("登录名 wang-yz · 已停用");
        assertThat(login("wang-yz", own)).isNotEqualTo(200);
        row.locator("button.enable").click();
        assertThat(row).containsText("登录名 wang-yz · 可以登录");
        assertThat(login("wang-yz", own)).isEqualTo(200);

        // a reset: a new one-time password, shown once; the old one stops working
        page.onceDialog(d -> d.accept());
        row.locator("button.reset").click();
        assertThat(page.locator("#status")).hasText("已为王院长重置密码。");
        assertThat(page.locator("#secret-value")).not().hasText(first);
        assertThat(page.locator("#secret-value")).hasText(java.util.regex.Pattern.compile("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"));
        String second = page.locator("#secret-value").textContent();
        assertThat(second).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}").isNotEqualTo(first);
        assertThat(login("wang-yz", first)).isEqualTo(401);
        assertThat(login("wang-yz", own)).as("a reset replaces the leader's own password too").isEqualTo(401);
        assertThat(login("wang-yz", second)).isEqualTo(200);
        shot(page, "people-03-password-reset.png");
        page.locator("#secret-done").click();

        // a taken user name is refused in words before anything is stored
        page.locator("#person-name").fill("王院长二");
        page.locator("#person-department").selectOption(new SelectOption().setLabel("院长办公室"));
        page.locator("#new-role-LEADERSHIP").check();
        page.locator("#person-username").fill("wang-yz");
        page.locator("#person-username").press("Enter");
        assertThat(page.locator("#person-form .form-error")).containsText("这个登录名已被别人使用");
        assertThat(page.locator("#people")).not().containsText("王院长二");

        // a kiosk's enrolment code: made on the page, shown once in words, then redeemed by the kiosk
        page.locator("#kiosk-name").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#kiosk-form .form-error")).containsText("请填写终端名称");
        page.keyboard().type("收费处2号窗");
        page.locator("#kiosk-department").selectOption(new SelectOption().setLabel("门诊收费处"));
        page.locator("#kiosk-name").press("Enter");
        assertThat(page.locator("#secret-who")).hasText("自助终端\"收费处2号窗\"（门诊收费处）的登记码：");
        assertThat(page.locator("#secret-note")).containsText("前有效");
        assertThat(page.locator("#secret-value")).hasText(java.util.regex.Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"));
        String code = page.locator("#secret-value").textContent();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        Locator kiosk = page.locator("#kiosks tr.kiosk", new Page.LocatorOptions().setHasText("收费处2号窗"));
        assertThat(kiosk).containsText("门诊收费处");
        assertThat(kiosk).containsText("等待登记");
        shot(page, "people-04-kiosk-enrolment-code.png");
        sweep(page, "/ops/people");
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("code", code)).when().post("/api/kiosk/enrolments")
                .then().statusCode(201);
        page.locator("#secret-done").click();
        page.reload();
        assertThat(page.locator("#kiosks tr.kiosk", new Page.LocatorOptions().setHasText("收费处2号窗"))).containsText("已登记");
        assertThat(page.content()).doesNotContain(code);
        sweep(page, "/ops/people");
    }

    @Test
    @DisplayName("HR-15, HR-16 an administrator puts two IT staff on one post on the roster page; the first records the handover to the next")
    void rosterAndHandoverOnThePage() {
        String aToken = TestAccounts.user("roster-a", "IT", "IT_DUTY");
        TestAccounts.user("roster-b", "IT", "IT_DUTY");
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDate yesterday = java.time.LocalDate.now(zone).minusDays(1);

        // the leadership group reads the board, not the roster page
        Page leaderPage = as(TestAccounts.leader());
        leaderPage.navigate(base + "ops/roster");
        assertThat(leaderPage.locator("body")).containsText("仅供信息科值班人员和系统管理员使用");

        Page page = as(TestAccounts.admin());
        page.navigate(base + "ops/roster");
        assertThat(page.locator("h1")).hasText("信息科值班表与交接班");
        page.locator("#range-from").fill(yesterday.toString());
        page.locator("#range-from").press("Enter");
        // a form with nothing chosen is refused in words
        page.locator("#shift-submit").click();
        assertThat(page.locator("#shift-form .form-error")).hasText("操作未完成：请选择岗位。");

        addShift(page, "测试 roster-a", "工作日白班 08:00–17:00", yesterday);
        assertThat(page.locator("#status")).containsText("已安排测试 roster-a在");
        assertThat(page.locator("#status")).containsText("值工作日白班（应用开发岗）");
        addShift(page, "测试 roster-b", "夜班 18:00–08:00", yesterday);
        // the same post twice at one time is refused in words (HR-15)
        addShift(page, "测试 roster-a", "夜班 18:00–08:00", yesterday);
        assertThat(page.locator("#shift-form .form-error")).containsText("这个岗位在这段时间已有人值班");

        Locator day = page.locator("#shifts tr.shift", new Page.LocatorOptions().setHasText("测试 roster-a"));
        assertThat(day).containsText("工作日白班");
        assertThat(day).containsText("08:00–17:00");
        assertThat(day).containsText("应用开发岗");
        assertThat(day).containsText("接班：测试 roster-b");
        shot(page, "roster-01-two-shifts.png");
        sweep(page, "/ops/roster");

        // the day shift's holder records the handover on the page, by keyboard
        Page holder = as(aToken);
        holder.navigate(base + "ops/roster");
        assertThat(holder.locator("#add-card")).isHidden();
        holder.locator("#range-from").fill(yesterday.toString());
        holder.locator("#range-from").press("Enter");
        Locator mine = holder.locator("#shifts tr.shift", new Page.LocatorOptions().setHasText("测试 roster-a"));
        mine.locator("button.record-handover").press("Enter");
        Locator form = holder.locator("form.handover-form");
        assertThat(form).containsText("接班：测试 roster-b");
        form.locator("button[type=submit]").press("Enter");
        assertThat(form.locator(".form-error")).hasText("操作未完成：请写明本班完成的工作。");
        holder.keyboard().type("更换门诊3号交换机");
        holder.keyboard().press("Tab");
        holder.keyboard().type("无");
        form.locator("button[type=submit]").press("Enter");
        assertThat(holder.locator("#status")).hasText("交接班已记录。");
        Locator recorded = holder.locator("#shifts tr.shift", new Page.LocatorOptions().setHasText("测试 roster-a"));
        assertThat(recorded).containsText("1条交接记录");
        recorded.locator("summary").click();
        assertThat(recorded).containsText("本班完成的工作：更换门诊3号交换机");
        assertThat(recorded).containsText("测试 roster-a记录于");
        shot(holder, "roster-02-handover-recorded.png");
        sweep(holder, "/ops/roster");

        // the night's holder may not write the day shift's handover: no button for them
        Page other = as(TestAccounts.user("roster-b", "IT", "IT_DUTY"));
        other.navigate(base + "ops/roster");
        other.locator("#range-from").fill(yesterday.toString());
        other.locator("#range-from").press("Enter");
        assertThat(other.locator("#shifts tr.shift", new Page.LocatorOptions().setHasText("测试 roster-a")).locator("button.record-handover"))
                .hasCount(0);
    }

    private static void addShift(Page page, String person, String kind, java.time.LocalDate date) {
        page.locator("#shift-post").selectOption(new SelectOption().setLabel("应用开发岗"));
        page.locator("#shift-person").selectOption(new SelectOption().setLabel(person));
        page.locator("#shift-kind").selectOption(new SelectOption().setLabel(kind));
        page.locator("#shift-date").fill(date.toString());
        page.locator("#shift-submit").press("Enter");
        page.waitForTimeout(300);
    }

    @Test
    @DisplayName("EP-8.2 a team member is picked from the directory on the board: the team's notices reach that person")
    void teamMemberPickedFromTheDirectory() {
        incidents.useEngine();
        department("DATA-P", "病案数据录入室", null);
        String clerk = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "录入员 陈静", "departmentCode", "DATA-P", "roles", List.of("DATA_ENTRY"),
                        "contacts", List.of(Map.of("kind", "MAIL", "address", "chen.jing@hospital.test"))))
                .when().post("/api/people").then().statusCode(201).extract().path("id");
        String it = TestAccounts.itDuty();
        // an open incident: a confirmed fault report (EP-3.2)
        if (TestAccounts.as(it).when().get("/api/incidents/current").then().extract().statusCode() != 200) {
            String report = TestAccounts.as(it).contentType(ContentType.JSON)
                    .body(Map.of("location", "门诊收费处", "symptom", "收费系统无法登录", "area", "OUTPATIENT_REGISTRATION",
                            "symptomCode", "CANNOT_CONNECT"))
                    .when().post("/api/fault-reports").then().statusCode(201).extract().path("id");
            TestAccounts.as(it).contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED", "cause", "SERVER_DOWN", "note", "数据库服务器宕机"))
                    .when().post("/api/fault-reports/" + report + "/verification").then().statusCode(200);
        }

        Page board = as(it);
        board.navigate(base + "board");
        assertThat(board.locator("#team-form")).isVisible();
        board.locator("#team-select").selectOption(new SelectOption().setLabel("数据抢录组"));
        board.locator("#team-person").selectOption(new SelectOption().setLabel("录入员 陈静"));
        assertThat(board.locator("#team-person optgroup[label=病案数据录入室]")).hasCount(1);
        board.locator("#team-form input[name=note]").fill("门诊收费单据");
        board.locator("#team-form input[name=note]").press("Enter");
        assertThat(board.locator("#teams .team[data-team=RUSH_ENTRY_TEAM]")).containsText("录入员 陈静");
        shot(board, "board-team-from-directory.png");
        // the notification feature asks the board for the team by directory person id: she is among the recipients
        // of every notice to the rush-entry team (delivery by mail to a team member: PlaybookStepNotificationsTest)
        assertThat(teamMembers.ofTeam("RUSH_ENTRY_TEAM").await().atMost(Duration.ofSeconds(10))).contains(clerk);
    }

    @Test
    @DisplayName("EP-2, EP-4.1, EP-5.2 an IT administrator adds a ward with its kind and place and corrects it on the departments page; "
            + "IT on duty reads the list only; a code used twice is refused in words")
    void departmentsOnThePage() {
        // IT on duty reads the departments in words, without the form
        Page duty = as(TestAccounts.itDuty());
        duty.navigate(base + "ops/departments");
        assertThat(duty.locator("h1")).hasText("科室与病区");
        assertThat(duty.locator("#departments")).containsText("信息科");
        assertThat(duty.locator("#dept-form-card")).isHidden();
        assertThat(duty.locator("#nav-people")).hasText("人员与账号");
        // a cashier gets the sign-in form with the reason, not the list
        Page cashier = as(TestAccounts.cashier());
        cashier.navigate(base + "ops/departments");
        assertThat(cashier.locator("body")).containsText("仅供信息科使用");
        assertThat(cashier.locator("#departments")).hasCount(0);

        Page page = as(TestAccounts.admin());
        page.navigate(base + "ops/departments");
        assertThat(page.locator("#dept-form-card")).isVisible();
        // the keyboard alone: an empty form is refused in words, nothing is sent
        page.locator("#dept-name").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#dept-form .form-error")).hasText("操作未完成：请填写科室名称。");
        page.keyboard().type("心内二病区");
        page.keyboard().press("Tab");
        page.keyboard().type("xn2-p");
        page.locator("#dept-area").selectOption(new SelectOption().setLabel("护士工作站"));
        page.locator("#dept-place").fill("C/7/7B");
        page.locator("#dept-place").press("Enter");
        assertThat(page.locator("#status")).hasText("已新增科室心内二病区。");
        Locator row = page.locator("#departments tr[data-code=XN2-P]");
        assertThat(row).containsText("心内二病区");
        assertThat(row).containsText("护士工作站");
        assertThat(row).containsText("C楼 7层 7B");
        assertThat(row).containsText("0人");
        shot(page, "departments-01-ward-added.png");
        sweep(page, "/ops/departments");

        // the same code again: refused in words, nothing stored twice
        page.locator("#dept-name").fill("心内二病区（重复）");
        page.locator("#dept-code").fill("XN2-P");
        page.locator("#dept-code").press("Enter");
        assertThat(page.locator("#dept-form .form-error")).containsText("这个科室代码已经登记过了");
        assertThat(page.locator("#departments tr[data-code=XN2-P]")).hasCount(1);
        page.locator("#dept-name").fill("");
        page.locator("#dept-code").fill("");

        // corrected: the ward moved one floor down; the code stays, the page and the API follow
        row.locator("button[data-action=edit]").click();
        assertThat(page.locator("#dept-name")).isFocused();
        assertThat(page.locator("#dept-code")).hasAttribute("readonly", "");
        page.locator("#dept-place").fill("C/6");
        page.locator("#dept-place").press("Enter");
        assertThat(page.locator("#status")).hasText("已保存心内二病区的修改。");
        assertThat(page.locator("#departments tr[data-code=XN2-P]")).containsText("C楼 6层");
        Map<?, ?> stored = asAdmin().when().get("/api/departments").then().statusCode(200).extract().jsonPath()
                .<Map<?, ?>>getList("findAll { it.code == 'XN2-P' }").get(0);
        assertThat(stored.get("place")).isEqualTo("C/6");
        assertThat(stored.get("area")).isEqualTo("NURSE_STATION");
        assertThat(stored.get("nameZh")).isEqualTo("心内二病区");
        shot(page, "departments-02-ward-corrected.png");
        sweep(page, "/ops/departments");
    }
}
