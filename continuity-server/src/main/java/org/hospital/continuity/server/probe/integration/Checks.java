package org.hospital.continuity.server.probe.integration;

import org.hospital.continuity.server.probe.persistence.SqlProbe;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.server.probe.domain.ProbeKind;

/** The probes' network checks on Vert.x, each bounded by its timeout; never blocks the event loop. */
@ApplicationScoped
public class Checks {

    /** What a check saw. */
    public record Result(ProbeStatus status, String detail) {
        public static Result up(String detail) {
            return new Result(ProbeStatus.UP, detail);
        }

        public static Result down(String detail) {
            return new Result(ProbeStatus.DOWN, detail == null ? "no answer" : detail.length() > 400 ? detail.substring(0, 400) : detail);
        }
    }

    private final Vertx vertx;
    private final SqlProbe sql;

    public Checks(Vertx vertx, SqlProbe sql) {
        this.sql = sql;
        this.vertx = vertx;
    }

    public Uni<Result> run(ProbeKind kind, String target, Duration timeout) {
        Uni<Result> check = switch (kind) {
            case HTTP -> http(target, timeout);
            case TCP -> tcp(target, timeout);
            case SQL -> sql.check(target, timeout).map(Result::up);
            case PING -> ping(target, timeout);
        };
        return check.ifNoItem().after(timeout.plusMillis(250)).recoverWithItem(() -> Result.down("timeout after " + timeout.toMillis() + " ms"))
                .onFailure().recoverWithItem(e -> Result.down(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    private Uni<Result> http(String target, Duration timeout) {
        URI uri = URI.create(target);
        boolean tls = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        var client = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setSsl(tls).setTrustAll(tls).setVerifyHost(false)
                .setConnectTimeout((int) timeout.toMillis()));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(uri.getHost()).setPort(port).setURI(path)
                .setTimeout(timeout.toMillis());
        return client.request(options).chain(req -> req.send()).map(resp -> resp.statusCode() < 400
                        ? Result.up("HTTP " + resp.statusCode()) : Result.down("HTTP " + resp.statusCode()))
                .eventually(client::close);
    }

    private Uni<Result> tcp(String target, Duration timeout) {
        int colon = target.lastIndexOf(':');
        String host = target.substring(0, colon);
        int port = Integer.parseInt(target.substring(colon + 1));
        var client = vertx.createNetClient(new NetClientOptions().setConnectTimeout((int) timeout.toMillis()));
        return client.connect(port, host).chain(socket -> socket.close().replaceWith(Result.up("connected")))
                .eventually(client::close);
    }

    private Uni<Result> ping(String target, Duration timeout) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                return InetAddress.getByName(target).isReachable((int) timeout.toMillis())
                        ? Result.up("reachable") : Result.down("unreachable");
            } catch (java.io.IOException e) {
                return Result.down(e.getMessage());
            }
        }), false);
    }
}
