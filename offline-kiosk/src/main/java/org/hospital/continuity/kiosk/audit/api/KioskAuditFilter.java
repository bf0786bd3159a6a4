package org.hospital.continuity.kiosk.audit.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.continuity.kiosk.audit.app.CurrentRequest;
import org.hospital.continuity.kiosk.audit.app.KioskAuditLog;
import org.hospital.continuity.kiosk.session.Sessions;
import org.hospital.continuity.kiosk.session.StaffSession;
import org.hospital.continuity.sync.audit.AuditCategories;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Audits every request to the kiosk's local API that changes something (refusals too) and every read of
 * patient data (HR-5, HR-8), from the matched route template, so new endpoints are covered without being
 * listed. Sign-in and sign-out are audited by {@link Sessions} itself (with the account). A changing request
 * that captures a record gets its entry written in the capture's own transaction ({@code CaptureAudit});
 * this filter then writes nothing more for it unless the request fails after all.
 */
@jakarta.inject.Singleton
public class KioskAuditFilter {

    /** GET routes that show patient data. */
    static final List<String> PATIENT_DATA = List.of("/api/registrations", "/api/charges", "/api/invoices", "/api/ious",
            "/api/clinical", "/api/discharge-settlements", "/api/reference/patients", "/api/journal", "/api/audit", "/api/patients",
            "/api/reports");

    /** Changing routes not audited here: sign-in/out (audited with the account by Sessions), UI language, "push now". */
    static final Set<String> SKIP = Set.of("POST /api/session", "DELETE /api/session", "PUT /api/settings/language",
            "POST /api/sync/push-now");

    /**
     * What the audit entries of one endpoint say, worked out once (empty: not audited): no reflective
     * method lookup and no string work per request.
     */
    private static final Map<Endpoint, Optional<Route>> ROUTES = new ConcurrentHashMap<>();

    private record Endpoint(String httpMethod, Class<?> resource, String javaMethod, List<Class<?>> parameters) {
    }

    /** An audited route: its template, the entry's action, category and record type. */
    private record Route(String template, String action, String category, String recordType) {
    }

    @Inject
    KioskAuditLog audit;

    @Inject
    Sessions sessions;

    @Inject
    CurrentRequest current;

    /**
     * Before a changing request runs: notes what its audit entry will say, so that a capture it makes can
     * write the entry in its own transaction ({@code CaptureAudit}) — record and audit entry durable together.
     */
    @ServerRequestFilter
    public void expect(ContainerRequestContext request, SimpleResourceInfo info, HttpServerRequest http) {
        Route route = route(request.getMethod(), info);
        if (route == null || isRead(request.getMethod())) {
            return;
        }
        var address = http.remoteAddress();
        current.expect(event(request, route, "", pathParameters(request.getUriInfo().getPathParameters())),
                address == null ? "" : address.hostAddress());
    }

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo info) {
        Route route = route(request.getMethod(), info);
        if (route == null) {
            return;
        }
        int status = response.getStatus();
        if (status < 400 && !isRead(request.getMethod()) && current.isAudited()) {
            return; // written with the request's capture, in the same transaction
        }
        audit.append(event(request, route, status < 400 ? "SUCCESS" : Integer.toString(status),
                recordId(request.getUriInfo().getPathParameters(), response)));
    }

    /** The route of this request when it is audited, else null. */
    private static Route route(String method, SimpleResourceInfo info) {
        if (info == null || info.getResourceClass() == null || info.getMethodName() == null) {
            return null;
        }
        Endpoint key = new Endpoint(method, info.getResourceClass(), info.getMethodName(), List.of(info.parameterTypes()));
        return ROUTES.computeIfAbsent(key, k -> Optional.ofNullable(audited(method, info))
                .map(t -> new Route(t, method + " " + t, AuditCategories.of(method, t), recordType(t)))).orElse(null);
    }

    /** The route template when this request is audited, else null. */
    private static String audited(String method, SimpleResourceInfo info) {
        String route = template(info);
        if (route == null || SKIP.contains(method + " " + route)) {
            return null;
        }
        if (isRead(method) && PATIENT_DATA.stream().noneMatch(route::startsWith)) {
            return null;
        }
        return route;
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    private KioskAuditLog.Event event(ContainerRequestContext request, Route route, String outcome, String recordId) {
        Cookie cookie = request.getCookies().get(Sessions.COOKIE);
        Optional<StaffSession> session = cookie == null ? Optional.empty() : sessions.peek(cookie.getValue());
        return new KioskAuditLog.Event(session.map(s -> s.accountId()).orElse("anonymous"),
                session.isPresent() ? "STAFF" : "ANONYMOUS", route.action(), route.category(), outcome, route.recordType(), recordId, "");
    }

    static String recordType(String route) {
        String[] parts = route.split("/");
        for (int i = parts.length - 1; i > 0; i--) {
            if (parts[i].startsWith("{") && !parts[i - 1].startsWith("{")) {
                return parts[i - 1];
            }
        }
        return parts.length == 0 ? "" : parts[parts.length - 1];
    }

    static String pathParameters(jakarta.ws.rs.core.MultivaluedMap<String, String> params) {
        Map<String, String> sorted = new TreeMap<>();
        params.forEach((k, v) -> sorted.put(k, v.isEmpty() ? "" : v.get(0)));
        StringBuilder b = new StringBuilder();
        sorted.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return b.toString();
    }

    static String recordId(jakarta.ws.rs.core.MultivaluedMap<String, String> params, ContainerResponseContext response) {
        StringBuilder b = new StringBuilder(pathParameters(params));
        Object location = response.getHeaders().getFirst("Location");
        if (location != null) {
            String l = location.toString();
            b.append(b.length() == 0 ? "" : ",").append("created=").append(l.substring(l.lastIndexOf('/') + 1));
        }
        return b.toString();
    }

    static String template(SimpleResourceInfo info) {
        try {
            return templateOf(info.getResourceClass().getMethod(info.getMethodName(), info.parameterTypes()));
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static String templateOf(Method m) {
        Path base = m.getDeclaringClass().getAnnotation(Path.class);
        Path sub = m.getAnnotation(Path.class);
        String p = ((base == null ? "" : base.value()) + "/" + (sub == null ? "" : sub.value()))
                .replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }
}
