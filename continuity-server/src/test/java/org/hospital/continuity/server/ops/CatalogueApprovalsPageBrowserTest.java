package org.hospital.continuity.server.ops;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.util.List;
import org.hospital.continuity.server.notification.ChannelReceivers;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.testsupport.HeadlessChromium;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** IT enters the approved lines of a price change notice on /ops/catalogue with the keyboard (EP-4.1, HR-10), in Chinese. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ChannelReceivers.class)
class CatalogueApprovalsPageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    @DisplayName("EP-4.1, HR-10 IT on duty enters a price change notice's lines on the catalogue page with the keyboard; a line without a price is refused in words; a cashier is not let in")
    void itEntersANoticesLines() throws Exception {
        Files.createDirectories(OperationsPageBrowserTest.ARTIFACTS);
        try (HeadlessChromium chromium = HeadlessChromium.launch()) {
            Browser browser = chromium.browser();
            BrowserContext cashierContext = context(browser, TestAccounts.cashier());
            Page cashier = cashierContext.newPage();
            cashier.navigate(base + "ops/catalogue");
            assertThat(cashier.locator("body")).containsText("此页面仅供信息科");
            assertThat(cashier.locator("#approvals")).hasCount(0);
            cashierContext.close();

            BrowserContext context = context(browser, TestAccounts.itDuty());
            Page page = context.newPage();
            page.navigate(base + "ops/catalogue");
            assertThat(page.locator("h1")).hasText("价表与药品字典变更审批");
            assertThat(page.locator("#nav-catalogue")).hasText("价表审批");
            // the keyboard lands on the code; a change without a price is refused in words, nothing is sent
            page.waitForSelector("#cat-code:focus");
            page.keyboard().type("cp-s7");
            page.keyboard().press("Tab"); // the kind (修改)
            page.keyboard().press("Tab"); // the price
            page.keyboard().press("Tab"); // the grounds
            page.keyboard().type("物价调整通知 2026年第7号");
            page.keyboard().press("Enter");
            assertThat(page.locator("#cat-form .form-error")).containsText("请填写新价格");
            page.locator("#cat-price").fill("54.5");
            page.locator("#cat-price").press("Enter");
            assertThat(page.locator("#status")).hasText("已保存 CP-S7 的批准变更。");
            Locator row = page.locator("#approvals tr[data-code=CP-S7]");
            assertThat(row).containsText("价表");
            assertThat(row).containsText("修改");
            assertThat(row).containsText("54.50 元");
            assertThat(row).containsText("物价调整通知 2026年第7号");
            // the next line of the same notice: the cursor is back on the code, the grounds kept; a drug deleted
            page.waitForSelector("#cat-code:focus");
            assertThat(page.locator("#cat-reason")).hasValue("物价调整通知 2026年第7号");
            page.locator("#cat-catalogue").selectOption(new SelectOption().setLabel("药品字典"));
            page.locator("#cat-kind").selectOption(new SelectOption().setLabel("删除"));
            page.locator("#cat-code").fill("CP-D3");
            page.locator("#cat-code").press("Enter");
            Locator drug = page.locator("#approvals tr[data-code=CP-D3]");
            assertThat(drug).containsText("药品字典");
            assertThat(drug).containsText("删除");
            OperationsPageBrowserTest.shot(page, "catalogue-approvals.png");
            PeoplePagesBrowserTest.sweep(page, "/ops/catalogue");
            // stored through the approvals API, as the feed reads them
            List<String> codes = TestAccounts.as(TestAccounts.itDuty()).get("/api/reference/PRICE_CATALOGUE/approvals").then().statusCode(200)
                    .extract().jsonPath().getList("code", String.class);
            assertThat(codes).contains("CP-S7");
            context.close();
        }
    }

    private BrowserContext context(Browser browser, String token) {
        BrowserContext c = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000).setLocale("zh-CN").setTimezoneId("UTC"));
        c.addCookies(List.of(new Cookie("continuity_session", token).setUrl(base.toString())));
        c.setDefaultTimeout(20_000);
        return c;
    }
}
