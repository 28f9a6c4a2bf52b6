package io.flexboard.infra.local.router;

import io.flexboard.infra.local.services.Service;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/** Where the router sends a request. */
public enum Route {

    AGENT_BRIDGE(Service.AGENT_BRIDGE),
    /** {@code /api/ops/rebuilds/**}, {@code /api/ops/quarantines/**}: the projector's ops API (rebuilds, quarantines). */
    PROJECTOR(Service.PROJECTOR),
    QUERY_API(Service.QUERY_API),
    COMMAND_API(Service.COMMAND_API),
    HEALTH(null),
    /** {@code GET /metrics/{service}}: that service's own {@code /metrics}, the projector's included. */
    METRICS(null),
    /** Reads of {@code /api/docs/**}: Swagger UI and the services' OpenAPI documents ({@link ApiDocs}). */
    API_DOCS(null),
    /** Reads of any other path: the builder UI's files and, for its client-side routes, its index page. */
    BUILDER_UI(null),
    NOT_FOUND(null);

    private static final String METRICS_PREFIX = "/metrics/";

    private final Service service;

    Route(Service service) {
        this.service = service;
    }

    public Optional<Service> service() {
        return Optional.ofNullable(service);
    }

    /**
     * {@code /api/agent/**} → agent-bridge; {@code /api/ops/rebuilds/**} and {@code /api/ops/quarantines/**}
     * (any method) → the projector; {@code /api/auth/sso/**} and {@code /api/auth/providers} (single sign-on,
     * reads included) → command-api; reads of {@code /api/docs/**} → Swagger UI and the OpenAPI documents;
     * other reads (GET, HEAD) on {@code /api/**} → query-api; every
     * other method on {@code /api/**} → command-api; {@code GET /health} → the stack's health;
     * {@code GET /metrics/{service}} → that service's Prometheus text; reads of {@code /ops/**} (the
     * lag page) → query-api; every other read → the builder UI. Paths under {@code /health} and
     * {@code /metrics} that none of these take stay not found, so a typo there is not a web page.
     */
    public static Route of(HttpMethod method, String path) {
        if (isUnder(path, "/api/agent")) {
            return AGENT_BRIDGE;
        }
        if (isUnder(path, "/api/ops/rebuilds") || isUnder(path, "/api/ops/quarantines")) {
            return PROJECTOR;
        }
        if (isUnder(path, "/api/auth/sso") || "/api/auth/providers".equals(path)) {
            return COMMAND_API;
        }
        if (isRead(method) && isUnder(path, ApiDocs.PATH)) {
            return API_DOCS;
        }
        if (isUnder(path, "/api")) {
            return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) ? QUERY_API : COMMAND_API;
        }
        if (("/health".equals(path) || "/health/".equals(path)) && (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
            return HEALTH;
        }
        if (isRead(method) && metricsOf(path).isPresent()) {
            return METRICS;
        }
        if (isRead(method) && isUnder(path, "/ops")) {
            return QUERY_API;
        }
        if (isRead(method) && !isUnder(path, "/health") && !isUnder(path, "/metrics")) {
            return BUILDER_UI;
        }
        return NOT_FOUND;
    }

    /**
     * The service a {@code /metrics/{service}} path names ({@code command-api}, {@code query-api},
     * {@code agent-bridge}, {@code projector}); routed or not, since a scrape is not a request to its API.
     */
    public static Optional<Service> metricsOf(String path) {
        if (!path.startsWith(METRICS_PREFIX)) {
            return Optional.empty();
        }
        String name = path.substring(METRICS_PREFIX.length());
        for (Service service : Service.values()) {
            if (service.serviceName().equals(name)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    private static boolean isRead(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
