package io.flexboard.infra.local.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.config.RouterLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.HttpHandler;
import reactor.core.publisher.Mono;

/**
 * A service's direct routes (agent-bridge's sync) are served on the router's port before the in-process
 * hand-over, only for what they match and only while their service is up.
 */
class DirectRoutesTest {

    private static final HttpHandler HANDLER = (request, response) -> {
        DataBuffer body = response.bufferFactory().wrap(("handler " + request.getPath().value()).getBytes());
        return response.writeWith(Mono.just(body));
    };
    private static final NettyRouteProvider SYNC_ROUTE = routes -> routes.route(
            request -> request.method().name().equals("POST") && request.uri().equals("/api/agent/sync"),
            (request, response) -> response.sendString(Mono.just("direct")));

    private final AtomicBoolean bridgeUp = new AtomicBoolean(true);
    private final HttpClient client = HttpClient.newHttpClient();
    private RouterServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_request_a_direct_route_takes_is_answered_by_it_and_every_other_by_the_handler() throws Exception {
        start();

        assertThat(post("/api/agent/sync")).isEqualTo("direct");
        assertThat(post("/api/agent/sync?full")).isEqualTo("handler /api/agent/sync");
        assertThat(post("/api/tenants")).isEqualTo("handler /api/tenants");
        assertThat(get("/api/agent/sync")).isEqualTo("handler /api/agent/sync");
    }

    @Test
    void while_the_routes_service_is_down_its_requests_go_to_the_handler_which_answers_for_a_stopped_service() throws Exception {
        start();

        bridgeUp.set(false);
        assertThat(post("/api/agent/sync")).isEqualTo("handler /api/agent/sync");

        bridgeUp.set(true);
        assertThat(post("/api/agent/sync")).isEqualTo("direct");
    }

    @Test
    void without_direct_routes_everything_goes_to_the_handler() throws Exception {
        server = RouterServer.start("127.0.0.1", 0, RouterLimits.DEFAULTS, HANDLER);

        assertThat(post("/api/agent/sync")).isEqualTo("handler /api/agent/sync");
    }

    private void start() {
        server = RouterServer.start("127.0.0.1", 0, RouterLimits.DEFAULTS, HANDLER, DirectRoutes.of(List.of(SYNC_ROUTE), bridgeUp::get));
    }

    private String post(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private String get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private String send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
