package org.hospital.continuity.server.notification.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.notification.NotificationSettings;
import org.hospital.continuity.server.platform.text.Language;
import org.hospital.continuity.server.notification.domain.NoticeTexts;
import org.hospital.continuity.server.notification.integration.DingTalkSignature;
import org.hospital.continuity.server.platform.api.DomainRejection;

/**
 * The demo receivers' HTTP side (only with {@code continuity.demo-receivers.enabled}): endpoints that stand in for
 * the SMS gateway and the WeCom / DingTalk robots (the DingTalk one checks the request's signature as DingTalk
 * does), and a page listing everything received, mail included (zh-CN, {@code ?lang=en}). The page reloads itself
 * every few seconds. Otherwise every path answers 404.
 */
@Path("/demo/receivers")
@PermitAll
public class DemoReceiversResource {

    private final DemoReceivers receivers;
    private final NotificationSettings settings;
    private final Template page;
    private final ObjectMapper json;

    public DemoReceiversResource(DemoReceivers receivers, NotificationSettings settings,
                                 @Location("notification/demo-receivers.html") Template page, ObjectMapper json) {
        this.receivers = receivers;
        this.settings = settings;
        this.page = page;
        this.json = json;
    }

    private void enabled() {
        if (!receivers.enabled()) {
            throw DomainRejection.notFound("Demo receivers (run.sh demo mode only)");
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page(@QueryParam("lang") String lang) {
        enabled();
        Language language = Language.fromTag(lang);
        Map<String, String> m = org.hospital.continuity.server.platform.text.Bundles.all("i18n/ui", language);
        return page.data("m", m).data("lang", language.tag()).data("other", language == Language.EN ? "zh-CN" : "en")
                .data("received", receivers.received()).data("smtpPort", receivers.smtpPort()).render();
    }

    @GET
    @Path("/received")
    @Produces(MediaType.APPLICATION_JSON)
    public List<DemoReceivers.Received> received() {
        enabled();
        return receivers.received();
    }

    /** The generic SMS gateway's stand-in: the configured template's {@code to} and {@code text}. */
    @POST
    @Path("/sms")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> sms(String body) {
        enabled();
        JsonNode n = parse(body);
        receivers.keep("SMS", n == null ? "?" : n.path("to").asText("?"), null, n == null ? body : n.path("text").asText(body), null);
        return Map.of("ok", true);
    }

    /** A WeCom group robot's stand-in: text or markdown messages, answered as WeCom does. */
    @POST
    @Path("/wecom")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> wecom(String body) {
        enabled();
        receivers.keep("WECOM", "group robot", null, content(parse(body), body), null);
        return Map.of("errcode", 0, "errmsg", "ok");
    }

    /** A DingTalk group robot's stand-in: checks the 加签 signature of the request like DingTalk, then keeps the message. */
    @POST
    @Path("/dingtalk/{robot}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> dingtalk(@PathParam("robot") String robot, @QueryParam("timestamp") Long timestamp,
                                        @QueryParam("sign") String sign, String body) {
        enabled();
        String secret = settings.robot().containsKey(robot) ? settings.robot().get(robot).secret().orElse(null) : null;
        String note;
        if (secret == null) {
            note = "unsigned";
        } else if (timestamp != null && sign != null && DingTalkSignature.sign(timestamp, secret).equals(sign)) {
            note = "signature valid";
        } else {
            receivers.keep("DINGTALK", "group robot " + robot, null, content(parse(body), body), "signature INVALID: refused");
            return Map.of("errcode", 310000, "errmsg", "sign not match");
        }
        receivers.keep("DINGTALK", "group robot " + robot, null, content(parse(body), body), note);
        return Map.of("errcode", 0, "errmsg", "ok");
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String content(JsonNode n, String raw) {
        if (n == null) {
            return raw;
        }
        if (n.path("text").has("content")) {
            return n.path("text").path("content").asText();
        }
        if (n.path("markdown").has("content")) {
            return n.path("markdown").path("content").asText();
        }
        if (n.path("markdown").has("text")) {
            return n.path("markdown").path("text").asText();
        }
        return raw;
    }
}
