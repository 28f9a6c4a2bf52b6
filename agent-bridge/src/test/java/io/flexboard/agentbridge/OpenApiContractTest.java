package io.flexboard.agentbridge;

import io.flexboard.foundation.openapi.OpenApiDocument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** agent-bridge's OpenAPI document against its real endpoint and answers: the two must never disagree. */
class OpenApiContractTest extends AgentBridgeIntegrationTest {

    private static final String SYNC = "POST /api/agent/sync";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    OpenApiDocument document;

    @BeforeEach
    void readDocument() throws IOException {
        document = OpenApiDocument.read(client);
    }

    @Test
    void the_document_lists_exactly_the_operations_the_service_serves() {
        assertThat(document.operations()).isEqualTo(OpenApiDocument.served(mapping)).containsExactly(SYNC);
    }

    @Test
    void the_sync_needs_an_api_key_and_documents_every_problem_it_can_answer() {
        assertThat(document.root().at("/components/securitySchemes/api-key/scheme").asString()).isEqualTo("bearer");
        assertThat(document.root().at("/security/0").has("api-key")).isTrue();
        for (int status : new int[] {400, 401, 403, 413, 429, 503}) {
            assertThat(document.response(SYNC, status).at("/content/application~1problem+json").isMissingNode()).as("" + status).isFalse();
        }
    }

    @Test
    void the_sync_request_uses_the_json_field_names_and_requires_the_tenant_id() {
        var schema = document.root().at("/components/schemas/SyncRequest");
        assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrder("tenant_id", "current_version",
                "agent_version", "wait_seconds", "agent_id", "applied_version", "last_error", "last_status", "data_sources");
        assertThat(document.root().at("/components/schemas/ReportedDataSource/properties").propertyNames())
                .as("ids and types only, never a connection detail").containsExactlyInAnyOrder("id", "type");
        assertThat(schema.get("required").valueStream().map(node -> node.asString())).containsExactly("tenant_id");
        assertThat(schema.at("/properties/tenant_id/format").asString()).isEqualTo("uuid");
    }

    @Test
    void an_update_is_answered_as_the_document_says() {
        UUID tenant = given.tenantWithPublishedVersion(3, ACME_KEY);

        String body = sync(ACME_KEY, "{\"tenant_id\":\"" + tenant + "\",\"current_version\":2}", 200);

        assertThat(body).contains("\"metadata\"");
        assertThat(document.violations(SYNC, 200, "application/json", body)).isEmpty();
    }

    @Test
    void a_validation_problem_is_answered_as_the_document_says() {
        given.tenantWithApiKey(ACME_KEY);

        String body = sync(ACME_KEY, "{\"tenant_id\":\"not-a-uuid\",\"current_version\":-1}", 400);

        assertThat(document.violations(SYNC, 400, "application/problem+json", body)).isEmpty();
    }

    @Test
    void an_unknown_key_is_answered_as_the_document_says() {
        String body = sync("fbk_unknown_0000000000000000", "{\"tenant_id\":\"" + UUID.randomUUID() + "\"}", 401);

        assertThat(document.violations(SYNC, 401, "application/problem+json", body)).isEmpty();
    }

    private String sync(String apiKey, String json, int status) {
        return client.post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
