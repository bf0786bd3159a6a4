package org.hospital.continuity.server.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Real receivers for the notification channels, started once per test JVM: a GreenMail SMTP server and one
 * HTTP server (JDK) standing in for the WeCom and DingTalk robot APIs and an SMS gateway. The DingTalk
 * endpoint checks the signature the way DingTalk does (HmacSHA256 of timestamp + "\n" + secret, Base64,
 * URL-encoded) and answers errcode 310000 when it does not match. Two more robots fail on purpose: one
 * answers an error, one never answers in time.
 */
public class ChannelReceivers implements QuarkusTestResourceLifecycleManager {

    public static final String DING_SECRET = "SECtest-4f1c9a7e2b";

    /** One request as the receiver saw it. */
    public record Received(String path, Map<String, String> query, Map<String, String> headers, String body, boolean signatureValid) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static GreenMail greenMail;
    private static HttpServer http;

    public static GreenMail mail() {
        return greenMail;
    }

    public static List<Received> received(String path, Predicate<String> body) {
        return RECEIVED.stream().filter(r -> r.path().equals(path) && body.test(r.body())).toList();
    }

    @Override
    public synchronized Map<String, String> start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            greenMail.start();
            try {
                http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            http.setExecutor(Executors.newFixedThreadPool(8));
            http.createContext("/", ChannelReceivers::handle);
            http.start();
        }
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        Map<String, String> c = new HashMap<>();
        c.put("quarkus.mailer.host", "127.0.0.1");
        c.put("quarkus.mailer.port", Integer.toString(greenMail.getSmtp().getPort()));
        c.put("quarkus.mailer.start-tls", "DISABLED");
        c.put("quarkus.mailer.from", "continuity@hospital.test");
        c.put("continuity.notification.public-base-url", "http://continuity.test/");
        c.put("continuity.notification.send-timeout", "4s");
        c.put("continuity.notification.retry.first-delay", "30s");
        c.put("continuity.notification.retry.max-delay", "5m");
        c.put("continuity.notification.retry.max-attempts", "3");
        c.put("continuity.notification.escalation.repeat-every", "5m");
        c.put("continuity.notification.escalation.rounds-per-tier", "2");
        c.put("continuity.notification.batch-size", "100");
        c.put("continuity.notification.sms.url", base + "/sms");
        c.put("continuity.notification.robot.leaders-wecom.kind", "WECOM");
        c.put("continuity.notification.robot.leaders-wecom.url", base + "/wecom/send?key=test-key");
        c.put("continuity.notification.robot.leaders-wecom.parties", "LEADERSHIP_GROUP");
        c.put("continuity.notification.robot.it-ding.kind", "DINGTALK");
        c.put("continuity.notification.robot.it-ding.url", base + "/dingtalk/robot/send?access_token=test-token");
        c.put("continuity.notification.robot.it-ding.secret", DING_SECRET);
        c.put("continuity.notification.robot.it-ding.parties", "LEADERSHIP_GROUP,IT_ON_DUTY");
        c.put("continuity.notification.robot.broken-ding.kind", "DINGTALK");
        c.put("continuity.notification.robot.broken-ding.url", base + "/broken/robot/send?access_token=x");
        c.put("continuity.notification.robot.broken-ding.parties", "TEST_FAILING_CHANNELS");
        c.put("continuity.notification.robot.hanging-wecom.kind", "WECOM");
        c.put("continuity.notification.robot.hanging-wecom.url", base + "/hang/send?key=y");
        c.put("continuity.notification.robot.hanging-wecom.parties", "TEST_FAILING_CHANNELS");
        return c;
    }

    private static void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        Map<String, String> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        String path = ex.getRequestURI().getPath();
        boolean signatureValid = false;
        String answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
        int status = 200;
        if (path.startsWith("/dingtalk")) {
            signatureValid = dingTalkSignatureValid(query);
            if (!signatureValid) {
                answer = "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
            }
        } else if (path.startsWith("/broken")) {
            answer = "{\"errcode\":300001,\"errmsg\":\"robot is disabled\"}";
        } else if (path.startsWith("/hang")) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (path.startsWith("/sms")) {
            answer = "{\"status\":\"queued\"}";
            status = 202;
        }
        RECEIVED.add(new Received(path, query, headers, body, signatureValid));
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    /** DingTalk's check, written independently of the server's code. */
    static boolean dingTalkSignatureValid(Map<String, String> query) {
        String timestamp = query.get("timestamp");
        String sign = query.get("sign");
        if (timestamp == null || sign == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(DING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = java.util.Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + DING_SECRET).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(sign);
        } catch (Exception e) {
            return false;
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void stop() {
        // kept for the whole JVM, like the database: Quarkus restarts between profiles must not lose them
    }
}
