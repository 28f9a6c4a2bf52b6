package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

class SyncErrorsTest extends AgentBridgeIntegrationTest {

    @Test
    void given_no_api_key_when_syncing_then_unauthorized_problem_with_bearer_challenge() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        client.post().uri("/api/agent/sync").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tenant_id\": \"" + tenant + "\"}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.instance").isEqualTo("/api/agent/sync")
                // the spec's agent contract: success false and an error string
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error").isNotEmpty();
    }

    @Test
    void given_an_unknown_api_key_when_syncing_then_unauthorized_problem() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        sync("fbk_not_a_key", "{\"tenant_id\": \"" + tenant + "\"}")
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized");
    }

    @Test
    void given_the_key_of_another_tenant_when_syncing_then_forbidden_problem() {
        UUID acme = given.tenantWithPublishedVersion(2, ACME_KEY);
        given.tenantWithApiKey(GLOBEX_KEY);

        sync(GLOBEX_KEY, "{\"tenant_id\": \"" + acme + "\"}")
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.metadata").doesNotExist();
    }

    @Test
    void given_a_body_that_is_not_json_when_syncing_then_malformed_request_problem() {
        given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": ")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request")
                .jsonPath("$.errors").doesNotExist();
    }

    @Test
    void given_current_version_of_the_wrong_json_type_when_syncing_then_malformed_request_naming_it() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": \"five\"}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("current_version"));
    }

    @Test
    void given_no_tenant_id_when_syncing_then_validation_failed_naming_tenant_id() {
        given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"current_version\": 1}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation-failed")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("tenant_id")
                .jsonPath("$.errors[0].message").isNotEmpty();
    }

    @Test
    void given_a_negative_current_version_and_a_bad_tenant_id_when_syncing_then_validation_failed_naming_both() {
        given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"acme\", \"current_version\": -1}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("tenant_id")
                .jsonPath("$.errors[1].field").isEqualTo("current_version");
    }

    @Test
    void given_a_body_over_the_limit_when_syncing_then_payload_too_large_problem() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"agent_version\": \"" + "x".repeat(256 * 1024) + "\"}")
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "payload-too-large")
                .jsonPath("$.status").isEqualTo(413);
    }

    @Test
    void given_a_chunked_body_over_the_limit_when_syncing_then_payload_too_large_problem() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);
        String json = "{\"tenant_id\": \"" + tenant + "\", \"agent_version\": \"" + "x".repeat(300 * 1024) + "\"}";
        // A Flux body goes out chunked, without Content-Length: only the codec limit can catch it.
        Flux<DataBuffer> chunks = Flux.range(0, json.length() / 8192 + 1)
                .map(i -> json.substring(i * 8192, Math.min(json.length(), (i + 1) * 8192)))
                .map(part -> DefaultDataBufferFactory.sharedInstance.wrap(part.getBytes(StandardCharsets.UTF_8)));

        client.post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "payload-too-large");
    }

    @Test
    void given_a_plain_text_body_when_syncing_then_unsupported_media_type_problem() {
        given.tenantWithApiKey(ACME_KEY);

        client.post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_KEY)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("tenant please")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unsupported-media-type");
    }

    @Test
    void given_a_valid_key_when_an_unknown_route_or_wrong_method_is_used_then_not_found_and_method_not_allowed_problems() {
        given.tenantWithApiKey(ACME_KEY);

        client.get().uri("/api/agent/elsewhere").header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_KEY).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
        client.get().uri("/api/agent/sync").header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_KEY).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().exists(HttpHeaders.ALLOW)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "method-not-allowed");
    }

    @Test
    void given_a_correlation_id_when_sync_fails_then_it_is_echoed() {
        client.post().uri("/api/agent/sync").header("X-Correlation-Id", "agent-7-sync-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Correlation-Id", "agent-7-sync-1");
    }

    @Test
    void given_no_key_when_health_is_probed_then_it_answers_up() {
        client.get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/health/readiness").exchange().expectStatus().isOk();
    }
}
