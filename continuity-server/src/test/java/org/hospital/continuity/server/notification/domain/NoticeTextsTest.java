package org.hospital.continuity.server.notification.domain;

import org.hospital.continuity.server.notification.PatientDataGuard;
import org.hospital.continuity.server.notification.NoticeKind;
import org.hospital.continuity.server.notification.Text;
import org.hospital.continuity.server.platform.text.Language;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NoticeTextsTest {

    static Map<String, Text> allParams() {
        Map<String, Text> p = new HashMap<>();
        p.put("summary", new Text("全院网络不通", "the whole network is unreachable"));
        p.put("since", Text.plain("2026-11-21 14:05"));
        p.put("boardLink", Text.plain("http://continuity.local/board"));
        p.put("department", new Text("门诊挂号收费", "outpatient registration and cashier"));
        p.put("startAt", Text.plain("14:35"));
        p.put("clause", Text.plain("EP-5.2.1"));
        p.put("instruction", new Text("请启用手工收费程序和手工发票登记。", "Use the manual charging procedure and the manual invoice register. "));
        p.put("recoveredAt", Text.plain("2026-11-21 16:40"));
        p.put("elapsed", new Text("1小时", "1 h"));
        p.put("deadline", Text.plain("2026-11-23 16:40"));
        p.put("reportLink", Text.plain("http://continuity.local/board/report"));
        p.put("channel", Text.plain("EMAIL"));
        p.put("threshold", new Text("30分钟", "30 minutes"));
        p.put("departments", new Text("门诊挂号收费、药房", "outpatient registration and cashier, pharmacy"));
        // issue 10: readiness and restore-test reminders
        p.put("kiosk", Text.plain("收费处1号窗"));
        p.put("problems", new Text("参考数据已30小时未更新", "reference snapshot is 30 h old"));
        p.put("readinessLink", Text.plain("http://continuity.local/readiness"));
        p.put("days", Text.plain("15"));
        p.put("command", Text.plain("continuity-server restore-test"));
        p.put("party", new Text("数据抢录组", "data rush-entry team"));
        p.put("owner", new Text("信息科", "IT department"));
        p.put("action", new Text("信息科技术组制定补录计划,分片包干,协助重点科室",
                "IT's technical team plans the back-entry, split into parcels per area with one owner each, and helps key departments"));
        p.put("step", new Text("信息科技术组制定补录计划,分片包干,协助重点科室", "IT's technical team plans the back-entry…"));
        return p;
    }

    @Test
    @DisplayName("every kind renders in Chinese and English, short, with no placeholder left")
    void everyKindRendersInBothLanguages() {
        for (NoticeKind kind : NoticeKind.values()) {
            for (Language lang : Language.values()) {
                RenderedMessage m = NoticeTexts.render(kind, lang, allParams(), 1, kind.requiresAcknowledgement() ? "http://x/ack/t" : null);
                assertThat(m.subject()).isNotBlank().doesNotContain("{").hasSizeLessThan(80);
                assertThat(m.body()).isNotBlank().doesNotContain("{").hasSizeLessThan(400);
                if (kind.requiresAcknowledgement()) {
                    assertThat(m.body()).contains("http://x/ack/t");
                }
            }
        }
    }

    @Test
    @DisplayName("EP-8.5 a playbook step's notice names the party, the action, the clause and who leads it")
    void playbookStepNoticeSaysWhoAndWhat() {
        RenderedMessage zh = NoticeTexts.render(NoticeKind.PLAYBOOK_STEP, Language.ZH_CN, allParams(), 1, null);
        assertThat(zh.subject()).startsWith("【应急预案】数据抢录组请知悉：信息科技术组制定补录计划");
        assertThat(zh.body()).contains("数据抢录组：信息科技术组制定补录计划", "由信息科负责", "请按预案配合", "http://continuity.local/board");
        RenderedMessage en = NoticeTexts.render(NoticeKind.PLAYBOOK_STEP, Language.EN, allParams(), 1, null);
        assertThat(en.subject()).isEqualTo("[Plan] data rush-entry team: IT's technical team plans the back-entry…");
        assertThat(en.body()).contains("led by IT department", "Play your part as the plan says");
    }

    @Test
    @DisplayName("EP-5.2.1 the manual-switch notice says what to do, in Chinese by default")
    void manualSwitchSaysWhatToDo() {
        RenderedMessage zh = NoticeTexts.render(NoticeKind.MANUAL_SWITCH, Language.ZH_CN, allParams(), 1, "http://x/ack/t");
        assertThat(zh.subject()).isEqualTo("【转入手工操作】门诊挂号收费，14:35起");
        assertThat(zh.body()).contains("转入手工操作（EP-5.2.1）", "手工收费程序", "未接到新指示前不准擅自操作计算机", "收到请点此确认：http://x/ack/t");
        RenderedMessage en = NoticeTexts.render(NoticeKind.MANUAL_SWITCH, Language.EN, allParams(), 1, null);
        assertThat(en.body()).startsWith("outpatient registration and cashier: IT announces manual operation from 14:35");
    }

    @Test
    void remindersSayWhichReminderTheyAre() {
        RenderedMessage zh = NoticeTexts.render(NoticeKind.CLASS_II_DECLARED, Language.ZH_CN, allParams(), 3, null);
        assertThat(zh.subject()).startsWith("【第3次提醒】【二类故障】");
        RenderedMessage en = NoticeTexts.render(NoticeKind.CLASS_II_DECLARED, Language.EN, allParams(), 2, null);
        assertThat(en.subject()).startsWith("[Reminder 2] [Class II fault]");
    }

    @Test
    void aMissingParameterIsAnErrorNotAHalfMessage() {
        assertThatThrownBy(() -> NoticeTexts.render(NoticeKind.CLASS_I_DECLARED, Language.ZH_CN, Map.of(), 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("summary");
    }

    @Test
    @DisplayName("the English bundle has every key of the Chinese one, and the base bundle is Chinese whatever the JVM locale")
    void bundlesAreComplete() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.US);
            for (String base : List.of("i18n/notice", "i18n/ui")) {
                Set<String> zh = org.hospital.continuity.server.platform.text.Bundles.all(base, Language.ZH_CN).keySet();
                var enBundle = java.util.ResourceBundle.getBundle(base, java.util.Locale.ENGLISH);
                Set<String> enOwn = new java.util.HashSet<>(Collections.list(enBundle.getKeys()));
                assertThat(enOwn).as(base).containsAll(zh);
            }
            assertThat(org.hospital.continuity.server.platform.text.Bundles.all("i18n/notice", Language.ZH_CN).get("ack.line")).startsWith("收到请");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    @DisplayName("HR-12 the guard refuses resident ID numbers, mobile numbers and labelled patient numbers")
    void guardRefusesPatientData() {
        assertThat(PatientDataGuard.violations("患者 11010519491231002X 无法挂号")).hasSize(1);
        assertThat(PatientDataGuard.violations("请联系 13912345678")).hasSize(1);
        assertThat(PatientDataGuard.violations("住院号：20261121001")).isNotEmpty();
        assertThat(PatientDataGuard.violations("全院网络不通（2026-11-21 14:05起），3号楼交换机故障")).isEmpty();
        assertThat(PatientDataGuard.violations("EP-5.2.1 30分钟")).isEmpty();
    }

    @Test
    @DisplayName("a round goes to every person of the tier on every own channel, in their language, plus the group channels once")
    void planCoversTheTierAndTheGroups() {
        Person a = new Person("p-1", "王值班", Language.ZH_CN, List.of(new Contact(Channel.EMAIL, "wang@h.local"), new Contact(Channel.SMS, "+86-139-0000-0001")));
        Person b = new Person("p-2", "Li", Language.EN, List.of(new Contact(Channel.EMAIL, "li@h.local"), new Contact(Channel.EMAIL, "wang@h.local")));
        Person c = new Person("p-3", "赵科长", Language.ZH_CN, List.of(new Contact(Channel.EMAIL, "zhao@h.local")));
        EscalationChain chain = new EscalationChain("IT_ON_DUTY", List.of(List.of(a, b), List.of(c)),
                List.of(new Contact(Channel.DINGTALK, "it-ding"), new Contact(Channel.IN_APP, "IT_ON_DUTY")));
        AtomicInteger tokens = new AtomicInteger();
        List<PlannedDelivery> planned = DeliveryPlan.plan(UUID.randomUUID(), NoticeKind.CLASS_II_DECLARED, allParams(), chain, 0, 1,
                DeliveryTest.T0, UUID::randomUUID, () -> "t" + tokens.incrementAndGet(), t -> "http://x/ack/" + t);
        assertThat(planned).extracting(p -> p.delivery().channel() + ":" + p.delivery().address())
                .containsExactly("EMAIL:wang@h.local", "SMS:+86-139-0000-0001", "EMAIL:li@h.local", "DINGTALK:it-ding", "IN_APP:IT_ON_DUTY");
        assertThat(planned.get(2).message().language()).isEqualTo(Language.EN);
        assertThat(planned.get(2).message().body()).contains("IT on duty: verify it now", "http://x/ack/t3");
        assertThat(planned.get(3).message().language()).isEqualTo(Language.ZH_CN);
        assertThat(planned).allMatch(p -> p.delivery().status() == DeliveryStatus.QUEUED && p.delivery().nextAttemptAt().equals(DeliveryTest.T0));
        List<PlannedDelivery> tier1 = DeliveryPlan.plan(UUID.randomUUID(), NoticeKind.CLASS_II_DECLARED, allParams(), chain, 1, 1,
                DeliveryTest.T0, UUID::randomUUID, () -> "t", t -> "l");
        assertThat(tier1).extracting(PlannedDelivery::recipientName).containsExactly("赵科长", "IT_ON_DUTY", "IT_ON_DUTY");
    }

    @Test
    @DisplayName("EP-5.2 a robot's post has a digest of what it says without its acknowledgement link: the same for two parties' notices, different for another round or robot")
    void robotPostsCarryADigestOfTheirTextWithoutTheLink() {
        EscalationChain leaders = new EscalationChain("LEADERSHIP_GROUP", List.of(),
                List.of(new Contact(Channel.DINGTALK, "it-ding"), new Contact(Channel.WECOM, "leaders-wecom"), new Contact(Channel.IN_APP, "LEADERSHIP_GROUP")));
        EscalationChain it = new EscalationChain("IT_ON_DUTY", List.of(),
                List.of(new Contact(Channel.DINGTALK, "it-ding"), new Contact(Channel.IN_APP, "IT_ON_DUTY")));
        AtomicInteger tokens = new AtomicInteger();
        List<PlannedDelivery> a = DeliveryPlan.plan(UUID.randomUUID(), NoticeKind.CLASS_II_DECLARED, allParams(), leaders, 0, 1,
                DeliveryTest.T0, UUID::randomUUID, () -> "t" + tokens.incrementAndGet(), t -> "http://x/ack/" + t);
        List<PlannedDelivery> b = DeliveryPlan.plan(UUID.randomUUID(), NoticeKind.CLASS_II_DECLARED, allParams(), it, 0, 1,
                DeliveryTest.T0, UUID::randomUUID, () -> "t" + tokens.incrementAndGet(), t -> "http://x/ack/" + t);
        List<PlannedDelivery> round2 = DeliveryPlan.plan(UUID.randomUUID(), NoticeKind.CLASS_II_DECLARED, allParams(), it, 0, 2,
                DeliveryTest.T0, UUID::randomUUID, () -> "t" + tokens.incrementAndGet(), t -> "http://x/ack/" + t);
        assertThat(a.get(0).message().body()).as("each post has its own link").isNotEqualTo(b.get(0).message().body());
        assertThat(a.get(0).groupPostDigest()).hasSize(64).isEqualTo(b.get(0).groupPostDigest());
        assertThat(a.get(1).groupPostDigest()).as("another robot").isNotEqualTo(a.get(0).groupPostDigest());
        assertThat(round2.get(0).groupPostDigest()).as("a reminder round").isNotEqualTo(b.get(0).groupPostDigest());
        assertThat(a.get(2).groupPostDigest()).as("in-app posts belong to their party").isNull();
    }
}
