package org.hospital.continuity.server.reconciliation.api;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.writeback.Workbench;
import org.hospital.continuity.server.writeback.FhirTestServerResource;
import org.hospital.continuity.server.writeback.app.RunningWriteBack;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.integration.FhirHisPort;
import org.hospital.continuity.sync.his.HisPort;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hospital.continuity.testsupport.HeadlessChromium;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench page in Debian's Chromium (headless, Playwright): a data-entry user resolves a patient proposal
 * from the keyboard, the write-back then completes with the real stand-in FHIR HIS, and every read of the patient
 * data was recorded. Screenshots are kept in target/workbench-screenshots as test artifacts.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FhirTestServerResource.class)
class WorkbenchBrowserTest {

    static final Path ARTIFACTS = Paths.get("target", "workbench-screenshots");

    static HeadlessChromium chromium;
    static Browser browser;

    @Inject
    RunningWriteBack running;
    @Inject
    HisPort hisPort;
    @Inject
    Workbench store;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @TestHTTPResource("/workbench")
    URL workbench;

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

    private FhirHisPort his() {
        return (FhirHisPort) hisPort;
    }

    private static String entry() {
        TestAccounts.department("DATA-ENTRY", null);
        return TestAccounts.user("entry-browser", "DATA-ENTRY", "DATA_ENTRY");
    }

    private String hisPatient(String name, String family, String given, String phone) {
        return hisPatient(name, family, given, phone, LocalDate.of(1962, 8, 9));
    }

