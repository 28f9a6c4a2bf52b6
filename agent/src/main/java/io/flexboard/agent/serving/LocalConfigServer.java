package io.flexboard.agent.serving;

import io.flexboard.agent.AgentJson;
import io.flexboard.agent.data.widget.WidgetData;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the last good configuration on 127.0.0.1 ({@code GET /config}, {@code GET /status}) from memory,
 * so the viewer keeps working whether or not the control plane is reachable, and the widgets' rows
 * ({@code GET /api/data/:widgetKey}, {@link DataEndpoint}) read from the customer's own data sources.
 */
public final class LocalConfigServer implements AutoCloseable {

    static final String PROBLEMS = "https://flexboard.io/problems/";
    /** Cached widget reads are answered on these threads; uncached ones are written from the data pool. */
    private static final int THREADS = 4;

    static {
        // The JDK server leaves Nagle's algorithm on by default: every small answer (a cached widget's rows)
        // then waits ~40 ms for the client's delayed ACK. Read once, when the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private LocalConfigServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds to the loopback address only: the configuration holds the customer's queries and has no business
     * on the network. Answers only requests whose {@code Host} is a loopback name or one of {@code allowedHosts}
     * (see {@link HostCheck}); others get 421.
     */
    public static LocalConfigServer start(int port, Set<String> allowedHosts, ServedState state, WidgetData data)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        HostCheck hosts = new HostCheck(server.getAddress().getPort(), allowedHosts);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "flexboard-agent-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        DataEndpoint dataEndpoint = new DataEndpoint(data);
        server.createContext("/", exchange -> {
            if (hosts.allows(exchange.getRequestHeaders().getFirst("Host")) && exchange.getRequestMethod().equals("GET")) {
                Matcher dataPath = DataEndpoint.PATH.matcher(exchange.getRequestURI().getPath());
                if (dataPath.matches()) {
                    // Answered asynchronously: the exchange is closed once the rows (or the problem) are written.
                    dataEndpoint.answer(exchange, dataPath);
                    return;
                }
            }
            try (exchange) {
                if (hosts.allows(exchange.getRequestHeaders().getFirst("Host"))) {
                    route(exchange, state, data);
                } else {
                    problem(exchange, 421, "misdirected-request", "Misdirected request",
                            "the Host header must name this agent (localhost, 127.0.0.1 or [::1] with its port, or AGENT_ALLOWED_HOSTS)");
                }
            }
        });
        server.start();
        return new LocalConfigServer(server, executor);
    }

    /** The port actually bound (the chosen one when started with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void route(HttpExchange exchange, ServedState state, WidgetData data) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/config") && !path.equals("/status") && !path.equals("/api/data-sources") && !path.startsWith("/api/data/")) {
            problem(exchange, 404, "not-found", "Not found", "no such path: " + path);
        } else if (path.startsWith("/api/data/") && exchange.getRequestMethod().equals("GET")) {
            problem(exchange, 404, "unknown-widget", "Unknown widget", "no such widget path: " + path
                    + " (widget keys are letters, digits, '.', '_' and '-')");
        } else if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            problem(exchange, 405, "method-not-allowed", "Method not allowed", "only GET");
        } else if (path.equals("/config")) {
            config(exchange, state);
        } else if (path.equals("/api/data-sources")) {
            send(exchange, 200, "application/json", AgentJson.MAPPER.writeValueAsBytes(data.dataSources()));
        } else {
            byte[] status = AgentJson.MAPPER.writeValueAsBytes(state.status().orElse(null));
            send(exchange, 200, "application/json", status);
        }
    }

    private static void config(HttpExchange exchange, ServedState state) throws IOException {
        var rendered = state.configuration();
        if (rendered.isEmpty()) {
            problem(exchange, 404, "no-configuration", "No configuration yet",
                    "the agent has not applied a published configuration yet");
            return;
        }
        exchange.getResponseHeaders().set("X-Config-Version", Long.toString(rendered.get().version()));
        exchange.getResponseHeaders().set("ETag", "\"" + rendered.get().sha256() + "\"");
        send(exchange, 200, "application/json", rendered.get().json());
    }

    /** The project's error shape (RFC 7807 plus the spec's success/error), as every Flexboard service answers. */
    private static void problem(HttpExchange exchange, int status, String type, String title, String detail) throws IOException {
        Map<String, Object> body = Map.of("type", PROBLEMS + type, "title", title, "status", status,
                "detail", detail, "instance", exchange.getRequestURI().getPath(), "success", false, "error", detail);
        send(exchange, status, "application/problem+json", AgentJson.MAPPER.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
