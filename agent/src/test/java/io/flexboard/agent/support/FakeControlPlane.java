package io.flexboard.agent.support;

import io.flexboard.agent.AgentJson;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for agent-bridge's {@code POST /api/agent/sync} on a real socket: answers like the bridge
 * (has_updates when the published version differs from current_version, without holding the request),
 * can be scripted with one-off answers, taken down and brought back on the same port.
 */
public final class FakeControlPlane implements AutoCloseable {

    public static final String API_KEY = "fbk_test_key";

    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final Queue<Scripted> script = new ConcurrentLinkedQueue<>();
    private volatile long publishedVersion;
    private volatile JsonNode publishedMetadata;
    private HttpServer server;
    private int port;

    private record Scripted(int status, String body, Map<String, String> headers) {
    }

    public static FakeControlPlane started() throws IOException {
        FakeControlPlane fake = new FakeControlPlane();
        fake.bind(0);
        return fake;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Publishes {@code metadata} as the tenant's version (metadata.version). */
    public void publish(JsonNode metadata) {
        publishedMetadata = metadata;
        publishedVersion = metadata.path("version").longValue();
    }

    /** The next sync gets this answer instead of the bridge-like one. */
    public void answerNextWith(int status, String body, Map<String, String> headers) {
        script.add(new Scripted(status, body, headers));
    }

    /** Connection refused from now on. */
    public void goDown() {
        server.stop(0);
    }

    /** Listening again on the same port. */
    public void comeBack() throws IOException {
        bind(port);
    }

    /** Every sync body received, oldest first. */
    public List<JsonNode> requests() {
        return requests;
    }

    public JsonNode lastRequest() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void bind(int wantedPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort), 0);
        server.createContext("/api/agent/sync", exchange -> {
            try (exchange) {
                handle(exchange);
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = AgentJson.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(request);
        Scripted scripted = script.poll();
        if (scripted != null) {
            scripted.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            send(exchange, scripted.status(), scripted.status() == 200 ? "application/json" : "application/problem+json", scripted.body());
            return;
        }
        if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "application/problem+json", problem(401, "unknown API key"));
            return;
        }
        ObjectNode answer = AgentJson.MAPPER.createObjectNode();
        answer.put("success", true);
        boolean hasUpdates = publishedVersion != 0 && request.path("current_version").longValue() != publishedVersion;
        answer.put("has_updates", hasUpdates);
        answer.put("latest_version", publishedVersion);
        if (hasUpdates) {
            answer.set("metadata", publishedMetadata);
        }
        send(exchange, 200, "application/json", answer.toString());
    }

    /** A problem+json body as agent-bridge sends it. */
    public static String problem(int status, String detail) {
        return "{\"type\":\"https://flexboard.io/problems/x\",\"title\":\"t\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"success\":false,\"error\":\"" + detail + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
