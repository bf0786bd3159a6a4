package org.hospital.continuity.server.audit.api;

import org.hospital.continuity.server.audit.AuditLog;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.continuity.server.audit.app.AuditTrail;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.hospital.continuity.sync.audit.AuditCategories;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Audits every request that changes something, whoever sends it and whatever the answer (refusals too), and
 * every read through a patient-data route (HR-5, HR-8). It works on the matched resource method and its
 * route template, so endpoints added later are audited without being listed. The entry carries the route,
 * the path parameters (record ids), the caller, the remote address and the status; never a body.
 */
public class AuditFilter {

    @Inject
    AuditTrail trail;

    @Inject
    CurrentIdentityAssociation identities;

    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    @ServerResponseFilter
    public Uni<Void> audit(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo info) {
        if (info == null || info.getResourceClass() == null || info.getMethodName() == null) {
            return Uni.createFrom().voidItem();
        }
        String method = request.getMethod();
        String route = template(info);
        int status = response.getStatus();
        if (route == null || !audited(method, route, status)) {
            return Uni.createFrom().voidItem();
        }
        String claimed = claimedKiosk(request.getHeaderString("Authorization"));
        String recordId = recordId(request.getUriInfo().getPathParameters(), response);
        return identities.getDeferredIdentity().onFailure().recoverWithNull().chain(identity -> {
            String[] who = who(identity);
            String action = method + " " + route;
            String detail = "ANONYMOUS".equals(who[1]) && claimed != null ? "claimed kiosk=" + claimed : who[2];
            return trail.record(new AuditLog.Event(who[0], who[1], action, AuditCategories.of(method, route),
                    status < 400 ? "SUCCESS" : Integer.toString(status), "", recordType(route), recordId, detail));
        });
    }

    boolean audited(String method, String route, int status) {
        for (String skip : trail.config().skipPaths()) {
            if (route.startsWith(skip)) {
                return false;
            }
        }
        for (String quiet : trail.config().refusalsOnlyPaths()) {
            if (route.startsWith(quiet)) {
                return status >= 400;
            }
        }
        if (!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)) {
            return true;
        }
        for (String p : trail.config().patientDataPaths()) {
            if (route.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The kiosk id a Basic credential claims (reported when it is refused), or null; letters, digits and dashes only. */
    static String claimedKiosk(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
                    java.nio.charset.StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String id = colon < 0 ? decoded : decoded.substring(0, colon);
            return id.matches("[A-Za-z0-9._-]{1,60}") ? id : "(malformed)";
        } catch (IllegalArgumentException e) {
            return "(malformed)";
        }
    }

    /** actor, kind, detail. */
    static String[] who(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new String[] {"anonymous", "ANONYMOUS", ""};
        }
        Staff staff = Staff.of(identity);
        if (staff != null) {
            return new String[] {staff.accountId().toString(), "STAFF", "user=" + staff.username()};
        }
        if (identity.hasRole(Roles.KIOSK)) {
            return new String[] {identity.getPrincipal().getName(), "KIOSK", ""};
        }
        return new String[] {identity.getPrincipal().getName(), "OTHER", ""};
    }

    /** The kind of record: the segment before the last path parameter ({@code /api/accounts/{id}/disable} → accounts), else the last segment. */
    static String recordType(String route) {
        String[] parts = route.split("/");
        for (int i = parts.length - 1; i > 0; i--) {
            if (parts[i].startsWith("{") && !parts[i - 1].startsWith("{")) {
                return parts[i - 1];
            }
        }
        return parts.length == 0 ? "" : parts[parts.length - 1];
    }

    static String recordId(MultivaluedMap<String, String> params, ContainerResponseContext response) {
        Map<String, String> sorted = new TreeMap<>();
        params.forEach((k, v) -> sorted.put(k, v.isEmpty() ? "" : v.get(0)));
        StringBuilder b = new StringBuilder();
        sorted.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
        Object location = response.getHeaders().getFirst("Location");
        if (location != null) {
            String l = location.toString();
            b.append(b.length() == 0 ? "" : ",").append("created=").append(l.substring(l.lastIndexOf('/') + 1));
        }
        return b.toString();
    }

    static String template(SimpleResourceInfo info) {
        Method m;
        try {
            m = info.getResourceClass().getMethod(info.getMethodName(), info.parameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
        return TEMPLATES.computeIfAbsent(m, AuditFilter::templateOf);
    }

    /** The route template as written on the resource: class @Path + method @Path, regexes removed. */
    public static String templateOf(Method m) {
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
