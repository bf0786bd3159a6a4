package org.hospital.continuity.server.platform.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.hospital.continuity.sync.wire.Problem;
import org.hospital.continuity.sync.wire.RequestSanity;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Addresses no endpoint can mean (traversal, injection, NUL, invalid UTF-8) get 400 before routing. */
@jakarta.inject.Singleton
public class RequestSanityFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseHostileAddresses(HttpServerRequest request) {
        Optional<String> problem = RequestSanity.pathProblem(request.path()).or(() -> RequestSanity.queryProblem(request.query()));
        if (problem.isEmpty()) {
            return null;
        }
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(400, "invalid-address", "Bad request", "The address is not valid: " + problem.get() + ".")).build();
    }
}
