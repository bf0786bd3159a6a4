package org.hospital.continuity.server.drill.api;

import org.hospital.continuity.server.platform.text.Html;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.server.drill.app.ReportingDrills;
import org.hospital.continuity.server.drill.persistence.DrillStore;
import org.hospital.continuity.server.platform.text.Language;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;

/**
 * EP-9.4: the printable drill report ({@code /drills/{id}/report}, zh-CN by default, {@code ?lang=en}). Served
 * by the server, nothing from a CDN; without a session the board's sign-in page is shown.
 */
@Path("/drills")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class DrillPage {

    /** Times in the hospital's one configured zone (continuity.zone). */
    private final DateTimeFormatter time;

    private final ReportingDrills reports;
    private final DrillStore store;
    private final CurrentIdentityAssociation identities;
    private final Template login;

    public DrillPage(ReportingDrills reports, DrillStore store, CurrentIdentityAssociation identities,
                     @Location("board/login.html") Template login, org.hospital.continuity.server.platform.config.ContinuityServerConfig config) {
        this.time = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss").withZone(config.zone());
        this.reports = reports;
        this.store = store;
        this.identities = identities;
        this.login = login;
    }

    public static Map<String, String> texts(Language language) {
        Map<String, String> m = new HashMap<>(org.hospital.continuity.server.platform.text.Bundles.all("i18n/ui", language));
        m.putAll(org.hospital.continuity.server.platform.text.Bundles.all("i18n/drill", language));
        return m;
    }

    public static String signIn(Template login, Map<String, String> m, Language language, String path) {
        return login.data("m", m).data("lang", language.tag()).data("other", language == Language.EN ? "zh-CN" : "en")
                .data("path", path).render();
    }

    @GET
    @Path("/{id}/report")
    public Uni<String> report(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        Language language = Language.fromTag(lang);
        Map<String, String> m = texts(language);
        return identities.getDeferredIdentity().chain(identity -> {
            if (!identity.hasRole(Roles.READER)) {
                return Uni.createFrom().item(signIn(login, m, language, "/drills/" + id + "/report"));
            }
            return store.byId(id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Drill " + id))
                    .chain(d -> reports.report(id).map(r -> render(m, language, d, r)));
        });
    }

    static String esc(Object o) {
        return Html.esc(o);
    }

    private static String span(Map<String, String> m, JsonObject s) {
        if (s == null || s.getValue("drillSeconds") == null) {
            return "<td colspan=2>" + esc(m.get("drill.never")) + "</td>";
        }
        return "<td>" + duration(m, s.getLong("drillSeconds")) + "</td><td>" + duration(m, s.getLong("realSeconds")) + "</td>";
    }

    private static String duration(Map<String, String> m, long seconds) {
        if (Math.abs(seconds) < 120) {
            return seconds + " " + esc(m.get("drill.seconds"));
        }
        return String.format("%.1f %s", seconds / 60.0, esc(m.get("drill.minutes")));
    }

    private String render(Map<String, String> m, Language language, DrillStore.DrillRow d, JsonObject r) {
        StringBuilder h = new StringBuilder(8192);
        String title = language == Language.EN ? d.titleEn() : d.titleZh();
        h.append("<!DOCTYPE html><html lang=\"").append(language.tag()).append("\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(m.get("drill.report.title"))).append(" · ").append(esc(title)).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}")
                .append("td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left}.banner{background:#b00;color:#fff;padding:.5rem 1rem;font-weight:bold}")
                .append("@media print{.noprint{display:none}}</style></head><body>");
        h.append("<div class=\"banner\" id=\"drill-banner\">").append(esc(m.get("drill.banner"))).append("</div>");
        h.append("<h1>").append(esc(m.get("drill.report.title"))).append(": ").append(esc(title)).append("</h1>");
        h.append("<p class=\"noprint\"><a href=\"?lang=").append(language == Language.EN ? "zh-CN" : "en").append("\">")
                .append(esc(m.get("lang.switch"))).append("</a> · <a href=\"#\" onclick=\"window.print();return false\">")
                .append(esc(m.get("drill.print"))).append("</a></p>");
        h.append("<table><tr><th>").append(esc(m.get("drill.scenario"))).append("</th><td>").append(esc(d.scenarioId())).append("</td></tr>")
                .append("<tr><th>").append(esc(m.get("drill.factor"))).append("</th><td>×").append(d.factor()).append("</td></tr>")
                .append("<tr><th>").append(esc(m.get("drill.status"))).append("</th><td>").append(esc(m.getOrDefault("drill.status." + d.status(), d.status())))
                .append("</td></tr><tr><th>").append(esc(m.get("drill.faultAt"))).append("</th><td>")
                .append(r.getString("faultAt") == null ? "" : time.format(Instant.parse(r.getString("faultAt")))).append("</td></tr></table>");

        h.append("<table id=\"figures\"><tr><th>").append(esc(m.get("drill.figure"))).append("</th><th>").append(esc(m.get("drill.drillTime")))
                .append("</th><th>").append(esc(m.get("drill.realTime"))).append("</th></tr>");
        row(h, m, "drill.toDetect", r.getJsonObject("toDetect"));
        row(h, m, "drill.toClassify", r.getJsonObject("toClassify"));
        row(h, m, "drill.outageLasted", r.getJsonObject("outageLasted"));
        row(h, m, "drill.sync.afterRecovery", r.getJsonObject("sync", new JsonObject()).getJsonObject("lastSyncedAfterRecovery"));
        row(h, m, "drill.reconciliation", r.getJsonObject("toFinishReconciliation"));
        h.append("<tr><th>").append(esc(m.get("drill.classifiedAs"))).append("</th><td colspan=2>").append(esc(r.getString("classifiedAs")))
                .append("</td></tr></table>");

        h.append("<h2>").append(esc(m.get("drill.ladder"))).append("</h2><table id=\"ladder\"><tr><th>").append(esc(m.get("drill.ladder.step")))
                .append("</th><th>").append(esc(m.get("drill.ladder.party"))).append("</th><th>").append(esc(m.get("drill.drillTime")))
                .append("</th><th>").append(esc(m.get("drill.realTime"))).append("</th><th>").append(esc(m.get("drill.ladder.by"))).append("</th></tr>");
        for (Object o : r.getJsonArray("ladder", new JsonArray())) {
            JsonObject l = (JsonObject) o;
            h.append("<tr><td>").append(esc(l.getString("step"))).append("</td><td>").append(esc(l.getString("party"))).append("</td>");
            JsonObject s = l.getJsonObject("toAcknowledgement");
            if (s == null || s.getValue("drillSeconds") == null) {
                h.append("<td colspan=2>").append(esc(m.get("drill.ladder.none"))).append("</td>");
            } else {
                h.append(span(m, s));
            }
            h.append("<td>").append(esc(l.getString("acknowledgedBy"))).append("</td></tr>");
        }
        h.append("</table>");

        JsonObject rec = r.getJsonObject("records", new JsonObject());
        h.append("<h2>").append(esc(m.get("drill.records"))).append("</h2><table id=\"records\"><tr><th>").append(esc(m.get("drill.records.kiosk")))
                .append("</th><th>").append(esc(m.get("drill.records.entries"))).append("</th><th>").append(esc(m.get("drill.records.visits")))
                .append("</th><th>").append(esc(m.get("drill.sync.median"))).append("</th><th>").append(esc(m.get("drill.sync.max"))).append("</th></tr>");
        for (Object o : rec.getJsonArray("byKiosk", new JsonArray())) {
            JsonObject k = (JsonObject) o;
            h.append("<tr><td>").append(esc(k.getString("kioskId"))).append("</td><td>").append(k.getLong("entries")).append("</td><td>")
                    .append(k.getLong("visits")).append("</td><td>").append(esc(k.getValue("medianLagSeconds"))).append("</td><td>")
                    .append(esc(k.getValue("maxLagSeconds"))).append("</td></tr>");
        }
        h.append("<tr><th>Σ</th><th>").append(rec.getLong("entries", 0L)).append("</th><th>").append(rec.getLong("visits", 0L)).append("</th><td></td><td></td></tr></table>");

        JsonObject wb = r.getJsonObject("writeBack", new JsonObject());
        h.append("<h2>").append(esc(m.get("drill.writeback"))).append("</h2><table id=\"writeback\"><tr><th>").append(esc(m.get("drill.writeback.target")))
                .append("</th><td>").append(esc(m.getOrDefault("drill.writeback.target." + wb.getString("target"), wb.getString("target"))))
                .append("</td></tr><tr><th>").append(esc(m.get("drill.writeback.auto"))).append("</th><td>").append(wb.getLong("writtenAutomatically", 0L))
                .append("</td></tr><tr><th>").append(esc(m.get("drill.writeback.workbench"))).append("</th><td>").append(wb.getLong("toWorkbench", 0L))
                .append("</td></tr><tr><th>").append(esc(m.get("drill.writeback.share"))).append("</th><td>")
                .append(wb.getValue("sharePercent") == null ? "—" : wb.getValue("sharePercent") + " %").append("</td></tr></table>");

        h.append("<h2>").append(esc(m.get("drill.wrong"))).append("</h2><ul id=\"wrong\">");
        JsonArray wrong = r.getJsonArray("wentWrong", new JsonArray());
        if (wrong.isEmpty()) {
            h.append("<li>").append(esc(m.get("drill.wrong.none"))).append("</li>");
        }
        for (Object o : wrong) {
            JsonObject w = (JsonObject) o;
            h.append("<li>").append(esc(language == Language.EN ? w.getString("en") : w.getString("zh"))).append("</li>");
        }
        h.append("</ul></body></html>");
        return h.toString();
    }

    private static void row(StringBuilder h, Map<String, String> m, String key, JsonObject span) {
        h.append("<tr><th>").append(esc(m.get(key))).append("</th>").append(span(m, span)).append("</tr>");
    }
}
