package io.flexboard.queryapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

class ConsistencyTokenTest extends QueryApiIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void given_the_read_side_already_at_the_token_when_read_then_answers_at_once() {
        UUID tenant = given.tenant("acme");
        given.projectedUpTo(tenant, 4);

        builder().get().uri("/api/tenants/{id}", tenant).header("X-Consistency-Token", tenant + ":4").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.slug").isEqualTo("acme");
    }

    @Test
    void given_the_read_side_behind_the_token_when_read_then_waits_until_the_projector_catches_up() throws Exception {
        UUID tenant = given.tenant("acme");
        given.projectedUpTo(tenant, 3);

        CompletableFuture<ResponseEntity<String>> response = WebClient.create("http://localhost:" + port)
                .get().uri("/api/tenants/{id}", tenant)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .header("X-Consistency-Token", tenant + ":5")
                .retrieve().toEntity(String.class).toFuture();

        assertThatThrownBy(() -> response.get(400, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        given.projectedUpTo(tenant, 5);

        ResponseEntity<String> answer = response.get(5, TimeUnit.SECONDS);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"slug\":\"acme\"");
    }

    @Test
    void given_a_malformed_token_when_read_then_malformed_request_problem() {
        builder().get().uri("/api/tenants").header("X-Consistency-Token", "acme:five").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("X-Consistency-Token"));
    }
}
