package io.flexboard.infra.local.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.services.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LocalRouterTest {

    private final List<String> handled = new ArrayList<>();
    private final Map<Service, HttpHandler> services = Map.of(
            Service.COMMAND_API, recording("command-api"),
            Service.QUERY_API, recording("query-api"),
            Service.AGENT_BRIDGE, recording("agent-bridge"),
            Service.PROJECTOR, recording("projector"));

    @Test
    void a_request_is_handed_to_the_service_that_owns_it_in_process() {
        LocalRouter router = router(List.of());

        call(router, MockServerHttpRequest.post("/api/tenants").build());
        call(router, MockServerHttpRequest.get("/api/tenants").build());
        call(router, MockServerHttpRequest.post("/api/agent/sync").build());

        assertThat(handled).containsExactly("command-api POST /api/tenants", "query-api GET /api/tenants", "agent-bridge POST /api/agent/sync");
    }

    @Test
    void a_scrape_reaches_the_service_as_its_own_metrics_path_even_the_unrouted_projector() {
        LocalRouter router = router(List.of());

        call(router, MockServerHttpRequest.get("/metrics/projector").build());
        call(router, MockServerHttpRequest.get("/metrics/query-api").build());

        assertThat(handled).containsExactly("projector GET /metrics", "query-api GET /metrics");
    }

    @Test
    void a_scrape_of_a_service_that_is_not_running_is_a_503_problem() {
        LocalRouter router = new LocalRouter(service -> Optional.empty(), List.of());

        MockServerHttpResponse response = call(router, MockServerHttpRequest.get("/metrics/agent-bridge").build());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(json(response).get("detail").asString()).isEqualTo("agent-bridge is not running");
    }

    @Test
    void a_page_of_the_builder_ui_is_its_index_with_a_content_security_policy() {
        MockServerHttpResponse response = call(router(List.of()), MockServerHttpRequest.get("/tenants/1/dashboards/2/visual").build());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-cache");
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(response.getBodyAsString().block()).contains("Flexboard test UI");
        assertThat(handled).isEmpty();
    }

    @Test
    void the_builder_uis_hashed_assets_are_cached_for_good() {
        MockServerHttpResponse response = call(router(List.of()), MockServerHttpRequest.get("/assets/app-3f2a1b.js").build());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).hasToString("text/javascript;charset=UTF-8");
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertThat(response.getBodyAsString().block()).contains("flexboard");
    }

    @Test
    void a_missing_file_or_a_path_that_climbs_out_is_a_not_found_problem_not_the_index() {
        assertThat(call(router(List.of()), MockServerHttpRequest.get("/assets/gone-123.js").build()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(router(List.of()), MockServerHttpRequest.get("/assets/../../application.yml").build()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void an_unknown_path_is_a_not_found_problem() {
        MockServerHttpResponse response = call(router(List.of()), MockServerHttpRequest.post("/nowhere").build());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.get("type").asString()).isEqualTo("https://flexboard.io/problems/not-found");
        assertThat(body.get("title").asString()).isEqualTo("Not Found");
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("detail").asString()).contains("POST /nowhere");
        assertThat(handled).isEmpty();
    }

    @Test
    void swagger_ui_is_served_at_api_docs_under_the_routers_content_security_policy() {
        MockServerHttpResponse page = call(router(List.of()), MockServerHttpRequest.get("/api/docs").build());
        MockServerHttpResponse bundle = call(router(List.of()), MockServerHttpRequest.get("/api/docs/swagger-ui-bundle.js").build());
        MockServerHttpResponse start = call(router(List.of()), MockServerHttpRequest.get("/api/docs/flexboard-api-docs.js").build());

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-eval");
        assertThat(page.getBodyAsString().block()).contains("/api/docs/swagger-ui-bundle.js").doesNotContain("<script>");
        assertThat(bundle.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bundle.getHeaders().getContentType().toString()).contains("javascript");
        assertThat(start.getBodyAsString().block()).contains("/api/docs/command-api.json", "/api/docs/query-api.json",
                "/api/docs/agent-bridge.json", "/api/docs/projector.json");
    }

    @Test
    void a_services_document_is_its_own_v3_api_docs_and_an_unknown_one_is_not_found() {
        LocalRouter router = router(List.of());

        call(router, MockServerHttpRequest.get("/api/docs/agent-bridge.json").build());
        call(router, MockServerHttpRequest.get("/api/docs/projector.json").build());
        MockServerHttpResponse unknown = call(router, MockServerHttpRequest.get("/api/docs/billing.json").build());
        MockServerHttpResponse climbing = call(router, MockServerHttpRequest.get("/api/docs/../../health").build());

        assertThat(handled).containsExactly("agent-bridge GET /v3/api-docs", "projector GET /v3/api-docs");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(climbing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void health_is_up_when_every_check_is_up() {
        MockServerHttpResponse response = call(router(List.of(new HealthCheck("postgres", () -> true), new HealthCheck("kafka", () -> true))),
                MockServerHttpRequest.get("/health").build());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json(response);
        assertThat(body.get("status").asString()).isEqualTo("UP");
        assertThat(body.get("checks").get(0).get("name").asString()).isEqualTo("postgres");
        assertThat(body.get("checks").get(1).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void health_is_down_with_503_when_any_check_fails() {
        MockServerHttpResponse response = call(router(List.of(
                        new HealthCheck("postgres", () -> true),
                        new HealthCheck("kafka", () -> { throw new IllegalStateException("broker gone"); }))),
                MockServerHttpRequest.get("/health").build());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        JsonNode body = json(response);
        assertThat(body.get("status").asString()).isEqualTo("DOWN");
        assertThat(body.get("checks").get(1).get("status").asString()).isEqualTo("DOWN");
    }

    private LocalRouter router(List<HealthCheck> checks) {
        return new LocalRouter(service -> Optional.ofNullable(services.get(service)), checks,
                new BuilderUi(getClass().getClassLoader(), "test-builder-ui/"));
    }

    private HttpHandler recording(String name) {
        return (request, response) -> {
            handled.add(name + " " + request.getMethod() + " " + request.getPath().value());
            response.setStatusCode(HttpStatus.NO_CONTENT);
            return response.setComplete();
        };
    }

    private static MockServerHttpResponse call(LocalRouter router, MockServerHttpRequest request) {
        MockServerHttpResponse response = new MockServerHttpResponse();
        router.handle(request, response).block();
        return response;
    }

    private static JsonNode json(MockServerHttpResponse response) {
        return JsonMapper.builder().build().readTree(response.getBodyAsString().block());
    }
}
