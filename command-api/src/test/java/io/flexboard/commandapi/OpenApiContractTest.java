package io.flexboard.commandapi;

import io.flexboard.foundation.openapi.OpenApiDocument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** command-api's OpenAPI document against its real endpoints and answers: the two must never disagree. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OpenApiContractTest {

    private static final String ADMIN_TOKEN = "test-admin-token";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("flexboard.admin-token", () -> ADMIN_TOKEN);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    WebTestClient http;
    OpenApiDocument document;

    @LocalServerPort
    void client(int port) {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @BeforeEach
    void readDocument() throws IOException {
        document = OpenApiDocument.read(http);
    }

    @Test
    void the_document_lists_exactly_the_operations_the_service_serves() {
        assertThat(document.operations()).isEqualTo(OpenApiDocument.served(mapping)).isNotEmpty();
    }

    @Test
    void builder_ui_types_are_generated_from_this_document() throws IOException {
        assertThat(document.sameAsBuilderUiCopy("command-api")).as(OpenApiDocument.refreshBuilderUiCopy("command-api")).isTrue();
    }

    @Test
    void every_path_variable_is_a_documented_uuid_parameter() {
        for (String operation : document.operations()) {
            assertThat(document.documentedPathParameters(operation)).as(operation)
                    .containsExactlyInAnyOrderElementsOf(OpenApiDocument.uuidPathVariables(operation, java.util.Set.of("provider")));
        }
    }

    @Test
    void every_operation_needs_the_admin_token_and_documents_its_problems() {
        assertThat(document.root().at("/components/securitySchemes/admin-token/scheme").asString()).isEqualTo("bearer");
        assertThat(document.root().at("/security/0").has("admin-token")).isTrue();
        for (String operation : document.operations()) {
            assertThat(document.response(operation, 400).at("/content/application~1problem+json").isMissingNode()).as(operation).isFalse();
            assertThat(document.response(operation, 401).at("/content/application~1problem+json").isMissingNode()).as(operation).isFalse();
        }
        assertThat(document.response("POST /api/tenants/{tenantId}/versions/{versionId}/publish", 409).isMissingNode()).isFalse();
        assertThat(document.response("POST /api/tenants/{tenantId}/versions/{versionId}/publish", 412).isMissingNode()).isFalse();
        assertThat(document.response("PUT /api/dashboards/{dashboardId}/widgets", 413).isMissingNode()).isFalse();
    }

    @Test
    void request_bodies_use_the_json_field_names_and_mark_what_is_required() {
        var schema = document.root().at("/components/schemas/CreateTenantRequest");
        assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrder(
                "name", "slug", "license_type", "max_dashboards", "max_widgets_per_dashboard");
        assertThat(schema.get("required").valueStream().map(node -> node.asString())).containsExactlyInAnyOrder("name", "slug");
        assertThat(document.root().at("/components/schemas/WidgetRequest/properties").propertyNames())
                .contains("widget_type", "position_x", "position_y", "config");
    }

    @Test
    void a_created_tenant_is_answered_as_the_document_says() {
        EntityExchangeResult<String> created = http.post().uri("/api/tenants")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Contract\",\"slug\":\"contract-" + UUID.randomUUID().toString().substring(0, 8) + "\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult();

        assertThat(document.violations("POST /api/tenants", 201, "application/json", created.getResponseBody())).isEmpty();
    }

    @Test
    void a_validation_problem_is_answered_as_the_document_says() {
        EntityExchangeResult<String> refused = http.post().uri("/api/tenants")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"\",\"slug\":\"Not A Slug\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody(String.class).returnResult();

        assertThat(document.violations("POST /api/tenants", 400, "application/problem+json", refused.getResponseBody())).isEmpty();
    }

    @Test
    void an_unauthenticated_request_is_answered_as_the_document_says() {
        EntityExchangeResult<String> refused = http.post().uri("/api/tenants/{id}/activate", UUID.randomUUID())
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult();

        assertThat(document.violations("POST /api/tenants/{tenantId}/activate", 401, "application/problem+json",
                refused.getResponseBody())).isEmpty();
    }

    @Test
    void the_validator_refuses_an_answer_that_breaks_the_document() {
        assertThat(document.violations("POST /api/tenants", 201, "application/json", "{\"tenant\":{\"id\":\"x\"}}")).isNotEmpty();
    }
}
