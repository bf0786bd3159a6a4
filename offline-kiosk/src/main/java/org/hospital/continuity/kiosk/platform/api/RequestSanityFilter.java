package org.hospital.continuity.kiosk.platform.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hospital.continuity.sync.wire.Problem;
import org.hospital.continuity.sync.wire.RequestSanity;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Addresses no endpoint can mean (traversal, injection, NUL, invalid UTF-8) get 400 before routing; an address longer than
 * {@link #MAX_URI} characters gets 414; a listing bound ({@code limit}, {@code size}, {@code page}) that is not a whole
 * number of at most nine digits gets 400 naming it (HR-5: a huge {@code limit} never reaches a listing, and never turns
 * into a 404 by overflowing the number). All problem+json, nothing stored.
 */
@jakarta.inject.Singleton
public class RequestSanityFilter {

    /** Longest request target (path and query) accepted; the HTTP layer takes up to 64 KiB so that this rule answers. */
    static final int MAX_URI = 8192;

    private static final List<String> BOUNDS = List.of("limit", "size", "page");
    private static final Pattern BOUND = Pattern.compile("\\d{1,9}");

    @ServerRequestFilter(preMatching = true)
    public Response refuseHostileAddresses(HttpServerRequest request) {
        if (request.uri() != null && request.uri().length() > MAX_URI) {
            return Response.status(414).type(Problem.MEDIA_TYPE).entity(Problem.of(414, "uri-too-long", "URI too long",
                    "The address is longer than " + MAX_URI + " characters.").at(request.path().length() > 200 ? null : request.path(), null))
                    .build();
        }
        Optional<String> problem = RequestSanity.pathProblem(request.path()).or(() -> RequestSanity.queryProblem(request.query()));
        if (problem.isPresent()) {
            return Response.status(400).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(400, "invalid-address", "Bad request", "The address is not valid: " + problem.get() + ".")).build();
        }
        for (String name : BOUNDS) {
            for (String value : request.params().getAll(name)) {
                if (!BOUND.matcher(value).matches()) {
                    return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.of(400, "invalid-bound", "Bad request",
                            "The listing bound '" + name + "' must be a whole number within the route's maximum.")
                            .withViolations(List.of(new Problem.Violation(name, "a whole number within the route's maximum")))).build();
                }
            }
        }
        return null;
    }
}
