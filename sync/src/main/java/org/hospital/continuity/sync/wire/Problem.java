package org.hospital.continuity.sync.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer of both apps
 * ({@code application/problem+json}). Never carries a class name, a stack trace or patient data.
 *
 * @param type       a relative URI naming the kind of problem, {@code /problems/<slug>}
 * @param title      short, human, stable for the type
 * @param status     the HTTP status
 * @param detail     what went wrong with this request, in words a user understands
 * @param instance   the request path
 * @param rule       the EP/HR clause that rejected the request, where a domain rule did
 * @param traceId    an id to find the request in the server log
 * @param violations field-level validation errors (422)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String rule,
        String traceId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: where, and what was expected. */
    public record Violation(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem("/problems/" + slug, title, status, detail, null, null, null, null);
    }

    public Problem withRule(String clause) {
        return new Problem(type, title, status, detail, instance, clause, traceId, violations);
    }

    public Problem withViolations(List<Violation> list) {
        return new Problem(type, title, status, detail, instance, rule, traceId, List.copyOf(list));
    }

    public Problem at(String path, String trace) {
        return new Problem(type, title, status, detail, path, rule, trace, violations);
    }

    /** The standard problem for an HTTP status where nothing more specific applies. */
    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> of(400, "bad-request", "Bad request", "The request could not be understood.");
            case 401 -> of(401, "unauthenticated", "Not signed in", "Sign in first.");
            case 403 -> of(403, "forbidden", "Not allowed", "Your role does not allow this action.");
            case 404 -> of(404, "not-found", "Not found", "There is nothing at this address.");
            case 405 -> of(405, "method-not-allowed", "Method not allowed", "This address does not accept that method.");
            case 406 -> of(406, "not-acceptable", "Not acceptable", "This address cannot answer in the requested format.");
            case 409 -> of(409, "conflict", "Conflict", "The request conflicts with the current state.");
            case 412 -> of(412, "precondition-failed", "Version mismatch", "The record changed since you read it; reload and try again.");
            case 413 -> of(413, "payload-too-large", "Request too large", "The request body is larger than this address accepts.");
            case 415 -> of(415, "unsupported-media-type", "Unsupported content type", "Send application/json.");
            case 422 -> of(422, "validation", "Invalid input", "Some fields are invalid.");
            case 429 -> of(429, "too-many-requests", "Slow down", "Too many requests; retry later.");
            case 503 -> of(503, "unavailable", "Temporarily unavailable", "Try again shortly.");
            default -> status >= 500
                    ? of(status, "internal", "Internal error", "Something went wrong on our side; it has been logged.")
                    : of(status, "http-" + status, "Request refused", "The request was refused.");
        };
    }
}
