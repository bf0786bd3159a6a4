package org.hospital.continuity.kiosk.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.kiosk.readiness.ReportingReadiness;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.hospital.continuity.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The top of the kiosk — the drill banner and the F-key bar — stays in sight on every screen of every role, at 1024×768
 * and 1366×768: inside the window, not covered by anything (a sticky header, a pick list, the print preview), also with the
 * screen scrolled to its end. Screenshots under {@code target/screenshots/top/}.
 */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class TopBarBrowserIT {

    /**
     * What hides the top, as words (empty: nothing): the drill banner and every F-key of the bar must lie inside the window
     * and be the element a person sees at their centre; the page itself never scrolls (only the screen under the top does).
     */
    static final String HIDDEN_PARTS = """
            () => {
              const out = [];
              const w = window.innerWidth, h = window.innerHeight;
              const check = (e, what) => {
                const r = e.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) { out.push(what + ' not shown'); return; }
                if (r.top < 0 || r.left < 0 || r.bottom > h || r.right > w) { out.push(what + ' outside the window ' + JSON.stringify(r)); return; }
                const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                if (!at || !(e === at || e.contains(at))) out.push(what + ' covered by ' + (at ? at.tagName + '#' + at.id + '.' + at.className : 'nothing'));
              };
              check(document.querySelector('#drill-banner'), 'drill banner');
              document.querySelectorAll('#nav a').forEach((a) => check(a, 'F-key ' + a.dataset.key));
              if (document.scrollingElement.scrollTop > 0) out.push('the page scrolled by ' + document.scrollingElement.scrollTop);
              return out;
            }""";

    @TestHTTPResource("/")
    URL url;

    @Inject
    ReportingReadiness readiness;

    @AfterEach
    void noDrill() {
        StandInServerResource.server().drill(false);
        readiness.report();
    }

    List<String> hidden(Page page, String where) {
        @SuppressWarnings("unchecked")
        List<String> parts = (List<String>) page.evaluate(HIDDEN_PARTS);
        return parts.stream().map(p -> where + ": " + p).toList();
    }

    /** Scrolls the screen under the top to its end (a long form, a long list) and checks again. */
    List<String> scrolledToEnd(Page page, String where) {
        page.evaluate("document.querySelector('#main').scrollTop = 1e6; window.scrollTo(0, 1e6)");
        page.waitForTimeout(100);
        List<String> out = hidden(page, where + " scrolled to the end");
        page.evaluate("document.querySelector('#main').scrollTop = 0");
        return out;
    }

    @Test
    @DisplayName("EP-9.4 the drill banner and the F-key bar stay in sight on every screen of every role at 1024×768 and 1366×768, print preview included")
    void topStaysInSight() throws Exception {
        String supervisor = Desk.inDowntime();
        given().contentType("application/json").body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
        StandInServerResource.server().drill(true);
        assertThat(readiness.report()).isPresent();
        given().cookie("kiosk_session", supervisor).get("/api/status").then().statusCode(200);
        // HR-21: in a drill the screens list the drill's own records (its training namespace, with its own breakpoint): the
        // drill's manual mode and something to list and to reprint on every role's screens are captured in the drill
        boolean down = given().cookie("kiosk_session", supervisor).get("/api/mode").then().statusCode(200).extract().path("downtime");
        if (!down) {
            given().cookie("kiosk_session", supervisor).contentType("application/json").body(Desk.phoned("演练：信息科电话通知HIS故障"))
                    .post("/api/mode/downtime").then().statusCode(200);
        }
        given().cookie("kiosk_session", Desk.login("nurse-1")).contentType("application/json")
                .body(Map.of("knownPatientId", "P0001", "lines", List.of(Map.of("code", "D0010", "quantity", 1))))
                .post("/api/clinical/requisitions").then().statusCode(201);

        Path shots = Path.of("target", "screenshots", "top");
        Files.createDirectories(shots);
        List<String> found = new ArrayList<>();
        try (HeadlessChromium chromium = HeadlessChromium.launch()) {
            for (int[] size : new int[][] {{1024, 768}, {1366, 768}}) {
                try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(size[0], size[1]))) {
                    for (String account : List.of("super-1", "nurse-1", "doctor-1", "medtech-1", "pharm-1")) {
                        Page page = context.newPage();
                        page.navigate(url.toString());
                        page.waitForSelector("#login-accountId:focus");
                        page.keyboard().type(account);
                        page.keyboard().press("Tab");
                        page.keyboard().type("abc123");
                        page.keyboard().press("Enter");
                        page.waitForSelector("#nav:not([hidden]) a.active");
                        page.waitForSelector("#drill-banner:not([hidden])");
                        assertThat(page.textContent("#drill-banner")).contains("演练");
                        @SuppressWarnings("unchecked")
                        List<String> keys = (List<String>) page.evalOnSelectorAll("#nav a", "as => as.map(a => a.dataset.key)");
                        for (String key : keys) {
                            if ("F10".equals(key)) {
                                continue;
                            }
                            page.keyboard().press(key);
                            page.waitForSelector("#nav a.active[data-key='" + key + "']");
                            page.waitForTimeout(300);
                            String where = size[0] + "×" + size[1] + " " + account + " " + key;
                            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(size[0] + "-" + account + "-" + key + ".png")));
                            found.addAll(hidden(page, where));
                            found.addAll(scrolledToEnd(page, where));
                            String screen = page.getAttribute("#nav a.active", "href").substring(1);
                            if (screen.startsWith("clinical/") && page.locator("#cl-recent tbody tr").count() > 0) {
                                // the print preview of a saved record (Alt+R, Alt+P): the top stays above it
                                page.keyboard().press("Alt+r");
                                page.waitForSelector("#cl-recent:focus");
                                page.keyboard().press("Alt+p");
                                page.waitForSelector("#paper:not([hidden])");
                                page.waitForTimeout(300);
                                page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(size[0] + "-" + account + "-" + key + "-preview.png")));
                                found.addAll(hidden(page, where + " print preview"));
                                // an F-key from the preview closes it and goes where it says
                                page.keyboard().press(key);
                                page.waitForSelector("#paper", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
                                page.waitForSelector("#nav a.active[data-key='" + key + "']");
                            }
                        }
                        page.keyboard().press("F10");
                        page.waitForSelector("#login-accountId:focus");
                        page.close();
                    }
                }
            }
        }
        assertThat(found).as("where the drill banner or the F-key bar is out of sight").isEmpty();
    }
}
