package org.hospital.continuity.kiosk.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.UUID;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.sync.wire.Problem;
import org.hospital.continuity.sync.wire.Problems;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every error of the kiosk's local API as RFC 9457 problem+json; the UI shows {@code detail} and field violations. */
@Singleton
public class ProblemMappers {

    @Inject
    KioskConfig config;

    @Inject
    org.hospital.continuity.kiosk.platform.i18n.Texts texts;

    /** Refuses oversize bodies before anything reads them: 413, nothing stored. */
    @ServerRequestFilter(preMatching = true)
    public Response limitBodySize(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length == null) {
            return null;
        }
        try {
            if (Long.parseLong(length.trim()) > config.api().maxBodyBytes()) {
                return respond(Problem.of(413, "payload-too-large", "Request too large",
                        "The request body is larger than " + config.api().maxBodyBytes() + " bytes."), request.getUriInfo());
            }
        } catch (NumberFormatException e) {
            return respond(Problem.forStatus(400), request.getUriInfo());
        }
        return null;
    }

    @ServerExceptionMapper
    public Response rejected(KioskRejection e, UriInfo uri) {
        String language = texts.language();
        Problem p = Problem.of(e.status(), e.slug(), Problem.forStatus(e.status()).title(), texts.text(language, e.getMessage()));
        if (e.rule() != null) {
            p = p.withRule(e.rule());
        }
        if (!e.violations().isEmpty()) {
            p = p.withViolations(e.violations().stream()
                    .map(v -> new Problem.Violation(v.field(), texts.text(language, v.message()))).toList());
        }
        return send(p, uri);
    }

    /** No live session on a guarded route (@RolesAllowed): the UI answers with the sign-in screen. */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class})
    public Response notSignedIn(RuntimeException e, UriInfo uri) {
        return rejected(new KioskRejection(401, "not-signed-in", "HR-2", "error.session.required", java.util.List.of()), uri);
    }

    /** Signed in without the role the route needs (HR-1). */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return rejected(new KioskRejection(403, "forbidden", "HR-1", "error.forbidden", java.util.List.of()), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problems.malformedJson(e), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    /** Bean validation at the API's edge: each field's problem in the kiosk's words (never the validator's English). */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        String language = texts.language();
        return respond(Problem.forStatus(422).withViolations(e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(Problems.fieldOf(v.getPropertyPath().toString()),
                        texts.text(language, messageKey(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()))))
                .sorted(Comparator.comparing(Problem.Violation::field)).toList()), uri);
    }

    static String messageKey(String constraint) {
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "error.required";
            case "Size" -> "error.text.too-long";
            case "Pattern" -> "error.format";
            case "Min", "Max", "Positive", "PositiveOrZero", "DecimalMin", "DecimalMax" -> "error.number.range";
            default -> "error.field";
        };
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return malformedJson(jpe, uri);
        }
        return respond(Problem.forStatus(e.getResponse() == null ? 500 : e.getResponse().getStatus()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof WebApplicationException wae) {
            return http(wae, uri);
        }
        String trace = UUID.randomUUID().toString();
        Log.errorf("unexpected error trace=%s path=%s type=%s", trace, uri == null ? "?" : uri.getPath(), e.getClass().getSimpleName());
        return Response.status(500).type(Problem.MEDIA_TYPE)
                .entity(localized(Problem.forStatus(500)).at(uri == null ? null : uri.getPath(), trace)).build();
    }

    /**
     * The problem in the kiosk's language: a standard problem (404, 422, 413 …) and the validation summary carry
     * the kiosk's words for their type ({@code problem.<slug>} in the bundle); a kiosk rule's reason is already a key.
     */
    private Problem localized(Problem p) {
        String slug = p.type() == null ? "" : p.type().replaceFirst("^.*/", "");
        String key = "problem." + slug;
        String language = texts.language();
        String detail = texts.text(language, key);
        if (key.equals(detail)) {
            return p;
        }
        return new Problem(p.type(), p.title(), p.status(), detail, p.instance(), p.rule(), p.traceId(), p.violations());
    }

    /** A standard problem (its detail in the kiosk's words). */
    private Response respond(Problem p, UriInfo uri) {
        return send(localized(p), uri);
    }

    private static Response send(Problem p, UriInfo uri) {
        String path = uri == null ? null : (uri.getPath().startsWith("/") ? uri.getPath() : "/" + uri.getPath());
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p.at(path, null)).build();
    }
}
