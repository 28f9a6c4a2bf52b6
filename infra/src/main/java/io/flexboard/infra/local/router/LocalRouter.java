package io.flexboard.infra.local.router;

import io.flexboard.infra.local.services.Service;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack's one public HTTP entry: hands each request, in-process and without a proxy hop, to
 * the {@link HttpHandler} of the service that owns it, answers {@code /health} itself and serves
 * the builder UI.
 */
public final class LocalRouter implements HttpHandler {

    private static final MediaType PROBLEM_JSON = MediaType.parseMediaType("application/problem+json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The UI's pages: scripts and styles from this origin only (ECharts, gridstack and the JSON editor set
     * inline styles), API calls same-origin, never framed. The compose and Kubernetes deployments' builder-ui
     * nginx sends the same (ComposeFileTest).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private final Function<Service, Optional<HttpHandler>> handlers;
    private final List<HealthCheck> healthChecks;
    private final BuilderUi builderUi;
    private final ApiDocs apiDocs;

    public LocalRouter(Function<Service, Optional<HttpHandler>> handlers, List<HealthCheck> healthChecks) {
        this(handlers, healthChecks, BuilderUi.fromClasspath(), ApiDocs.fromClasspath());
    }

    public LocalRouter(Function<Service, Optional<HttpHandler>> handlers, List<HealthCheck> healthChecks, BuilderUi builderUi) {
        this(handlers, healthChecks, builderUi, ApiDocs.fromClasspath());
    }

    public LocalRouter(Function<Service, Optional<HttpHandler>> handlers, List<HealthCheck> healthChecks, BuilderUi builderUi,
                       ApiDocs apiDocs) {
        this.handlers = handlers;
        this.healthChecks = List.copyOf(healthChecks);
        this.builderUi = builderUi;
        this.apiDocs = apiDocs;
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        String path = request.getPath().pathWithinApplication().value();
        Route route = Route.of(request.getMethod(), path);
        if (route == Route.HEALTH) {
            return health(request, response);
        }
        if (route == Route.METRICS) {
            return metrics(request, response, path);
        }
        if (route == Route.BUILDER_UI) {
            return builderUi(request, response, path);
        }
        if (route == Route.API_DOCS) {
            return apiDocs(request, response, path);
        }
        Optional<HttpHandler> handler = route.service().flatMap(handlers);
        if (handler.isPresent()) {
            return handler.get().handle(request, response);
        }
        if (route.service().isPresent()) {
            return problem(response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service Unavailable",
                    route.service().get().serviceName() + " is not running", path);
        }
        return problem(response, HttpStatus.NOT_FOUND, "not-found", "Not Found",
                "No resource at " + request.getMethod() + " " + path, path);
    }

    /** Hands the scrape to the service's own handler as {@code GET /metrics}, the path it serves in a deployment. */
    private Mono<Void> metrics(ServerHttpRequest request, ServerHttpResponse response, String path) {
        Service service = Route.metricsOf(path).orElseThrow();
        Optional<HttpHandler> handler = handlers.apply(service);
        if (handler.isEmpty()) {
            return problem(response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service Unavailable",
                    service.serviceName() + " is not running", path);
        }
        return handler.get().handle(request.mutate().path("/metrics").build(), response);
    }

    private Mono<Void> builderUi(ServerHttpRequest request, ServerHttpResponse response, String path) {
        return builderUi.find(path).flatMap(asset -> serve(request, response, path, asset));
    }

    /**
     * Swagger UI's page and files like the builder UI's (same headers, same Content-Security-Policy); a
     * service's document is its own {@code GET /v3/api-docs}, so its server URL is this router's.
     */
    private Mono<Void> apiDocs(ServerHttpRequest request, ServerHttpResponse response, String path) {
        Optional<ApiDocs.Target> target = ApiDocs.target(path);
        if (target.isEmpty()) {
            return serve(request, response, path, Optional.empty());
        }
        if (target.get() instanceof ApiDocs.Document document) {
            return handlers.apply(document.service())
                    .map(handler -> handler.handle(request.mutate().path(ApiDocs.SERVICE_DOCUMENT_PATH).build(), response))
                    .orElseGet(() -> problem(response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service Unavailable",
                            document.service().serviceName() + " is not running", path));
        }
        if (target.get() instanceof ApiDocs.Asset asset) {
            return apiDocs.page().find(asset.name())
                    .flatMap(own -> own.isPresent() ? Mono.just(own) : apiDocs.swaggerUi().find(asset.name()))
                    .flatMap(file -> serve(request, response, path, file));
        }
        return apiDocs.page().find("/").flatMap(page -> serve(request, response, path, page));
    }

    private Mono<Void> serve(ServerHttpRequest request, ServerHttpResponse response, String path, Optional<BuilderUi.Asset> asset) {
        if (asset.isEmpty()) {
            return problem(response, HttpStatus.NOT_FOUND, "not-found", "Not Found", "No resource at " + request.getMethod() + " " + path, path);
        }
        BuilderUi.Asset file = asset.get();
        HttpHeaders headers = response.getHeaders();
        headers.setCacheControl(file.cacheControl());
        headers.set("X-Content-Type-Options", "nosniff");
        if (MediaType.TEXT_HTML.isCompatibleWith(file.contentType())) {
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("Referrer-Policy", "no-referrer");
        }
        response.setStatusCode(HttpStatus.OK);
        return write(response, file.contentType(), file.bytes(), HttpMethod.HEAD.equals(request.getMethod()));
    }

    private Mono<Void> health(ServerHttpRequest request, ServerHttpResponse response) {
        return Flux.fromIterable(healthChecks)
                .flatMapSequential(check -> check.run().map(up -> Map.of("name", check.name(), "status", up ? "UP" : "DOWN")))
                .collectList()
                .flatMap(checks -> {
                    boolean up = checks.stream().allMatch(check -> "UP".equals(check.get("status")));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", up ? "UP" : "DOWN");
                    body.put("checks", checks);
                    response.setStatusCode(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
                    response.getHeaders().setCacheControl("no-store");
                    return write(response, MediaType.APPLICATION_JSON, body, HttpMethod.HEAD.equals(request.getMethod()));
                });
    }

    private static Mono<Void> problem(ServerHttpResponse response, HttpStatus status, String slug, String title, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://flexboard.io/problems/" + slug);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", instance);
        response.setStatusCode(status);
        return write(response, PROBLEM_JSON, body, false);
    }

    private static Mono<Void> write(ServerHttpResponse response, MediaType contentType, Object body, boolean headOnly) {
        return write(response, contentType, JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8), headOnly);
    }

    private static Mono<Void> write(ServerHttpResponse response, MediaType contentType, byte[] bytes, boolean headOnly) {
        response.getHeaders().setContentType(contentType);
        response.getHeaders().setContentLength(bytes.length);
        if (headOnly) {
            return response.setComplete();
        }
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
