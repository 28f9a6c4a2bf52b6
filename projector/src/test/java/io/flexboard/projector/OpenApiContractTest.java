package io.flexboard.projector;

import io.flexboard.foundation.openapi.OpenApiDocument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** The projector's OpenAPI document against its real endpoints and answers: the two must never disagree. */
@EmbeddedKafka(partitions = 1, topics = {Topics.EVENTS, Topics.AGENT_SYNCS}, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource(properties = "flexboard.admin-token=" + OpenApiContractTest.ADMIN_TOKEN)
class OpenApiContractTest extends ProjectorIntegrationTest {

    static final String ADMIN_TOKEN = "contract-test-admin-token";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    OpenApiDocument document;

    @BeforeEach
    void readDocument() throws IOException {
        document = OpenApiDocument.read(http);
    }

    @Test
    void the_document_lists_exactly_the_operations_the_service_serves() {
        assertThat(document.operations()).isEqualTo(OpenApiDocument.served(mapping)).isNotEmpty();
    }

    @Test
    void every_path_variable_is_a_documented_uuid_parameter() {
        for (String operation : document.operations()) {
            assertThat(document.documentedPathParameters(operation)).as(operation)
                    .containsExactlyInAnyOrderElementsOf(OpenApiDocument.uuidPathVariables(operation));
        }
    }

    @Test
    void the_rebuild_request_uses_the_json_field_names() {
        assertThat(document.root().at("/components/schemas/RebuildRequest/properties").propertyNames()).containsExactly("read_models");
        assertThat(document.root().at("/components/schemas/RebuildView/properties").propertyNames())
                .contains("read_models", "events_applied", "started_at");
        assertThat(document.root().at("/components/securitySchemes/admin-token/scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void the_rebuild_list_is_answered_as_the_document_says() {
        String body = admin().get().uri("/api/ops/rebuilds").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(document.violations("GET /api/ops/rebuilds", 200, "application/json", body)).isEmpty();
    }

    @Test
    void an_unknown_read_model_is_answered_as_the_document_says() {
        String body = admin().post().uri("/api/ops/rebuilds").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"read_models\":[\"no-such-table\", 3]}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(document.violations("POST /api/ops/rebuilds", 400, "application/problem+json", body)).isEmpty();
    }

    @Test
    void an_unknown_rebuild_is_answered_as_the_document_says() {
        String body = admin().get().uri("/api/ops/rebuilds/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(document.violations("GET /api/ops/rebuilds/{id}", 404, "application/problem+json", body)).isEmpty();
    }

    private WebTestClient admin() {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN).build();
    }
}
