package io.flexboard.agent.serving;

import io.flexboard.agent.AgentJson;
import io.flexboard.agent.access.PasswordHash;
import io.flexboard.agent.data.widget.WidgetData;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the viewer ({@code GET /}, {@link ViewerAssets}), the last good configuration ({@code GET /config},
 * {@code GET /status}) from memory, so the viewer keeps working whether or not the control plane is
 * reachable, and the widgets' rows ({@code GET /api/data/:widgetKey}, {@link DataEndpoint}) read from the
 * customer's own data sources.
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

    /** On every answer: the viewer runs only its own scripts, in no frame, and leaks no address onwards. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Optional<ViewerAccess> access;

    private LocalConfigServer(HttpServer server, ExecutorService executor, Optional<ViewerAccess> access) {
        this.server = server;
        this.executor = executor;
        this.access = access;
    }

    /** On 127.0.0.1 without a viewer credential, the agent's default. */
    public static LocalConfigServer start(int port, Set<String> allowedHosts, ServedState state, WidgetData data)
            throws IOException {
        return start(InetAddress.getLoopbackAddress(), port, allowedHosts, Optional.empty(), state, data);
    }

    /**
     * Binds to {@code address} (loopback unless the operator set AGENT_HTTP_HOST: the configuration holds the
     * customer's queries). Answers only requests whose {@code Host} is a loopback name, one of
     * {@code allowedHosts} or the bound address itself (see {@link HostCheck}); others get 421. With a
     * {@code viewerPassword}, every path but {@code /status} needs it ({@link ViewerAccess}).
     */
    public static LocalConfigServer start(InetAddress address, int port, Set<String> allowedHosts,
                                          Optional<PasswordHash> viewerPassword, ServedState state, WidgetData data)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        Set<String> names = new HashSet<>(allowedHosts);
        if (!address.isAnyLocalAddress() && !address.isLoopbackAddress()) {
            names.add(address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress());
        }
        HostCheck hosts = new HostCheck(server.getAddress().getPort(), Set.copyOf(names));
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "flexboard-agent-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        Optional<ViewerAccess> access = viewerPassword.map(ViewerAccess::new);
        DataEndpoint dataEndpoint = new DataEndpoint(data);
        ViewerAssets assets = ViewerAssets.fromClasspath();
        server.createContext("/", exchange -> {
            SECURITY_HEADERS.forEach(exchange.getResponseHeaders()::set);
            if (!hosts.allows(exchange.getRequestHeaders().getFirst("Host"))) {
                try (exchange) {
                    problem(exchange, 421, "misdirected-request", "Misdirected request",
                            "the Host header must name this agent (localhost, 127.0.0.1 or [::1] with its port, or AGENT_ALLOWED_HOSTS)");
                }
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (access.isPresent() && !path.equals("/status") && !access.get().admits(exchange, LocalConfigServer::unauthorized)) {
                return;
            }
            if (exchange.getRequestMethod().equals("GET")) {
                Matcher dataPath = DataEndpoint.PATH.matcher(path);
                if (dataPath.matches()) {
                    // Answered asynchronously: the exchange is closed once the rows (or the problem) are written.
                    dataEndpoint.answer(exchange, dataPath);
                    return;
                }
            }
            try (exchange) {
                route(exchange, state, data, assets);
            }
        });
        server.start();
        return new LocalConfigServer(server, executor, access);
    }

    /** The port actually bound (the chosen one when started with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        access.ifPresent(ViewerAccess::close);
    }

    private static void route(HttpExchange exchange, ServedState state, WidgetData data, ViewerAssets assets) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean api = path.equals("/config") || path.equals("/status") || path.startsWith("/api/");
        if (!api) {
            viewer(exchange, path, assets);
        } else if (!path.equals("/config") && !path.equals("/status") && !path.equals("/api/data-sources") && !path.startsWith("/api/data/")) {
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

    /**
     * The viewer's files. A path that is no file opens the viewer (index.html) when a browser navigates
     * there (GET asking for text/html), so a bookmarked deep link works; scripts and images get a 404.
     */
    private static void viewer(HttpExchange exchange, String path, ViewerAssets assets) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            problem(exchange, 405, "method-not-allowed", "Method not allowed", "only GET");
            return;
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        Optional<ViewerAssets.Asset> asset = assets.file(path)
                .or(() -> accept != null && accept.contains("text/html") ? assets.index() : Optional.empty());
        if (asset.isEmpty()) {
            problem(exchange, 404, "not-found", "Not found", "no such path: " + path);
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", asset.get().cacheControl());
        send(exchange, 200, asset.get().contentType(), asset.get().body());
    }

    private static void unauthorized(HttpExchange exchange) {
        try (exchange) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Flexboard viewer\", charset=\"UTF-8\"");
            problem(exchange, 401, "unauthorized", "Unauthorized",
                    "the viewer needs its credential (user '" + ViewerAccess.USER + "', the password set up as AGENT_VIEWER_PASSWORD_HASH)");
        } catch (IOException e) {
            // The client went away while its refusal waited; nothing to tell it.
        }
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
