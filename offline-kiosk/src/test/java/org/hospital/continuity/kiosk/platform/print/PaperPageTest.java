package org.hospital.continuity.kiosk.platform.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HR-11 / HR-9: the paper is marked as a downtime form, carries its record id as a QR code only, and shows a void. */
class PaperPageTest {

    private static final Map<String, String> TEXTS = Map.of("print.downtime-mark", "停机期间手工单据", "print.void.mark", "作废",
            "print.void.title", "本单已作废", "print.reason", "理由", "print.kiosk", "工作站", "print.time", "时间", "print.seq", "本机序号",
            "print.operator", "操作员", "inv.no", "发票号");

    private static String visibleText(String html) {
        return html.replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]+>", " ");
    }

    @Test
    @DisplayName("HR-11 a printed page is marked as a downtime form, its times in the hospital's zone, its record id only in the QR code")
    void markedWithTheRecordIdAsQr() {
        UUID id = UUID.randomUUID();
        String html = PaperPage.of("zh-CN", PaperPage.Paper.RECEIPT_80MM, "门诊挂号单", k -> TEXTS.getOrDefault(k, k), ZoneId.of("Asia/Shanghai"))
                .record(id, 12, "收费处1号窗", "收款员甲", Instant.parse("2026-12-06T06:05:00Z")).row("inv.no", "SG00000012", true).html();
        assertThat(html).contains("@page{size:80mm").contains("data:image/svg+xml;base64,").contains("data-record-id=\"" + id + "\"");
        String text = visibleText(html);
        assertThat(text).contains("停机期间手工单据").contains("2026-12-06 14:05").contains("#12").contains("SG00000012")
                .doesNotContain(id.toString()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
    }

    @Test
    @DisplayName("HR-9 the reprint of a voided invoice carries the void mark, the reason, who and when; A5 paper")
    void aVoidedPageIsMarked() {
        String html = PaperPage.of("zh-CN", PaperPage.Paper.A5, "手工收费票据", k -> TEXTS.getOrDefault(k, k), ZoneId.of("Asia/Shanghai"))
                .record(UUID.randomUUID(), 3, "收费处1号窗", "收款员甲", Instant.parse("2026-12-06T06:05:00Z"))
                .voided("打错金额", Instant.parse("2026-12-06T06:10:00Z"), "收费组长乙")
                .table(List.of("inv.no"), List.of(List.of("<b>x</b>"))).html();
        assertThat(html).contains("@page{size:A5").contains("class=\"void-mark\"").contains("&lt;b&gt;x&lt;/b&gt;");
        assertThat(visibleText(html)).contains("作废").contains("本单已作废").contains("打错金额").contains("收费组长乙").contains("14:10");
    }
}
