package io.flexboard.infra.local.router;

import io.flexboard.infra.local.services.Service;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/** Where the router sends a request. */
public enum Route {

    AGENT_BRIDGE(Service.AGENT_BRIDGE),
    QUERY_API(Service.QUERY_API),
    COMMAND_API(Service.COMMAND_API),
    HEALTH(null),
    NOT_FOUND(null);

    private final Service service;

    Route(Service service) {
        this.service = service;
    }

    public Optional<Service> service() {
        return Optional.ofNullable(service);
    }

    /**
     * {@code /api/agent/**} → agent-bridge; reads (GET, HEAD) on {@code /api/**} → query-api; every
     * other method on {@code /api/**} → command-api; {@code GET /health} → the stack's health.
     */
    public static Route of(HttpMethod method, String path) {
        if (isUnder(path, "/api/agent")) {
            return AGENT_BRIDGE;
        }
        if (isUnder(path, "/api")) {
            return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) ? QUERY_API : COMMAND_API;
        }
        if (("/health".equals(path) || "/health/".equals(path)) && (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
            return HEALTH;
        }
        return NOT_FOUND;
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
