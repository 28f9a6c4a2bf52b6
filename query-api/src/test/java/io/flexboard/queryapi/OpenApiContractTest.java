package io.flexboard.queryapi;

import io.flexboard.foundation.openapi.OpenApiDocument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** query-api's OpenAPI document against its real endpoints and answers: the two must never disagree. */
class OpenApiContractTest extends QueryApiIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    OpenApiDocument document;

    @BeforeEach
    void readDocument() throws IOException {
        document = OpenApiDocument.read(anonymous());
    }

    @Test
    void the_document_lists_exactly_the_operations_the_service_serves() {
        assertThat(document.operations()).isEqualTo(OpenApiDocument.served(mapping)).isNotEmpty();
    }

    @Test
    void builder_ui_types_are_generated_from_this_document() throws IOException {
        assertThat(document.sameAsBuilderUiCopy("query-api")).as(OpenApiDocument.refreshBuilderUiCopy("query-api")).isTrue();
    }

    @Test
    void every_path_variable_is_a_documented_uuid_parameter() {
        for (String operation : document.operations()) {
            assertThat(document.documentedPathParameters(operation)).as(operation)
                    .containsExactlyInAnyOrderElementsOf(OpenApiDocument.uuidPathVariables(operation));
        }
    }

    @Test
    void every_operation_needs_the_admin_token_and_documents_its_problems() {
        assertThat(document.root().at("/components/securitySchemes/admin-token/scheme").asString()).isEqualTo("bearer");
        assertThat(document.root().at("/security/0").has("admin-token")).isTrue();
        for (String operation : document.operations()) {
            for (int status : new int[] {400, 401}) {
                assertThat(document.response(operation, status).at("/content/application~1problem+json").isMissingNode())
                        .as(operation + " " + status).isFalse();
            }
            // 503 consistency-timeout: only where the read waits for X-Consistency-Token
            boolean waits = document.parameterNames(operation).contains("X-Consistency-Token");
            assertThat(document.response(operation, 503).at("/content/application~1problem+json").isMissingNode())
                    .as(operation + " 503").isEqualTo(!waits);
        }
    }

    @Test
    void instants_and_ids_in_the_query_have_their_formats() {
        var parameters = document.operation("GET /api/tenants/{tenantId}/history").get("parameters");
        assertThat(parameters.valueStream().filter(p -> p.get("name").asString().equals("from")).findFirst().orElseThrow()
                .at("/schema/format").asString()).isEqualTo("date-time");
        assertThat(parameters.valueStream().filter(p -> p.get("name").asString().equals("dashboard_id")).findFirst().orElseThrow()
                .at("/schema/format").asString()).isEqualTo("uuid");
        assertThat(parameters.valueStream().anyMatch(p -> p.get("name").asString().equals("X-Consistency-Token"))).isTrue();
    }

    @Test
    void only_the_reads_that_wait_for_the_read_side_document_the_consistency_token() {
        assertThat(document.parameterNames("GET /api/tenants")).contains("X-Consistency-Token");
        assertThat(document.parameterNames("GET /api/ops/lag")).doesNotContain("X-Consistency-Token");
    }

    @Test
    void a_tenant_list_is_answered_as_the_document_says() {
        UUID tenant = given.tenant("Contract", "contract");
        given.dashboard(tenant, "sales");

        String body = builder().get().uri("/api/tenants").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"slug\":\"contract\"");
        assertThat(document.violations("GET /api/tenants", 200, "application/json", body)).isEmpty();
    }

    @Test
    void a_dashboard_is_answered_as_the_document_says() {
        UUID dashboard = given.dashboard(given.tenant("acme"), "sales");
        given.widget(dashboard, "revenue", "bar", 0);

        String body = builder().get().uri("/api/dashboards/{id}", dashboard).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(document.violations("GET /api/dashboards/{dashboardId}", 200, "application/json", body)).isEmpty();
    }

    @Test
    void a_malformed_parameter_is_answered_as_the_document_says() {
        String body = builder().get().uri("/api/tenants?limit=0").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(document.violations("GET /api/tenants", 400, "application/problem+json", body)).isEmpty();
    }

    @Test
    void an_unknown_tenant_is_answered_as_the_document_says() {
        String body = builder().get().uri("/api/tenants/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(document.violations("GET /api/tenants/{tenantId}", 404, "application/problem+json", body)).isEmpty();
    }

    @Test
    void the_reported_data_sources_are_answered_as_the_document_says() {
        UUID tenant = given.tenant("acme");
        given.agentReportedDataSources(tenant, "plant-1", java.time.Duration.ofMinutes(1), "erp:sqlserver");

        String body = builder().get().uri("/api/tenants/{id}/data-sources", tenant).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"last_reported_at\"");
        assertThat(document.violations("GET /api/tenants/{tenantId}/data-sources", 200, "application/json", body)).isEmpty();
    }
}
