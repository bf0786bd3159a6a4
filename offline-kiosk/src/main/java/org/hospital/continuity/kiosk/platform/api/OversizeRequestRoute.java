package org.hospital.continuity.kiosk.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.sync.wire.OversizeRequests;
import org.hospital.continuity.sync.wire.Problem;

/**
 * The kiosk's first route, the same rule as the server's: oversize requests answered as problem+json in Chinese
 * ({@link OversizeRequests}) before Quarkus's own body limit (route order -2) and the HTTP decoder's limits would answer
 * them with a bare status. An address over 64 KB → 414 (from 8,192 characters up to that, {@link RequestSanityFilter}
 * answers 414 in the kiosk's language); a header section over 20 KB → 431; a declared length over
 * {@code quarkus.http.limits.max-body-size} (4 MB) → 413 (declared lengths over the API's 256 KB are refused by
 * {@link ProblemMappers#limitBodySize} in the kiosk's language); a body without a length (chunked) is counted as it
 * arrives and refused with 413 once it passes the same 256 KB. The rest of a refused body is read and dropped, so the
 * client reads the answer; nothing of it is stored. A chunked body within the limit is handed on whole
 * ({@link RoutingContext#setBody}), as Vert.x's body handler would.
 */
@ApplicationScoped
public class OversizeRequestRoute {

    /** Before everything that reads the request (Quarkus's upload limit is -2). */
    static final int ORDER = -1000;

    private final KioskConfig config;
    private final ObjectMapper json;
    private final OversizeRequests.Limits limits;

    public OversizeRequestRoute(KioskConfig config, ObjectMapper json,
                                @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody,
                                @ConfigProperty(name = "continuity.api.max-target-chars", defaultValue = "65536") int maxTarget,
                                @ConfigProperty(name = "continuity.api.max-header-bytes", defaultValue = "20480") int maxHeaders) {
        this.config = config;
        this.json = json;
        this.limits = new OversizeRequests.Limits(maxTarget, maxHeaders, maxBody.asLongValue());
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        long headerBytes = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4; // "name: value\r\n"
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        var refused = OversizeRequests.check(request.uri(), headerBytes, length, limits);
        if (refused.isPresent()) {
            refuse(rc, refused.get());
            return;
        }
        String te = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (length == null && te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked") && !request.isEnded()) {
            readCounted(rc, bodyLimit(request.path()));
            return;
        }
        rc.next();
    }

    /** The same limit {@link ProblemMappers#limitBodySize} holds a declared length to. */
    private long bodyLimit(String path) {
        return Math.min(config.api().maxBodyBytes(), limits.maxBodyBytes());
    }

    private void readCounted(RoutingContext rc, long limit) {
        HttpServerRequest request = rc.request();
        Buffer[] body = {Buffer.buffer()};
        long[] received = {0};
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return; // read and dropped: the client finishes sending and reads the answer
            }
            received[0] += chunk.length();
            if (OversizeRequests.overLimit(received[0], limit)) {
                refused[0] = true;
                body[0] = null; // nothing of it is kept
                refuse(rc, OversizeRequests.bodyTooLarge(limit));
            } else {
                body[0].appendBuffer(chunk);
            }
        });
        request.exceptionHandler(e -> Log.debugf("chunked body not completed: %s", e.getClass().getSimpleName()));
        request.endHandler(v -> {
            if (!refused[0]) {
                rc.setBody(body[0]);
                rc.next();
            }
        });
        request.resume();
    }

    private void refuse(RoutingContext rc, Problem problem) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        Problem p = problem.at(rc.request().path() == null ? null : clip(rc.request().path()), null);
        String body;
        try {
            body = json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + p.status() + "}";
        }
        Log.infof("oversize request refused status=%d", p.status());
        rc.response().setStatusCode(p.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE + ";charset=UTF-8").end(body);
    }

    /** The path in the answer, at most 200 characters (a 100,000-character address is not echoed back). */
    private static String clip(String path) {
        return path.length() <= 200 ? path : path.substring(0, 200) + "…";
    }
}
