package org.hospital.continuity.server.board;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.server.platform.TestAccounts.as;
import static org.hospital.continuity.server.platform.TestAccounts.itDuty;
import static org.hospital.continuity.server.platform.TestAccounts.leader;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hospital.continuity.server.notification.ChannelReceivers;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fault report and recovery record as a PDF made by the server (EP-7.4, EP-8.1, EP-8.6): parsed back with
 * PDFBox, it carries the Chinese headings, the incident's facts and IT's part, with the Chinese font embedded.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ChannelReceivers.class)
class FaultReportPdfTest {

    @Inject
    TestIncidentSource incidents;
    @Inject
    TestClock clock;

    @AfterEach
    void reset() {
        incidents.useEngine();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static Set<String> fonts(byte[] pdf) throws Exception {
        Set<String> out = new HashSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    out.add(font.getName() + (font.isEmbedded() ? " embedded" : ""));
                }
            }
        }
        return out;
    }

    @Test
    @DisplayName("EP-8.6 the server's PDF of the fault report has the Chinese headings, the incident's facts and IT's findings")
    void chinesePdfCarriesHeadingsAndFacts() throws Exception {
        UUID id = UUID.randomUUID();
        var outage = Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofHours(3));
        incidents.show(Incidents.closed(Incidents.afterThirtyMinutes(outage, outage.outageStart().plus(Duration.ofMinutes(30))),
                clock.instant().minusSeconds(60)));
        int number = outage.number();
        as(itDuty()).contentType("application/json")
                .body(Map.of("rootCause", "核心交换机电源模块损坏", "preventiveMeasures", "双电源改造；备件常备", "followUps", "厂商一周内提交分析报告"))
                .when().put("/api/board/incidents/" + id + "/fault-report").then().statusCode(200);

        byte[] pdf = as(leader()).when().get("/board/incidents/" + id + "/report.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        Files.createDirectories(Path.of("target", "board-screenshots"));
        Files.write(Path.of("target", "board-screenshots", "fault-report-server.pdf"), pdf);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        String text = text(pdf);
        assertThat(text).contains("故障排除报告及恢复记录", "故障编号", "最高等级", "一类故障", "原因分析", "防范措施", "后续跟进事项",
                "恢复记录（时间线）", "信息科负责人签字");
        // the incident by its number, as people refer to it (a UUID is not for people)
        assertThat(text).doesNotContain(id.toString());
        assertThat(text).containsPattern("故障编号\\s+" + number + "\\b");
        assertThat(text).contains("核心交换机电源模块损坏", "双电源改造", "厂商一周内提交分析报告", "全院网络不通",
                "故障关闭", "待提交");
        assertThat(fonts(pdf)).anyMatch(f -> f.contains("WenQuanYi") && f.endsWith("embedded"));
        assertThat(pdf.length).as("a subset of the font, not the whole 5 MB file").isLessThan(1_000_000);
    }

    @Test
    @DisplayName("the PDF in English on request, and only for signed-in readers")
    void englishAndSignedInOnly() throws Exception {
        UUID id = UUID.randomUUID();
        var outage = Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofHours(2));
        incidents.show(Incidents.closed(outage, clock.instant()));
        byte[] pdf = as(leader()).when().get("/board/incidents/" + id + "/report.pdf?lang=en").then().statusCode(200)
                .extract().asByteArray();
        assertThat(text(pdf)).contains("Fault-resolution report and recovery record", "Class I fault", "Incident " + outage.number())
                .doesNotContain(id.toString());
        given().when().get("/board/incidents/" + id + "/report.pdf").then().statusCode(401);
        as(leader()).when().get("/board/incidents/" + UUID.randomUUID() + "/report.pdf").then().statusCode(404);
    }
}
