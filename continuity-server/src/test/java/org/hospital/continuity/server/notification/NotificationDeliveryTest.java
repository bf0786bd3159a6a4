package org.hospital.continuity.server.notification;

import static io.restassured.RestAssured.given;
import static org.hospital.continuity.server.platform.TestAccounts.as;
import static org.hospital.continuity.server.platform.TestAccounts.asAdmin;
import static org.hospital.continuity.server.platform.TestAccounts.itDuty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hospital.continuity.server.notification.app.DispatchingDeliveries;
import org.hospital.continuity.server.notification.NoticeRequest;
import org.hospital.continuity.server.notification.app.NotificationJobs;
import org.hospital.continuity.server.notification.app.RaisingNotification;
import org.hospital.continuity.server.notification.app.ReadingNotifications;
import org.hospital.continuity.server.notification.domain.Channel;
import org.hospital.continuity.server.notification.domain.Contact;
import org.hospital.continuity.server.notification.domain.DeliveryRecord;
import org.hospital.continuity.server.notification.domain.DeliveryStatus;
import org.hospital.continuity.server.platform.text.Language;
import org.hospital.continuity.server.notification.NoticeKind;
import org.hospital.continuity.server.notification.domain.Person;
import org.hospital.continuity.server.notification.Text;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestClock;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Notifications reach real receivers: GreenMail for SMTP, an HTTP server for the WeCom/DingTalk robots and the
 * SMS gateway (DingTalk's signature verified by the receiver). Time is moved with the test clock; the
 * dispatcher's schedule is off in tests and each step is run explicitly.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ChannelReceivers.class)
class NotificationDeliveryTest {

    @Inject
    RaisingNotification raising;
    @Inject
    org.hospital.continuity.server.notification.app.AcknowledgingNotification acknowledging;
    @Inject
    NotificationJobs jobs;
    @Inject
    DispatchingDeliveries dispatching;
    @Inject
    ReadingNotifications reading;
    @Inject
    TestClock clock;
    @Inject
    TestDirectory directory;
    @Inject
    TestAcknowledgements elsewhere;

    @AfterEach
    void cleanUp() {
        // leave nothing due for the next test, and the real directory for the other test classes
        jobs.runOnce().await().atMost(Duration.ofSeconds(30));
        for (String party : List.of("LEADERSHIP_GROUP", "TEST_FAILING_CHANNELS", "IT_ON_DUTY", "NURSE_STATION", "OPERATING_THEATRE", "FINANCE")) {
            directory.forget(party);
        }
    }

    /** Runs the outbox until a run finds nothing due (other test classes may have left many notices behind). */
    static void drain(NotificationJobs jobs) {
        for (int i = 0; i < 50; i++) {
            if (jobs.runOnce().await().atMost(Duration.ofSeconds(60)).claimed() == 0) {
                return;
            }
        }
    }

    static Map<String, Text> classParams(String marker) {
        Map<String, Text> p = new HashMap<>();
        p.put("summary", new Text("全院网络不通 " + marker, "the whole network is unreachable " + marker));
        p.put("since", Text.plain("2026-11-21 14:05"));
        p.put("boardLink", Text.plain("http://continuity.test/board"));
        return p;
    }

    static String marker() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Person person(String id, String name, Language lang, Contact... contacts) {
        return new Person(id, name, lang, Arrays.asList(contacts));
    }

    List<MimeMessage> mailsWith(String marker) throws Exception {
        return Arrays.stream(ChannelReceivers.mail().getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(marker);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static String body(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<DeliveryRecord> deliveries(UUID notificationId) {
        return reading.one(notificationId).await().indefinitely().deliveries();
    }

    DeliveryRecord delivery(UUID notificationId, Channel channel, String address) {
        return deliveries(notificationId).stream()
                .filter(d -> d.delivery().channel() == channel && d.delivery().address().equals(address))
                .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    @DisplayName("EP-4.5 a Class I notice reaches the leadership group by mail, WeCom, signed DingTalk, SMS and in-app, each with a delivery record")
    void classOneReachesTheLeadershipGroupOnEveryChannel() throws Exception {
        String marker = marker();
        directory.put("LEADERSHIP_GROUP", List.of(List.of(
                person("p-president", "张院长", Language.ZH_CN, new Contact(Channel.EMAIL, "president@hospital.test")),
                person("p-vp", "Vice-president Li", Language.EN, new Contact(Channel.EMAIL, "vp@hospital.test"),
                        new Contact(Channel.SMS, "+8613800000001")))));

        UUID id = raising.raise(new NoticeRequest(UUID.randomUUID(), NoticeKind.CLASS_I_DECLARED, "LEADERSHIP_GROUP",
                classParams(marker), null)).await().indefinitely();
        assertThat(deliveries(id)).allMatch(d -> d.delivery().status() == DeliveryStatus.QUEUED);

        var report = jobs.runOnce().await().atMost(Duration.ofSeconds(30));
        assertThat(report.sent()).isGreaterThanOrEqualTo(6);

        List<MimeMessage> mails = mailsWith(marker);
        assertThat(mails).hasSize(2);
        MimeMessage zh = mails.stream().filter(m -> addressOf(m).equals("president@hospital.test")).findFirst().orElseThrow();
        assertThat(zh.getSubject()).isEqualTo("【一类故障】全院网络不通 " + marker);
        assertThat(body(zh)).contains("请应急领导组成员立即到位", "EP-4.5", "故障检修组", "收到请点此确认：http://continuity.test/ack/");
        MimeMessage en = mails.stream().filter(m -> addressOf(m).equals("vp@hospital.test")).findFirst().orElseThrow();
        assertThat(en.getSubject()).isEqualTo("[Class I fault] the whole network is unreachable " + marker);
        assertThat(body(en)).contains("Leadership group: come in now");

        var wecom = ChannelReceivers.received("/wecom/send", b -> b.contains(marker));
        assertThat(wecom).hasSize(1);
        JsonObject wecomJson = new JsonObject(wecom.get(0).body());
        assertThat(wecomJson.getString("msgtype")).isEqualTo("markdown");
        assertThat(wecomJson.getJsonObject("markdown").getString("content")).startsWith("**【一类故障】").contains("一类故障：");
        assertThat(wecom.get(0).query()).containsEntry("key", "test-key");

        var ding = ChannelReceivers.received("/dingtalk/robot/send", b -> b.contains(marker));
        assertThat(ding).hasSize(1);
        assertThat(ding.get(0).signatureValid()).as("DingTalk signature checked by the receiver").isTrue();
        assertThat(Math.abs(Long.parseLong(ding.get(0).query().get("timestamp")) - clock.millis())).isLessThan(60_000);
        JsonObject dingJson = new JsonObject(ding.get(0).body());
        assertThat(dingJson.getJsonObject("markdown").getString("title")).isEqualTo("【一类故障】全院网络不通 " + marker);

        var sms = ChannelReceivers.received("/sms", b -> b.contains(marker));
        assertThat(sms).hasSize(1);
        JsonObject smsJson = new JsonObject(sms.get(0).body());
        assertThat(smsJson.getString("to")).isEqualTo("+8613800000001");
        assertThat(smsJson.getString("text")).startsWith("[Class I fault]");

        assertThat(deliveries(id)).extracting(d -> d.delivery().channel() + ":" + d.delivery().status())
                .containsExactlyInAnyOrder("EMAIL:SENT", "EMAIL:SENT", "SMS:SENT", "WECOM:SENT", "DINGTALK:SENT", "IN_APP:SENT");

        as(itDuty()).when().get("/api/notifications/" + id).then().statusCode(200)
                .body("kind", equalTo("CLASS_I_DECLARED"))
                .body("requiresAck", equalTo(true))
                .body("deliveries.size()", equalTo(6))
                .body("toString()", not(containsString("ack_token")));
        as(itDuty()).when().get("/api/notifications/in-app?audience=LEADERSHIP_GROUP").then().statusCode(200)
                .body("subject", org.hamcrest.Matchers.hasItem("【一类故障】全院网络不通 " + marker));
    }

    static String addressOf(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("a failing and a hanging channel do not block the others; failures keep their error and retry with backoff until given up")
    void failingChannelsDoNotBlockAndRetryWithBackoff() throws Exception {
        drain(jobs); // the timing below is about this notice alone
        String marker = marker();
        directory.put("TEST_FAILING_CHANNELS", List.of(List.of(person("p-pharm", "药房组长", Language.ZH_CN,
                new Contact(Channel.EMAIL, "pharmacy@hospital.test")))));
        Map<String, Text> params = new HashMap<>();
        params.put("department", new Text("药房 " + marker, "pharmacy " + marker));
        params.put("startAt", Text.plain("14:35"));
        params.put("clause", Text.plain("EP-5.2.1"));
        params.put("instruction", new Text("门诊按手写处方划价发药。", "Price and dispense outpatients from handwritten prescriptions. "));
        UUID id = raising.raise(new NoticeRequest(UUID.randomUUID(), NoticeKind.MANUAL_SWITCH, "TEST_FAILING_CHANNELS", params, null))
                .await().indefinitely();

        long started = System.nanoTime();
        jobs.runOnce().await().atMost(Duration.ofSeconds(30));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        // the hanging robot is cut at the 4 s send timeout; everything is sent in parallel, so one run stays short
        assertThat(tookMillis).isLessThan(8_500);

        assertThat(mailsWith(marker)).hasSize(1);
        assertThat(delivery(id, Channel.EMAIL, "pharmacy@hospital.test").delivery().status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery(id, Channel.IN_APP, "TEST_FAILING_CHANNELS").delivery().status()).isEqualTo(DeliveryStatus.SENT);
        var broken = delivery(id, Channel.DINGTALK, "broken-ding").delivery();
        assertThat(broken.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(broken.lastError()).isEqualTo("robot errcode 300001: robot is disabled");
        assertThat(broken.attempts()).isEqualTo(1);
        var hanging = delivery(id, Channel.WECOM, "hanging-wecom").delivery();
        assertThat(hanging.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(hanging.lastError()).isEqualTo("no answer within 4 s");
        Duration firstWait = Duration.between(clock.instant(), broken.nextAttemptAt());
        assertThat(firstWait).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(31));

        // not yet due: nothing is retried
        jobs.runOnce().await().atMost(Duration.ofSeconds(30));
        assertThat(delivery(id, Channel.DINGTALK, "broken-ding").delivery().attempts()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        jobs.runOnce().await().atMost(Duration.ofSeconds(30));
        broken = delivery(id, Channel.DINGTALK, "broken-ding").delivery();
        assertThat(broken.attempts()).isEqualTo(2);
        assertThat(Duration.between(clock.instant(), broken.nextAttemptAt())).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));

        clock.advance(Duration.ofSeconds(61));
        jobs.runOnce().await().atMost(Duration.ofSeconds(30));
        broken = delivery(id, Channel.DINGTALK, "broken-ding").delivery();
        assertThat(broken.status()).isEqualTo(DeliveryStatus.GAVE_UP);
        assertThat(broken.attempts()).isEqualTo(3);
        assertThat(mailsWith(marker)).as("the mail was sent once, never again").hasSize(1);

        as(itDuty()).when().get("/api/notifications/deliveries/" + broken.id() + "/history").then().statusCode(200)
                .body("status", equalTo(List.of("QUEUED", "SENDING", "FAILED", "SENDING", "FAILED", "SENDING", "GAVE_UP")))
                .body("detail[2]", equalTo("robot errcode 300001: robot is disabled"));
    }

    @Test
    @DisplayName("call until reached: repeated every 5 min, then the next person in the chain, until somebody acknowledges through the link")
    void escalatesUntilAcknowledged() throws Exception {
        String marker = marker();
        directory.put("IT_ON_DUTY", List.of(
                List.of(person("p-duty", "值班员小王", Language.ZH_CN, new Contact(Channel.EMAIL, "duty@hospital.test"))),
                List.of(person("p-head", "信息科赵科长", Language.ZH_CN, new Contact(Channel.EMAIL, "head@hospital.test")))));
        UUID id = raising.raise(new NoticeRequest(UUID.randomUUID(), NoticeKind.CLASS_II_DECLARED, "IT_ON_DUTY",
                classParams(marker), "test-" + marker)).await().indefinitely();
        UUID again = raising.raise(new NoticeRequest(UUID.randomUUID(), NoticeKind.CLASS_II_DECLARED, "IT_ON_DUTY",
                classParams(marker), "test-" + marker)).await().indefinitely();
        assertThat(again).as("the same event never raises a second notification").isEqualTo(id);

        drain(jobs);
        assertThat(mailsWith(marker)).extracting(NotificationDeliveryTest::addressOf).containsExactly("duty@hospital.test");

        clock.advance(Duration.ofMinutes(4));
        drain(jobs);
        assertThat(mailsWith(marker)).hasSize(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        drain(jobs);
        List<MimeMessage> mails = mailsWith(marker);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getSubject()).startsWith("【第2次提醒】【二类故障】");
        assertThat(addressOf(mails.get(1))).isEqualTo("duty@hospital.test");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        drain(jobs);
        mails = mailsWith(marker);
        assertThat(mails).hasSize(3);
        assertThat(addressOf(mails.get(2))).as("then the next person in the chain").isEqualTo("head@hospital.test");

        // the head of IT acknowledges through the link in the mail
        Matcher link = Pattern.compile("http://continuity.test/ack/([A-Za-z0-9_-]+)").matcher(body(mails.get(2)));
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        given().when().get("/ack/" + token).then().statusCode(200)
                .body(containsString("确认收到")).body(containsString("id=\"ack-button\""));
        assertThat(reading.one(id).await().indefinitely().notification().isAcknowledged())
                .as("opening the link (e.g. a chat preview) does not acknowledge").isFalse();
        given().when().post("/ack/" + token).then().statusCode(200)
                .body(containsString("已确认收到")).body(containsString("信息科赵科长"));

        var n = reading.one(id).await().indefinitely().notification();
        assertThat(n.isAcknowledged()).isTrue();
        assertThat(n.acknowledgedBy()).isEqualTo("信息科赵科长（邮件）");
        assertThat(n.nextEscalationAt()).isNull();
        assertThat(delivery(id, Channel.EMAIL, "head@hospital.test").delivery().status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);

        clock.advance(Duration.ofMinutes(30));
        drain(jobs);
        assertThat(mailsWith(marker)).as("no more calls once reached").hasSize(3);

        given().when().post("/ack/" + token + "?lang=en").then().statusCode(200)
                .body(containsString("Somebody had already acknowledged it."));
        given().when().post("/ack/not-a-token").then().statusCode(404);
    }

    @Test
    @DisplayName("two server instances dispatching at once never send the same delivery twice")
    void twoInstancesNeverSendTwice() throws Exception {
        String marker = marker();
        directory.put("NURSE_STATION", List.of(List.of(person("p-nurse", "护士长", Language.ZH_CN,
                new Contact(Channel.EMAIL, "nurses@hospital.test")))));
        drain(jobs); // whatever other tests left due is sent first
        int notices = 40;
        List<UUID> raised = new java.util.ArrayList<>();
        for (int i = 0; i < notices; i++) {
            Map<String, Text> p = new HashMap<>();
            p.put("channel", Text.plain(marker + "-" + i));
            raised.add(raising.raise(new NoticeRequest(null, NoticeKind.CHANNEL_TEST, "NURSE_STATION", p, null)).await().indefinitely());
        }

        int claimed = 0;
        for (int round = 0; round < 10; round++) {
            CompletableFuture<DispatchingDeliveries.Report> a = dispatching.dispatchDue("instance-a").subscribeAsCompletionStage();
            CompletableFuture<DispatchingDeliveries.Report> b = dispatching.dispatchDue("instance-b").subscribeAsCompletionStage();
            claimed += a.get().claimed() + b.get().claimed();
        }
        // 40 mails + 40 in-app posts, each claimed exactly once by one of the two instances. Deliveries left by other
        // tests (escalations that fall due meanwhile) may be claimed in the same rounds, so the count of this test's
        // own deliveries is what is checked: each sent, after exactly one attempt.
        assertThat(claimed).as("this test's deliveries were all claimed").isGreaterThanOrEqualTo(notices * 2);
        List<DeliveryRecord> own = raised.stream().flatMap(id -> deliveries(id).stream()).toList();
        assertThat(own).hasSize(notices * 2);
        assertThat(own).allSatisfy(d -> {
            assertThat(d.delivery().status()).as("delivery %s", d.delivery().id()).isEqualTo(DeliveryStatus.SENT);
            assertThat(d.delivery().attempts()).as("attempts of delivery %s", d.delivery().id()).isEqualTo(1);
        });
        List<MimeMessage> mails = Arrays.stream(ChannelReceivers.mail().getReceivedMessages())
                .filter(m -> body(m).contains(marker)).toList();
        assertThat(mails).hasSize(notices);
        assertThat(mails.stream().map(NotificationDeliveryTest::body).distinct()).hasSize(notices);
    }

    @Test
    @DisplayName("EP-5.2 a notice one incident event raises for several parties is posted once to a robot serving them all; people still get their own; reminders stay per party")
    void aRobotServingSeveralPartiesPostsAFannedOutNoticeOnce() throws Exception {
        String marker = marker();
        directory.put("LEADERSHIP_GROUP", List.of(List.of(person("p-lead", "张院长", Language.ZH_CN,
                new Contact(Channel.EMAIL, "lead-" + marker + "@hospital.test")))));
        directory.put("IT_ON_DUTY", List.of(List.of(person("p-it", "值班员小王", Language.ZH_CN,
                new Contact(Channel.EMAIL, "it-" + marker + "@hospital.test")))));
        UUID incident = UUID.randomUUID();
        Map<String, UUID> raised = new HashMap<>();
        for (String party : List.of("LEADERSHIP_GROUP", "IT_ON_DUTY")) {
            raised.put(party, raising.raise(new NoticeRequest(incident, NoticeKind.CLASS_I_DECLARED, party, classParams(marker),
                    "event|" + marker + "-1|" + party)).await().indefinitely());
        }
        drain(jobs);
        // it-ding serves both parties: one post, not two; leaders-wecom serves the leadership group only: one post
        assertThat(ChannelReceivers.received("/dingtalk/robot/send", b -> b.contains(marker))).hasSize(1);
        assertThat(ChannelReceivers.received("/wecom/send", b -> b.contains(marker))).hasSize(1);
        assertThat(mailsWith(marker)).as("each party's people are told, as before").hasSize(2);
        assertThat(deliveries(raised.get("LEADERSHIP_GROUP"))).extracting(d -> d.delivery().channel())
                .contains(Channel.DINGTALK, Channel.WECOM, Channel.IN_APP, Channel.EMAIL);
        assertThat(deliveries(raised.get("IT_ON_DUTY"))).extracting(d -> d.delivery().channel())
                .as("the IT party's notice left the shared robot's post to the first party's").doesNotContain(Channel.DINGTALK)
                .contains(Channel.IN_APP, Channel.EMAIL);

        // nobody acknowledged: the second round (a reminder) goes out for both parties; a reminder is about one party
        // that has not acknowledged, so the shared robot gets each party's
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        drain(jobs);
        assertThat(ChannelReceivers.received("/dingtalk/robot/send", b -> b.contains(marker) && b.contains("第2次提醒"))).hasSize(2);
        assertThat(mailsWith(marker)).hasSize(4);

        // a later event of the same incident that says the same is a new post
        List<UUID> all = new java.util.ArrayList<>(raised.values());
        for (String party : List.of("LEADERSHIP_GROUP", "IT_ON_DUTY")) {
            all.add(raising.raise(new NoticeRequest(incident, NoticeKind.CLASS_I_DECLARED, party, classParams(marker), "event|" + marker + "-2|" + party))
                    .await().indefinitely());
        }
        drain(jobs);
        assertThat(ChannelReceivers.received("/dingtalk/robot/send", b -> b.contains(marker))).hasSize(4);

        // a notice not raised by an incident event for several parties (here: no dedupe key) is never held back
        for (String party : List.of("LEADERSHIP_GROUP", "IT_ON_DUTY")) {
            all.add(raising.raise(new NoticeRequest(incident, NoticeKind.CLASS_I_DECLARED, party, classParams(marker), null)).await().indefinitely());
        }
        drain(jobs);
        assertThat(ChannelReceivers.received("/dingtalk/robot/send", b -> b.contains(marker))).hasSize(6);
        // acknowledged, so that nothing of this test escalates into the next ones
        for (UUID id : all) {
            acknowledging.byPerson(id, "张院长").await().indefinitely();
        }
    }

    @Test
    @DisplayName("HR-12 a notification that would carry patient data is refused and nothing is queued")
    void patientDataIsRefused() {
        Map<String, Text> p = classParams("患者身份证 11010519491231002X");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> raising.raise(
                new NoticeRequest(null, NoticeKind.CLASS_II_DECLARED, "IT_ON_DUTY", p, null)).await().indefinitely()))
                .isInstanceOf(DomainRejection.class).hasMessageContaining("patient data");
    }

    @Test
    void aChannelTestCanBeSentThroughTheApi() {
        String id = as(itDuty()).contentType("application/json").body("{\"audience\":\"IT_ON_DUTY\"}")
                .when().post("/api/notifications/test").then().statusCode(200).extract().path("id");
        jobs.runOnce().await().atMost(Duration.ofSeconds(30));
        as(itDuty()).when().get("/api/notifications/" + id).then().statusCode(200)
                .body("requiresAck", equalTo(false))
                .body("deliveries.find { it.channel == 'DINGTALK' }.status", equalTo("SENT"));
        given().when().get("/api/notifications/" + id).then().statusCode(401);
        as(org.hospital.continuity.server.platform.TestAccounts.leader()).contentType("application/json")
                .body("{\"audience\":\"IT_ON_DUTY\"}").when().post("/api/notifications/test").then().statusCode(403);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Notification outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Notification outbox' }.data.gaveUp", org.hamcrest.Matchers.notNullValue());
        as(itDuty()).contentType("application/json").body("{\"audience\":\"no such\"}")
                .when().post("/api/notifications/test").then().statusCode(422);
    }

    @Test
    @DisplayName("EP-6.1 a notice about an instruction stops escalating once the department acknowledged the instruction in the app")
    void acknowledgingTheInstructionStopsTheCalls() throws Exception {
        String marker = marker();
        directory.put("OPERATING_THEATRE", List.of(List.of(person("p-or", "手术室护士长", Language.ZH_CN,
                new Contact(Channel.EMAIL, "or@hospital.test")))));
        Map<String, Text> params = new HashMap<>();
        params.put("department", new Text("手术室 " + marker, "operating theatres " + marker));
        params.put("startAt", Text.plain("20:05"));
        params.put("clause", Text.plain("EP-5.2.2"));
        params.put("instruction", new Text("", ""));
        String subject = "instruction:" + UUID.randomUUID();
        UUID id = raising.raise(new NoticeRequest(UUID.randomUUID(), NoticeKind.MANUAL_SWITCH, "OPERATING_THEATRE", params,
                null, subject)).await().indefinitely();
        drain(jobs);
        assertThat(mailsWith(marker)).hasSize(1);

        elsewhere.acknowledge(subject, "手术室护士长 (instruction)");
        clock.advance(Duration.ofMinutes(6));
        drain(jobs);
        assertThat(mailsWith(marker)).as("no reminder after the instruction was acknowledged").hasSize(1);
        var n = reading.one(id).await().indefinitely().notification();
        assertThat(n.acknowledgedBy()).isEqualTo("手术室护士长 (instruction)");
        assertThat(n.nextEscalationAt()).isNull();
    }

    @Test
    @DisplayName("a person who chose English receives English; everybody else Chinese")
    void languageIsChosenPerPerson() throws Exception {
        String marker = marker();
        directory.put("FINANCE", List.of(List.of(
                person("p-fin-1", "财务科长", Language.ZH_CN, new Contact(Channel.EMAIL, "fin1@hospital.test")),
                person("p-fin-2", "Finance deputy", Language.ZH_CN, new Contact(Channel.EMAIL, "fin2@hospital.test")))));
        asAdmin().contentType("application/json").body("{\"language\":\"en\"}").when().put("/api/notifications/preferences/p-fin-2")
                .then().statusCode(200).body("language", equalTo("en"));
        asAdmin().contentType("application/json").body("{\"language\":\"fr\"}").when().put("/api/notifications/preferences/p-fin-2")
                .then().statusCode(422);
        raising.raise(new NoticeRequest(UUID.randomUUID(), NoticeKind.INSURANCE_FAULT, "FINANCE", classParams(marker), null))
                .await().indefinitely();
        jobs.runOnce().await().atMost(Duration.ofSeconds(30));
        List<MimeMessage> mails = mailsWith(marker);
        assertThat(mails).hasSize(2);
        assertThat(mails.stream().filter(m -> addressOf(m).equals("fin1@hospital.test")).findFirst().orElseThrow().getSubject())
                .startsWith("【医保故障】");
        assertThat(mails.stream().filter(m -> addressOf(m).equals("fin2@hospital.test")).findFirst().orElseThrow().getSubject())
                .startsWith("[Insurance fault]");
    }

    @Test
    @DisplayName("the demo receivers of run.sh's demo mode do not exist outside it")
    void demoReceiversAreAbsentOutsideDemoMode() {
        io.restassured.RestAssured.given().when().get("/demo/receivers").then().statusCode(404);
        io.restassured.RestAssured.given().body("{}").when().post("/demo/receivers/sms").then().statusCode(404);
    }
}
