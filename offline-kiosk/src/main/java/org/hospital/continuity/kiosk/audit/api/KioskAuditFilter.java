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
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.continuity.kiosk.audit.app.CurrentRequest;
import org.hospital.continuity.kiosk.audit.app.KioskAuditLog;
import org.hospital.continuity.kiosk.session.Sessions;
import org.hospital.continuity.kiosk.session.StaffSession;
import org.hospital.continuity.sync.audit.AuditRoute;
import org.hospital.continuity.sync.audit.AuditScope;
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

    /**
     * Which requests get an entry: every change and every read of patient data (these GET routes), minus the
     * changing routes not audited here — sign-in/out (audited with the account by Sessions), UI language, "push now".
     */
    static final AuditScope SCOPE = new AuditScope(
            List.of("POST /api/session", "DELETE /api/session", "PUT /api/settings/language", "POST /api/sync/push-now"),
            List.of(),
            List.of("/api/registrations", "/api/charges", "/api/invoices", "/api/ious",
            "/api/clinical", "/api/discharge-settlements", "/api/reference/patients", "/api/journal", "/api/audit", "/api/patients",
            "/api/reports"));

    /**
     * What the audit entries of one endpoint say, worked out once (empty: not audited): no reflective
     * method lookup and no string work per request.
     */
    private static final Map<Endpoint, Optional<AuditRoute>> ROUTES = new ConcurrentHashMap<>();

    private record Endpoint(String httpMethod, Class<?> resource, String javaMethod, List<Class<?>> parameters) {
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
        AuditRoute route = route(request.getMethod(), info);
        if (route == null || AuditRoute.isRead(request.getMethod())) {
            return;
        }
        var address = http.remoteAddress();
        current.expect(event(request, route, "", AuditRoute.pathParameters(request.getUriInfo().getPathParameters())),
                address == null ? "" : address.hostAddress());
    }

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo info) {
        AuditRoute route = route(request.getMethod(), info);
        if (route == null) {
            return;
        }
        int status = response.getStatus();
        if (status < 400 && !AuditRoute.isRead(request.getMethod()) && current.isAudited()) {
            return; // written with the request's capture, in the same transaction
        }
        audit.append(event(request, route, AuditRoute.outcome(status),
                AuditRoute.recordId(request.getUriInfo().getPathParameters(), response.getHeaders().getFirst("Location"))));
    }

    /** The route of this request when it is audited, else null. */
    private static AuditRoute route(String method, SimpleResourceInfo info) {
        if (info == null || info.getResourceClass() == null || info.getMethodName() == null) {
            return null;
        }
        Endpoint key = new Endpoint(method, info.getResourceClass(), info.getMethodName(), List.of(info.parameterTypes()));
        return ROUTES.computeIfAbsent(key, k -> Optional.ofNullable(template(info))
                .filter(t -> SCOPE.of(method, t) != AuditScope.Audited.NEVER).map(t -> AuditRoute.of(method, t))).orElse(null);
    }

    private KioskAuditLog.Event event(ContainerRequestContext request, AuditRoute route, String outcome, String recordId) {
        Cookie cookie = request.getCookies().get(Sessions.COOKIE);
        var session = cookie == null ? Optional.<StaffSession>empty()
                : sessions.peek(cookie.getValue());
        return new KioskAuditLog.Event(session.map(s -> s.accountId()).orElse("anonymous"),
                session.isPresent() ? "STAFF" : "ANONYMOUS", route.action(), route.category(), outcome, route.recordType(), recordId, "");
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
        return AuditRoute.template(base == null ? null : base.value(), sub == null ? null : sub.value());
    }
}
