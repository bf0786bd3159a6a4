package org.hospital.continuity.kiosk.platform.api;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hospital.continuity.sync.wire.Problem;

/**
 * A request the HTTP layer refuses before any endpoint sees it — a body over {@code quarkus.http.limits.max-body-size}
 * sent without a length (chunked), headers too large — is answered as problem+json too (413, 414, 431), never a bare
 * status line. Bodies with a declared length and long addresses are refused earlier by {@link ProblemMappers} and
 * {@link RequestSanityFilter}.
 */
@ApplicationScoped
public class OversizeProblems {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            int status = ctx.statusCode();
            if ((status == 413 || status == 414 || status == 431) && !ctx.response().headWritten()) {
                Problem p = switch (status) {
                    case 413 -> Problem.of(413, "payload-too-large", "Request too large", "The request body is too large.");
                    case 414 -> Problem.of(414, "uri-too-long", "URI too long", "The address is too long.");
                    default -> Problem.of(431, "headers-too-large", "Request headers too large", "The request headers are too large.");
                };
                ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.encode(p));
            } else {
                ctx.next();
            }
        });
    }
}
