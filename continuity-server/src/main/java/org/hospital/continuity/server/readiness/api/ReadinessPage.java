package org.hospital.continuity.server.readiness.api;

import org.hospital.continuity.server.platform.text.Bundles;
import static org.hospital.continuity.server.platform.text.Html.esc;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hospital.continuity.server.platform.text.Language;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.readiness.app.WatchingReadiness;
import org.hospital.continuity.server.readiness.domain.KioskReadiness;
import org.hospital.continuity.server.hisfeed.HisFeedStatus;

/**
 * The readiness page ({@code /readiness}, zh-CN by default, {@code ?lang=en}): every kiosk that would fail its
 * department in an outage right now, with the reasons, then the ready ones. Reloads itself every minute.
 */
@Path("/readiness")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class ReadinessPage {

    /** Times in the hospital's one configured zone (continuity.zone), in the operations pages' form: 12月6日 14:05. */
    private final DateTimeFormatter time;

    private final WatchingReadiness watching;
    private final CurrentIdentityAssociation identities;
    private final Template login;
    private final InstantSource clock;
    private final HisFeedStatus feed;
    private final org.hospital.continuity.server.kiosk.Kiosks kiosks;

    public ReadinessPage(WatchingReadiness watching, CurrentIdentityAssociation identities, @Location("board/login.html") Template login,
                         InstantSource clock, HisFeedStatus feed, org.hospital.continuity.server.kiosk.Kiosks kiosks,
                       org.hospital.continuity.server.platform.config.ContinuityServerConfig config) {
        this.time = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(config.zone());
        this.feed = feed;
        this.kiosks = kiosks;
        this.watching = watching;
        this.identities = identities;
        this.login = login;
        this.clock = clock;
    }

    @GET
    public Uni<String> page(@QueryParam("lang") String lang) {
        Language language = Language.fromTag(lang);
        // the page's words live with the drill pages' (i18n/drill), under the common ones (i18n/ui)
        Map<String, String> m = new java.util.HashMap<>(Bundles.all("i18n/ui", language));
        m.putAll(Bundles.all("i18n/drill", language));
        return identities.getDeferredIdentity().chain(identity -> {
            if (!identity.hasRole(Roles.READER)) {
                return Uni.createFrom().item(login.data("m", m).data("lang", language.tag())
                        .data("other", language == Language.EN ? "zh-CN" : "en").data("path", "/readiness").render());
            }
            // departments in words (the directory's names), never their codes
            return watching.lines().chain(lines -> feed.pieces().chain(pieces -> kiosks.departmentNames().map(names -> render(m, language, lines,
                    feed.enabled() || pieces.stream().anyMatch(p -> p.attemptedAt() != null) ? pieces : List.of(), names, clock.instant()))));
        });
    }

    private String render(Map<String, String> m, Language language, List<WatchingReadiness.Line> lines, List<HisFeedStatus.Piece> pieces,
                                 Map<String, String> departmentNames, Instant now) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"").append(language.tag()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"60\"><title>").append(esc(m.get("readiness.title"))).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left}")
                .append("tr.not-ready td{background:#fdd}</style></head><body><h1>").append(esc(m.get("readiness.title"))).append("</h1>")
                .append("<p><a href=\"?lang=").append(language == Language.EN ? "zh-CN" : "en").append("\">").append(esc(m.get("lang.switch")))
                .append("</a></p><p>").append(esc(m.get("readiness.intro"))).append("</p>");
        List<WatchingReadiness.Line> notReady = lines.stream().filter(l -> !l.verdict().ready()).toList();
        if (notReady.isEmpty()) {
            h.append("<p id=\"all-ready\">").append(esc(m.get("readiness.allReady"))).append("</p>");
        }
        h.append("<table id=\"kiosks\"><tr>");
        for (String k : List.of("readiness.kiosk", "readiness.department", "readiness.problems", "readiness.lastSeen", "readiness.snapshot",
                "readiness.hisData", "readiness.wardReport", "readiness.pools", "readiness.backlog", "readiness.version", "readiness.drift")) {
            h.append("<th>").append(esc(m.get(k))).append("</th>");
        }
        h.append("</tr>");
        List<WatchingReadiness.Line> ordered = new java.util.ArrayList<>(notReady);
        lines.stream().filter(l -> l.verdict().ready()).forEach(ordered::add);
        for (WatchingReadiness.Line l : ordered) {
            KioskReadiness.Facts f = l.facts();
            boolean ready = l.verdict().ready();
            h.append("<tr class=\"").append(ready ? "ready" : "not-ready").append("\" data-kiosk=\"").append(esc(f.kioskId())).append("\"><td>")
                    .append(esc(f.name())).append("<br><small>").append(esc(f.kioskId())).append("</small></td><td>")
                    .append(esc(f.department() == null ? null : departmentNames.getOrDefault(f.department(), f.department())))
                    .append("</td><td>");
            if (ready) {
                h.append(esc(m.get("readiness.ready")));
            } else {
                h.append(l.verdict().problems().stream().map(p -> esc(language == Language.EN ? p.en() : p.zh())).collect(Collectors.joining("<br>")));
            }
            h.append("</td><td>").append(f.lastSeen() == null ? esc(m.get("readiness.never")) : time.format(f.lastSeen()))
                    .append("</td><td>").append(f.snapshotGeneratedAt() == null ? "—" : Duration.between(f.snapshotGeneratedAt(), now).toHours() + " h")
                    .append("</td><td class=\"his-data\">").append(f.hisDataAsOf() == null ? "—" : esc(m.get("readiness.hisData.asOf")) + " "
                            + time.format(f.hisDataAsOf()))
                    .append("</td><td class=\"ward-report\">").append(f.censusWards() == null || f.censusWards() == 0 ? "—"
                            : f.wardReportPrintedAt() == null ? esc(m.get("readiness.never")) : time.format(f.wardReportPrintedAt()))
                    .append("</td><td>").append(f.pools().stream().map(p -> esc(p.pool()) + " " + p.remaining()
                            + (p.earliestExpiry() == null ? "" : " (" + time.format(p.earliestExpiry()) + ")")).collect(Collectors.joining("<br>")))
                    .append("</td><td>").append(f.backlogPending() == null ? "—" : f.backlogPending())
                    .append("</td><td>").append(esc(f.softwareVersion()))
                    .append("</td><td>").append(f.clockDriftMillis() == null ? "—" : f.clockDriftMillis() / 1000 + " s").append("</td></tr>");
        }
        h.append("</table>");
        if (!pieces.isEmpty()) {
            hisFeed(h, m, language, pieces, now);
        }
        h.append("</body></html>");
        return h.toString();
    }

    /** HR-10: the HIS reference feed's pieces, each with its as-of time and age; a stale or failing piece stands out. */
    private void hisFeed(StringBuilder h, Map<String, String> m, Language language, List<HisFeedStatus.Piece> pieces, Instant now) {
        h.append("<h2>").append(esc(m.get("readiness.feed.title"))).append("</h2><table id=\"his-feed\"><tr>");
        for (String k : List.of("readiness.feed.piece", "readiness.feed.asOf", "readiness.feed.age", "readiness.feed.count", "readiness.feed.state")) {
            h.append("<th>").append(esc(m.get(k))).append("</th>");
        }
        h.append("</tr>");
        for (HisFeedStatus.Piece p : pieces) {
            h.append("<tr class=\"").append(p.stale() ? "not-ready" : "ready").append("\" data-piece=\"").append(esc(p.piece())).append("\"><td>")
                    .append(esc(language == Language.EN ? p.piece().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') : p.zh())).append("</td><td>")
                    .append(p.asOf() == null ? esc(m.get("readiness.never")) : time.format(p.asOf())).append("</td><td>")
                    .append(p.asOf() == null ? "—" : Duration.between(p.asOf(), now).toMinutes() + " " + esc(m.get("readiness.feed.minutes")))
                    .append("</td><td>").append(p.count()).append("</td><td>")
                    .append(esc(p.stale() ? m.get("readiness.feed.stale") : m.get("readiness.feed.fresh")));
            if (p.error() != null && language != Language.EN) {
                h.append("<br><small>").append(esc(p.error())).append("</small>");
            } else if (p.error() != null) {
                h.append("<br><small>").append(esc(m.get("readiness.feed.failed"))).append("</small>");
            }
            h.append("</td></tr>");
        }
        h.append("</table>");
    }
}
