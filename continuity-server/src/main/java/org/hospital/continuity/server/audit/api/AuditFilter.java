package org.hospital.continuity.server.audit.api;

import org.hospital.continuity.server.audit.AuditLog;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.continuity.server.audit.app.AuditTrail;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.hospital.continuity.sync.audit.AuditRoute;
import org.hospital.continuity.sync.audit.AuditScope;
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

    /** Which requests get an entry (continuity.audit.*), made on first use. */
    private volatile AuditScope scope;

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
        String recordId = AuditRoute.recordId(request.getUriInfo().getPathParameters(), response.getHeaders().getFirst("Location"));
        return identities.getDeferredIdentity().onFailure().recoverWithNull().chain(identity -> {
            String[] who = who(identity);
            AuditRoute r = AuditRoute.of(method, route);
            String detail = "ANONYMOUS".equals(who[1]) && claimed != null ? "claimed kiosk=" + claimed : who[2];
            return trail.record(new AuditLog.Event(who[0], who[1], r.action(), r.category(), AuditRoute.outcome(status), "",
                    r.recordType(), recordId, detail));
        });
    }

    boolean audited(String method, String route, int status) {
        AuditScope s = scope;
        if (s == null) {
            var config = trail.config();
            s = scope = new AuditScope(config.skipPaths(), config.refusalsOnlyPaths(), config.patientDataPaths());
        }
        return s.audited(method, route, status);
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
        return AuditRoute.template(base == null ? null : base.value(), sub == null ? null : sub.value());
    }
}
