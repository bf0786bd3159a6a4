package org.hospital.continuity.server.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hospital.continuity.server.platform.config.ContinuityServerConfig;
import org.hospital.continuity.sync.wire.Problem;
import org.hospital.continuity.sync.wire.Problems;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every error of the server's API as RFC 9457 problem+json. Never a stack trace or class name;
 * unexpected errors are logged with a trace id (and no request body, which may hold patient data).
 */
@jakarta.inject.Singleton
public class ProblemMappers {

    @Inject
    ContinuityServerConfig config;

    /** Refuses oversize bodies before anything reads them: 413, nothing stored. */
    @ServerRequestFilter(preMatching = true)
    public Response limitBodySize(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length == null) {
            return null;
        }
        long limit = request.getUriInfo().getPath().startsWith("/api/sync/") ? config.api().maxBodyBytes() * 32 : config.api().maxBodyBytes();
        try {
            if (Long.parseLong(length.trim()) > limit) {
                return respond(Problem.of(413, "payload-too-large", "Request too large",
                        "The request body is larger than " + limit + " bytes."), request.getUriInfo());
            }
        } catch (NumberFormatException e) {
            return respond(Problem.forStatus(400), request.getUriInfo());
        }
        return null;
    }

    @ServerExceptionMapper
    public Response domainRejection(DomainRejection e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        Problem p = Problem.of(e.status(), e.slug(), Problem.forStatus(e.status()).title(), e.getMessage());
        return respond(inLanguage(e.rule() == null ? p : p.withRule(e.rule()), headers), uri);
    }

    private static final java.util.ResourceBundle CHINESE = org.hospital.continuity.server.platform.text.Bundles.bundle("i18n/problems",
            org.hospital.continuity.server.platform.text.Language.ZH_CN);

    /**
     * The detail in the client's language: a client asking {@code Accept-Language: zh…} (a kiosk in Chinese) reads
     * the Chinese text of the problem's type; anything else, or a type without a text, keeps the English detail.
     */
    static Problem inLanguage(Problem p, jakarta.ws.rs.core.HttpHeaders headers) {
        return inLanguage(p, headers == null ? null : headers.getHeaderString("Accept-Language"));
    }

    /** {@link #inLanguage(Problem, jakarta.ws.rs.core.HttpHeaders)} from the raw {@code Accept-Language} value. */
    static Problem inLanguage(Problem p, String lang) {
        if (lang == null || !lang.trim().toLowerCase(java.util.Locale.ROOT).startsWith("zh")) {
            return p;
        }
        String slug = p.type() == null ? "" : p.type().replaceFirst("^.*/", "");
        if (!CHINESE.containsKey(slug)) {
            return p;
        }
        return new Problem(p.type(), p.title(), p.status(), CHINESE.getString(slug), p.instance(), p.rule(), p.traceId(), p.violations());
    }

    /** No or an expired session: 401 with a challenge, as problem+json. */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        Response r = respond(inLanguage(Problem.forStatus(401), headers), uri);
        return Response.fromResponse(r).header("WWW-Authenticate", "Bearer realm=\"continuity\"").build();
    }

    /** Signed in, but the role does not allow it (HR-1): 403. */
    @ServerExceptionMapper(io.quarkus.security.ForbiddenException.class)
    public Response forbidden(RuntimeException e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        return respond(inLanguage(Problem.forStatus(403).withRule("HR-1"), headers), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problems.malformedJson(e), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(Problems.fieldOf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        return respond(Problem.forStatus(422).withViolations(violations), uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return malformedJson(jpe, uri);
        }
        return respond(Problem.forStatus(status), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof WebApplicationException wae) {
            return http(wae, uri);
        }
        String trace = UUID.randomUUID().toString();
        Log.errorf(e, "unexpected error trace=%s path=%s type=%s", trace, uri == null ? "?" : uri.getPath(), e.getClass().getSimpleName());
        Problem p = Problem.forStatus(500);
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(p.at(uri == null ? null : uri.getPath(), trace)).build();
    }

    private static Response respond(Problem p, UriInfo uri) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE)
                .entity(p.at(uri == null ? null : "/" + stripSlash(uri.getPath()), null)).build();
    }

    private static String stripSlash(String s) {
        return s.startsWith("/") ? s.substring(1) : s;
    }
}
