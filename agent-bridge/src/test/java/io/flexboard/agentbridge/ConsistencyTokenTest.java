package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

class ConsistencyTokenTest extends AgentBridgeIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void given_the_read_side_behind_the_token_when_syncing_then_waits_until_the_projector_catches_up() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(2, ACME_KEY);
        given.projectedUpTo(tenant, 10);

        CompletableFuture<ResponseEntity<String>> response = WebClient.create("http://localhost:" + port)
                .post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_KEY)
                .header("X-Consistency-Token", tenant + ":11")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tenant_id\": \"" + tenant + "\", \"current_version\": 2}")
                .retrieve().toEntity(String.class).toFuture();

        assertThatThrownBy(() -> response.get(400, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        given.projectedUpTo(tenant, 11);

        ResponseEntity<String> answer = response.get(5, TimeUnit.SECONDS);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"latest_version\":2");
    }

    @Test
    void given_a_key_not_yet_projected_when_syncing_with_the_token_that_issued_it_then_refused_at_once_and_accepted_once_projected() {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        given.projectedUpTo(tenant, 4);
        String freshKey = "fbk_fresh-key-issued-a-moment-ago";

        // The token does not make an unknown key wait: an unauthenticated request never parks (issue 11).
        client.post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + freshKey)
                .header("X-Consistency-Token", tenant + ":5")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tenant_id\": \"" + tenant + "\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized");

        // What a client does instead: wait on query-api with the token until the key is projected, then sync.
        given.apiKeyProjected(tenant, freshKey);
        given.projectedUpTo(tenant, 5);
        client.post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + freshKey)
                .header("X-Consistency-Token", tenant + ":5")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tenant_id\": \"" + tenant + "\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.latest_version").isEqualTo(1);
    }

    @Test
    void given_an_unknown_key_without_token_when_syncing_then_refused_at_once() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        client.post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer fbk_never-issued")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tenant_id\": \"" + tenant + "\"}")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void given_a_malformed_token_when_syncing_then_malformed_request_problem() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);

        client.post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_KEY)
                .header("X-Consistency-Token", tenant.toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tenant_id\": \"" + tenant + "\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
    }
}
