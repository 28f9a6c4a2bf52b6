package io.flexboard.infra.local.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.services.Service;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RouteTest {

    @Test
    void agent_calls_go_to_the_agent_bridge_whatever_the_method() {
        assertThat(Route.of(HttpMethod.POST, "/api/agent/sync")).isEqualTo(Route.AGENT_BRIDGE);
        assertThat(Route.of(HttpMethod.GET, "/api/agent/sync")).isEqualTo(Route.AGENT_BRIDGE);
    }

    @Test
    void single_sign_on_goes_to_the_command_api_reads_included() {
        assertThat(Route.of(HttpMethod.GET, "/api/auth/providers")).isEqualTo(Route.COMMAND_API);
        assertThat(Route.of(HttpMethod.GET, "/api/auth/sso/keycloak/login")).isEqualTo(Route.COMMAND_API);
        assertThat(Route.of(HttpMethod.GET, "/api/auth/sso/keycloak/callback")).isEqualTo(Route.COMMAND_API);
        assertThat(Route.of(HttpMethod.POST, "/api/auth/sso/okta-saml/acs")).isEqualTo(Route.COMMAND_API);
        // query-api keeps the key set every service verifies tokens with.
        assertThat(Route.of(HttpMethod.GET, "/api/auth/jwks")).isEqualTo(Route.QUERY_API);
    }

    @Test
    void projection_rebuilds_go_to_the_projector_whatever_the_method() {
        assertThat(Route.of(HttpMethod.POST, "/api/ops/rebuilds")).isEqualTo(Route.PROJECTOR);
        assertThat(Route.of(HttpMethod.GET, "/api/ops/rebuilds")).isEqualTo(Route.PROJECTOR);
        assertThat(Route.of(HttpMethod.GET, "/api/ops/rebuilds/6f1c0000-0000-4000-8000-000000000000")).isEqualTo(Route.PROJECTOR);
        assertThat(Route.of(HttpMethod.GET, "/api/ops/quarantines")).isEqualTo(Route.PROJECTOR);
        assertThat(Route.of(HttpMethod.POST, "/api/ops/quarantines/6f1c0000-0000-4000-8000-000000000000/skip")).isEqualTo(Route.PROJECTOR);
        assertThat(Route.of(HttpMethod.DELETE, "/api/ops/rebuilds/6f1c0000-0000-4000-8000-000000000000")).isEqualTo(Route.PROJECTOR);
        assertThat(Route.PROJECTOR.service()).contains(Service.PROJECTOR);
        // The rest of /api/ops stays query-api's (the lag monitor), and a lookalike prefix is not a rebuild.
        assertThat(Route.of(HttpMethod.GET, "/api/ops/lag")).isEqualTo(Route.QUERY_API);
        assertThat(Route.of(HttpMethod.POST, "/api/ops/rebuildsx")).isEqualTo(Route.COMMAND_API);
    }

    @Test
    void reads_of_the_api_docs_are_swagger_ui_and_other_methods_there_stay_with_the_command_api() {
        assertThat(Route.of(HttpMethod.GET, "/api/docs")).isEqualTo(Route.API_DOCS);
        assertThat(Route.of(HttpMethod.GET, "/api/docs/query-api.json")).isEqualTo(Route.API_DOCS);
        assertThat(Route.of(HttpMethod.HEAD, "/api/docs/swagger-ui.css")).isEqualTo(Route.API_DOCS);
        assertThat(Route.of(HttpMethod.GET, "/api/docsx")).isEqualTo(Route.QUERY_API);
        assertThat(Route.of(HttpMethod.POST, "/api/docs")).isEqualTo(Route.COMMAND_API);
    }

    @Test
    void reads_go_to_the_query_api() {
        assertThat(Route.of(HttpMethod.GET, "/api/tenants")).isEqualTo(Route.QUERY_API);
        assertThat(Route.of(HttpMethod.HEAD, "/api/tenants/1/versions")).isEqualTo(Route.QUERY_API);
    }

    @Test
    void every_other_method_under_api_goes_to_the_command_api() {
        assertThat(Route.of(HttpMethod.POST, "/api/tenants")).isEqualTo(Route.COMMAND_API);
        assertThat(Route.of(HttpMethod.PUT, "/api/dashboards/1/widgets")).isEqualTo(Route.COMMAND_API);
        assertThat(Route.of(HttpMethod.DELETE, "/api/tenants/1")).isEqualTo(Route.COMMAND_API);
        assertThat(Route.of(HttpMethod.OPTIONS, "/api/tenants")).isEqualTo(Route.COMMAND_API);
    }

    @Test
    void a_path_that_only_starts_like_a_prefix_is_not_under_it() {
        assertThat(Route.of(HttpMethod.POST, "/api/agentx")).isEqualTo(Route.COMMAND_API);
        assertThat(Route.of(HttpMethod.GET, "/apis")).isEqualTo(Route.BUILDER_UI);
        assertThat(Route.of(HttpMethod.POST, "/apis")).isEqualTo(Route.NOT_FOUND);
    }

    @Test
    void health_is_answered_by_the_router() {
        assertThat(Route.of(HttpMethod.GET, "/health")).isEqualTo(Route.HEALTH);
        assertThat(Route.of(HttpMethod.POST, "/health")).isEqualTo(Route.NOT_FOUND);
    }

    @Test
    void a_scrape_of_any_service_goes_to_its_metrics_the_projector_included() {
        assertThat(Route.of(HttpMethod.GET, "/metrics/projector")).isEqualTo(Route.METRICS);
        assertThat(Route.metricsOf("/metrics/projector")).contains(Service.PROJECTOR);
        assertThat(Route.metricsOf("/metrics/command-api")).contains(Service.COMMAND_API);
        assertThat(Route.metricsOf("/metrics/query-api")).contains(Service.QUERY_API);
        assertThat(Route.metricsOf("/metrics/agent-bridge")).contains(Service.AGENT_BRIDGE);
        assertThat(Route.of(HttpMethod.POST, "/metrics/projector")).isEqualTo(Route.NOT_FOUND);
        assertThat(Route.of(HttpMethod.GET, "/metrics")).isEqualTo(Route.NOT_FOUND);
    }

    @Test
    void the_lag_page_is_served_by_the_query_api_for_reads_only() {
        assertThat(Route.of(HttpMethod.GET, "/ops/lag.html")).isEqualTo(Route.QUERY_API);
        assertThat(Route.of(HttpMethod.GET, "/ops/lag.js")).isEqualTo(Route.QUERY_API);
        assertThat(Route.of(HttpMethod.POST, "/ops/lag.html")).isEqualTo(Route.NOT_FOUND);
        assertThat(Route.of(HttpMethod.GET, "/opsx")).isEqualTo(Route.BUILDER_UI);
    }

    @Test
    void every_other_read_is_the_builder_ui_its_pages_and_its_files() {
        assertThat(Route.of(HttpMethod.GET, "/")).isEqualTo(Route.BUILDER_UI);
        assertThat(Route.of(HttpMethod.GET, "/tenants/1/dashboards/2/visual")).isEqualTo(Route.BUILDER_UI);
        assertThat(Route.of(HttpMethod.HEAD, "/assets/index-abc.js")).isEqualTo(Route.BUILDER_UI);
    }

    @Test
    void a_write_outside_the_api_and_a_read_of_an_unknown_health_or_metrics_path_are_not_found() {
        assertThat(Route.of(HttpMethod.POST, "/")).isEqualTo(Route.NOT_FOUND);
        assertThat(Route.of(HttpMethod.GET, "/metrics/x")).isEqualTo(Route.NOT_FOUND);
        assertThat(Route.of(HttpMethod.GET, "/metrics")).isEqualTo(Route.NOT_FOUND);
        assertThat(Route.of(HttpMethod.GET, "/health/x")).isEqualTo(Route.NOT_FOUND);
    }
}