    private String hisPatient(String name, String family, String given, String phone, LocalDate born) {
        Patient p = new Patient();
        p.addName().setText(name).setFamily(family).addGiven(given);
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new DateType(born.toString()));
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        return "Patient/" + his().client().create().resource(p).execute().getId().getIdPart();
    }

    private static VisitDraft draft(String incident, String name, String phone) {
        return draft(incident, name, phone, LocalDate.of(1962, 8, 9));
    }

    private static VisitDraft draft(String incident, String name, String phone, LocalDate born) {
        UUID visit = UUID.randomUUID();
        return new VisitDraft(visit, incident, "kiosk-3", "DT" + Math.abs(visit.getLeastSignificantBits() % 1_000_000),
                new PatientFacts(visit.toString(), name, Sex.FEMALE, born, phone, null), "0301", null,
                Instant.parse("2026-11-21T02:00:00Z"), "acct-kiosk-3", "PF-" + visit, List.of(new VisitDraft.Line(
                UUID.nameUUIDFromBytes((visit + ":fee").getBytes()), "FEE", "REG-01", "普通门诊挂号", 1, 1000, false)));
    }

    private int encountersOf(String patientRef) {
        return his().client().search().forResource(Encounter.class).where(Encounter.SUBJECT.hasId(patientRef))
                .returnBundle(Bundle.class).execute().getTotal();
    }

    private Page open(String token, String query) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000).setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
        context.addCookies(List.of(new com.microsoft.playwright.options.Cookie("continuity_session", token)
                .setUrl(workbench.toString())));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate(workbench + query);
        return page;
    }

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve(name)).setFullPage(true));
    }

    @Test
    @DisplayName("EP-8.4 a data-entry user resolves a patient proposal from the keyboard; the next run writes it; reads are recorded (HR-12)")
    void dataEntryResolvesAProposal() {
        String incident = "wb-ui-" + UUID.randomUUID();
        String phone = "136" + String.format("%08d", Math.floorMod(incident.hashCode(), 100_000_000));
        String ref = hisPatient("慕容秋霞", "慕容", "秋霞", phone);
        VisitDraft typo = draft(incident, "慕容秋露", phone);
        assertThat(running.runDrafts(incident, List.of(typo)).orElseThrow().toWorkbench()).isEqualTo(1);
        String token = entry();

        // the department and the kiosk in words, never their codes (the reference data names the department, the registry the kiosk)
        pool.query("insert into ref_department (code, name) values ('0301', '心血管内科门诊') on conflict (code) do nothing").execute()
                .await().indefinitely();
        pool.query("insert into kiosk (id, name, department_code, status, created_at, created_by) values ('kiosk-3', '心内门诊3号机', '0301',"
                + " 'ENROLLED', now(), 'test') on conflict (id) do nothing").execute().await().indefinitely();
        Page page = open(token, "?incident=" + incident);
        assertThat(page.locator("h1")).hasText("补录核对工作台");
        assertThat(page.locator("#parcels tr[data-area='0301']")).containsText("0/1");
        assertThat(page.locator("#parcels tr[data-area='0301'] th")).hasText("心血管内科门诊");
        assertThat(page.locator("#queue-list li .meta").first()).containsText("心血管内科门诊 · 心内门诊3号机");
        assertThat(page.locator("#queue-list li .meta").first()).not().containsText("0301");
        assertThat(page.locator("#queue-list li .meta").first()).not().containsText("kiosk-3");
        assertThat(page.locator("#queue-list li")).hasCount(1);
        assertThat(page.locator("#queue-list li").first()).containsText("患者匹配待确认");

        // keyboard: skip link to the queue, Enter opens the item
        page.keyboard().press("Tab");
        assertThat(page.locator("a.skip")).isFocused();
        page.keyboard().press("Enter");
        page.locator("#queue-list").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#item")).isVisible();
        assertThat(page.locator("#item-detail")).hasText("没有身份证号，姓名只是相近（双胞胎或亲属也会如此）");
        assertThat(page.locator("#compare td.captured").first()).hasText("慕容秋露");
        assertThat(page.locator("#compare th.cand").first()).containsText(ref);
        assertThat(page.locator("#compare tr[data-field=NAME]")).containsText("慕容秋霞");
        // the score's parts in words, each with its weight in bits (one decimal), and the candidate's probability
        assertThat(page.locator("#compare tr[data-field=NAME] .score")).hasText(Pattern.compile("姓名相近 [+-]\\d+\\.\\d"));
        assertThat(page.locator("#compare tr[data-field=PHONE] .score")).hasText(Pattern.compile("电话一致(\\(.+\\))? [+-]\\d+\\.\\d"));
        assertThat(page.locator("#compare tr[data-field=BIRTH_DATE] .score")).hasText(Pattern.compile("出生日期一致(\\(.+\\))? [+-]\\d+\\.\\d"));
        assertThat(page.locator("#compare tr[data-field=NATIONAL_ID] .score")).hasText("身份证号缺失 +0.0");
        assertThat(page.locator("#compare th.cand .probability").first()).hasText(Pattern.compile("为同一人的可能性 (>)?\\d+(\\.\\d)?%"));
        shot(page, "01-proposal-side-by-side.png");

        // an action without a reason is not sent
        page.locator("#h-item").focus();
        page.keyboard().press("1");
        assertThat(page.locator("#compare .cand-action[data-candidate='0']")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#status")).hasText("请先填写原因。");
        assertThat(page.locator("#why")).isFocused();
        page.keyboard().type("电话和出生日期一致，纸质表姓名笔误");
        page.locator("#h-item").focus();
        page.keyboard().press("1");
        page.keyboard().press("Enter");
        assertThat(page.locator("#status")).hasText("已确认，下一轮回写时写入 HIS。");
        assertThat(page.locator("#queue-list li").first()).hasAttribute("data-pending", "true");
        assertThat(page.locator("#queue-list li").first()).containsText("已确认，待回写");
        shot(page, "02-proposal-accepted.png");

        // the accepted decision is written by the next run, under the HIS patient chosen; the item closes
        assertThat(running.runDrafts(incident, List.of(typo)).orElseThrow().written()).isEqualTo(1);
        assertThat(encountersOf(ref)).isEqualTo(1);
        page.reload();
        assertThat(page.locator("#queue-list li")).hasCount(0);
        assertThat(page.locator("#queue-empty")).isVisible();
        assertThat(page.locator("#parcels tr[data-area='0301']")).containsText("1/1");
        shot(page, "03-written-back.png");

        String accountId = TestAccounts.as(token).when().get("/api/auth/me").then().statusCode(200).extract().path("accountId");
        assertThat(store.readsOf(typo.visitId(), accountId)).as("the page read the patient data once, recorded").isEqualTo(1);
        TestAccounts.as(token).when().get("/api/workbench/items/" + store.items(incident, false).get(0).item().id() + "/actions")
                .then().statusCode(200).body("[0].action", org.hamcrest.Matchers.equalTo("ACCEPT_MATCH"))
                .body("[0].actor", org.hamcrest.Matchers.equalTo(accountId))
                .body("[0].hisPatientRef", org.hamcrest.Matchers.equalTo(ref));

        // English on request; the traces are shown on request (and that read is recorded)
        page.locator("#lang-switch").click();
        assertThat(page.locator("h1")).hasText("Back-entry reconciliation workbench");
        page.locator("#load-traces").click();
        assertThat(page.locator("#dispense")).containsText("Every dispense fits its order.");
        assertThat(store.traceReadsOf(incident, "TRACES", accountId)).isEqualTo(1);
        shot(page, "04-english-traces.png");
    }

    @Test
    @DisplayName("HR-9 a clerk's correction waits on the page until the department head approves it; a refusal leaves the record; both names shown in Chinese")
    void correctionsAreApprovedByTheDepartmentHead() {
        String incident = "wb-ui-" + UUID.randomUUID();
        String phone = "137" + String.format("%08d", Math.floorMod(incident.hashCode(), 100_000_000));
        String phone2 = "138" + phone.substring(3);
        // born on days no other patient of these tests shares (the proposal test counts its candidates)
        hisPatient("欧阳春梅", "欧阳", "春梅", phone, LocalDate.of(1957, 3, 14));
        hisPatient("欧阳秋菊", "欧阳", "秋菊", phone2, LocalDate.of(1971, 10, 2));
        VisitDraft first = draft(incident, "欧阳春妹", phone, LocalDate.of(1957, 3, 14));
        VisitDraft second = draft(incident, "欧阳秋局", phone2, LocalDate.of(1971, 10, 2));
        assertThat(running.runDrafts(incident, List.of(first, second)).orElseThrow().toWorkbench()).isEqualTo(2);
        String clerk = entry();
        pool.query("insert into ref_department (code, name) values ('0301', '心血管内科门诊') on conflict (code) do nothing").execute()
                .await().indefinitely();

        // the clerk corrects the first registration's name on the page: it waits, the record stays as captured
        Page page = open(clerk, "?incident=" + incident);
        assertThat(page.locator("#queue-list li")).hasCount(2);
        String firstItem = store.items(incident, false).stream().filter(x -> x.item().visitId().equals(first.visitId())).findFirst()
                .orElseThrow().item().id().toString();
        page.locator("#q-" + firstItem).click();
        assertThat(page.locator("#item")).isVisible();
        page.locator("#correct-box summary").click();
        page.locator("#correct-form select[name=field]").selectOption("name");
        page.locator("#correct-form input[name=newValue]").fill("欧阳春梅");
        page.locator("#why").fill("纸质登记表为欧阳春梅");
        page.locator("#correct-button").click();
        assertThat(page.locator("#status")).hasText("更正已提交，等待科室主任审批；审批通过前原记录不变。");
        assertThat(page.locator("#queue-list li")).hasCount(2);
        assertThat(page.locator("#h-approvals")).containsText("更正审批");
        var row = page.locator("#approvals tr[data-status=PENDING]");
        assertThat(row).hasCount(1);
        assertThat(row.locator("th")).hasText("姓名");
        assertThat(row.locator("td.old")).hasText("欧阳春妹");
        assertThat(row.locator("td.new")).hasText("欧阳春梅");
        assertThat(row.locator("td.asked")).hasText("测试 entry-browser · 原因：纸质登记表为欧阳春梅");
        assertThat(row.locator("td.approval-state")).hasText("待科室主任审批 · 本人提交，须由另一人审批");
        assertThat(row.locator("button")).hasCount(0);
        shot(page, "05-correction-waiting.png");
        context.close();
        // a second correction, of the other registration, through the API
        TestAccounts.as(clerk).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("action", "CORRECT", "field", "name", "newValue", "欧阳秋菊", "why", "电话核实为欧阳秋菊"))
                .when().post("/api/workbench/items/" + store.items(incident, false).stream()
                        .filter(x -> x.item().visitId().equals(second.visitId())).findFirst().orElseThrow().item().id() + "/actions")
                .then().statusCode(200);

        // the department head sees only the corrections, approves the first and refuses the second (a refusal says why)
        TestAccounts.department("DATA-ENTRY", null);
        String head = TestAccounts.user("head-browser", "DATA-ENTRY", "DEPARTMENT_HEAD");
        page = open(head, "?incident=" + incident);
        assertThat(page.locator("#approvals-card")).isVisible();
        assertThat(page.locator("#queue-card")).isHidden();
        assertThat(page.locator("#traces-card")).isHidden();
        assertThat(page.locator("#approvals tr[data-status=PENDING]")).hasCount(2);
        shot(page, "06-head-sees-corrections.png");
        var approve = page.locator("#approvals tr[data-status=PENDING]").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("欧阳春梅")).first();
        approve.locator("input.approval-note").fill("已核对纸质登记表");
        approve.locator("button.approve").click();
        assertThat(page.locator("#status")).hasText("已批准，更正生效，下一轮回写时重新核对。");
        var approved = page.locator("#approvals tr[data-status=APPROVED]");
        assertThat(approved).hasCount(1);
        assertThat(approved.locator("td.approval-state")).hasText(Pattern.compile(
                "已批准 · 批准人：测试 head-browser · \\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} · 审批意见：已核对纸质登记表"));
        assertThat(approved.locator("td.asked")).hasText("测试 entry-browser · 原因：纸质登记表为欧阳春梅");
        var refuse = page.locator("#approvals tr[data-status=PENDING]");
        refuse.locator("button.refuse").click();
        assertThat(page.locator("#status")).hasText("拒绝须写明原因。");
        refuse.locator("input.approval-note").fill("电话无人接听，无法核实");
        refuse.locator("button.refuse").click();
        assertThat(page.locator("#status")).hasText("已拒绝，原记录不变。");
        var refused = page.locator("#approvals tr[data-status=REFUSED]");
        assertThat(refused.locator("td.approval-state")).hasText(Pattern.compile(
                "已拒绝 · 拒绝人：测试 head-browser · \\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} · 原因：电话无人接听，无法核实"));
        assertThat(page.locator("#approvals-count")).hasText("(0/2)");
        assertThat(page.locator("body")).not().containsText("PENDING");
        assertThat(page.locator("body")).not().containsText("DATA-ENTRY");
        shot(page, "07-approved-and-refused.png");
        context.close();

        // the clerk's page: the first item closed (its correction took effect), the second still open; the history names both
        page = open(clerk, "?incident=" + incident);
        assertThat(page.locator("#queue-list li")).hasCount(1);
        assertThat(page.locator("#approvals tr[data-status=APPROVED] td.approval-state")).containsText("批准人：测试 head-browser");
        assertThat(page.locator("#approvals tr[data-status=REFUSED] td.approval-state")).containsText("拒绝人：测试 head-browser");
        shot(page, "08-clerk-sees-decisions.png");
        assertThat(store.actions(UUID.fromString(firstItem))).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("CORRECT");
            assertThat(a.actorName()).isEqualTo("测试 entry-browser");
            assertThat(a.approvedByName()).isEqualTo("测试 head-browser");
        });
    }

    @Test
    @DisplayName("HR-1 without a session the page asks to sign in; a cashier sees the to-do only, not the queue")
    void signInAndRoles() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("zh-CN"));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate(workbench.toString());
        assertThat(page.locator("#login-form")).isVisible();
        context.close();

        page = open(TestAccounts.cashier(), "");
        assertThat(page.locator("#traces-card")).isVisible();
        assertThat(page.locator("#queue-card")).isHidden();
        assertThat(page.locator("#parcels-card")).isHidden();
        context.close();

        page = open(TestAccounts.leader(), "");
        assertThat(page.locator("#denied")).isVisible();
        context.close();
        context = null;
    }
}
